import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { normaliseSurname } from '../libs/pseudonymisation/src/service-number';
import { anOrganisation } from './support/factories';
import { startWorker, WorkerProcess } from './support/processes';
import { dumpRedis } from './support/redis-dump';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { aBsn, bornYearsAgo } from './support/youths';

const run = promisify(execFile);

/**
 * The privacy proof: known BSNs, surnames and birth dates go in through the API, the worker
 * matches them, and then none of them may be found in a plain-text dump of the whole database,
 * in the logs of the api and the worker, or anywhere in Redis.
 */
describe('privacy: no BSN, name or birth date at rest, in logs or in jobs', () => {
  let api: TestApi;
  let worker: WorkerProcess;

  beforeAll(async () => {
    api = await startApi({ LOG_LEVEL: 'debug' });
    await api.reset();
    worker = await startWorker({ LOG_LEVEL: 'debug' });
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
  });

  it('leaves no trace of the youths it was given', async () => {
    const a = await anOrganisation(api, { scopes: ['registrations'] });
    const b = await anOrganisation(api, { scopes: ['registrations'] });
    const bsns = Array.from({ length: 6 }, () => aBsn());
    const surnames = ['Vermeulen-Özdemir', "d'Hondt van Rijswijk", 'Kowalczykówna'];
    const birthDates = [bornYearsAgo(9, 17), bornYearsAgo(14, 101), bornYearsAgo(19, 223)];

    for (const [i, bsn] of bsns.entries()) {
      for (const org of [a, b]) {
        await api
          .http()
          .post('/v1/registrations')
          .set(bearer(org.secret))
          .send({ professionalId: org.professionalIds[0], youth: { bsn, birthDate: birthDates[i % 3] } })
          .expect(201);
      }
    }
    for (const [i, surname] of surnames.entries()) {
      for (const org of [a, b]) {
        await api
          .http()
          .post('/v1/registrations')
          .set(bearer(org.secret))
          .send({ professionalId: org.professionalIds[0], youth: { surname, birthDate: birthDates[i], sex: 'O' } })
          .expect(201);
      }
    }
    // Rejected input must not leak either (it is never echoed or logged).
    await api
      .http()
      .post('/v1/registrations')
      .set(bearer(a.secret))
      .send({ professionalId: a.professionalIds[0], youth: { bsn: bsns[0], birthDate: birthDates[0] }, notes: 'x' })
      .expect(400);
    await api
      .http()
      .post('/v1/registrations')
      .set(bearer(a.secret))
      .send({ professionalId: a.professionalIds[0], youth: { bsn: bsns[1], birthDate: bornYearsAgo(30) } })
      .expect(422);
    // Let the worker match every youth first: a registration withdrawn before its match job runs
    // is rightly never matched, which would make the count below depend on timing.
    await waitUntilSettled(api.dataSource);
    const [{ n: matches }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM matches`);
    expect(matches).toBe(9); // the worker really processed them

    // Withdraw some, so the archive and tombstones are in the dump too.
    const list = await api.http().get('/v1/registrations?status=active&limit=3').set(bearer(a.secret)).expect(200);
    for (const [i, registration] of list.body.items.entries()) {
      await api
        .http()
        .post(`/v1/registrations/${registration.id}/withdrawal`)
        .set(bearer(a.secret))
        .send({ reason: i === 0 ? 'unjustified' : 'risk_gone', professionalId: registration.professionalId })
        .expect(200);
    }
    await waitUntilSettled(api.dataSource);

    const url = process.env.DATABASE_URL as string;
    const { stdout: database } = await run('pg_dump', ['--data-only', '--inserts', url], {
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(database).toContain('INSERT INTO public.registrations'); // the dump is real
    const places: Record<string, string> = {
      database,
      'api logs': api.logs.join('\n'),
      'worker logs': worker.logs.join('\n'),
      redis: await dumpRedis(process.env.REDIS_URL as string),
    };
    expect(places.redis).toContain('registration-created'); // jobs were there to inspect

    const secrets = [
      ...bsns,
      ...bsns.map((bsn) => bsn.replace(/^0/, '')),
      ...surnames,
      ...surnames.map(normaliseSurname),
      ...surnames.map((s) => s.toUpperCase()),
      ...birthDates,
    ];
    const found: string[] = [];
    for (const [place, text] of Object.entries(places)) {
      for (const secret of secrets)
        if (text.toLowerCase().includes(secret.toLowerCase())) found.push(`${secret} in ${place}`);
    }
    expect(found).toEqual([]);
  });
});
