import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import { QUEUES } from '../libs/queue/src/routes';
import { aFollowUpOfficer, anOrganisation } from './support/factories';
import { ROOT, startWorker, WorkerProcess } from './support/processes';
import { startSmtpSink } from './support/receivers';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

const run = promisify(execFile);

/**
 * Every command docs/api.md shows, run in order as an integrator would paste them, against a real
 * api and worker. curl fails on any answer of 400 or more, so an example that no longer works fails here.
 */
describe('the examples of docs/api.md', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const state = join(mkdtempSync(join(tmpdir(), 'docs-')), 'state.sh');

  beforeAll(async () => {
    // The invitation example mails its link.
    smtp = await startSmtpSink();
    api = await startApi({ SMTP_URL: smtp.url });
    await api.reset();
    const port = await api.listen();
    worker = await startWorker();
    const [{ id: gemeente }] = await api.dataSource.query(`SELECT id FROM organisations WHERE kind = 'municipality'`);
    await aFollowUpOfficer(api, gemeente);
    const followUp = (
      await api
        .http()
        .post(`/v1/organisations/${gemeente}/credentials`)
        .set(bearer(ADMIN_KEY))
        .send({ scopes: ['follow-up'] })
        .expect(201)
    ).body.secret;
    const mine = await anOrganisation(api);
    const theirs = await anOrganisation(api);
    // The professional already has an earlier registration (the one the list-and-withdraw example withdraws),
    // and another organisation registered the youth of the examples: the first example makes a match.
    await api
      .http()
      .post('/v1/registrations')
      .set(bearer(mine.secret))
      .send({ professionalId: mine.professionalIds[0], youth: { bsn: aBsn(), birthDate: bornYearsAgo(7) } })
      .expect(201);
    await api
      .http()
      .post('/v1/registrations')
      .set(bearer(theirs.secret))
      .send({ professionalId: theirs.professionalIds[0], youth: { bsn: '999993653', birthDate: '2012-03-04' } })
      .expect(201);
    writeFileSync(
      state,
      Object.entries({
        VIR: `http://127.0.0.1:${port}`,
        SECRET: mine.secret,
        PROFESSIONAL: mine.professionalIds[0],
        ADMIN: ADMIN_KEY,
        FOLLOW_UP: followUp,
      })
        .map(([k, v]) => `declare -x ${k}="${v}"`)
        .join('\n'),
    );
  });
  afterAll(async () => {
    await worker?.kill();
    // The webhook example points at a host that does not exist: its retries must not outlive the suite.
    const delivery = new Queue(QUEUES.delivery, { connection: { url: process.env.REDIS_URL as string } });
    await delivery.obliterate({ force: true }).catch(() => undefined);
    await delivery.close();
    await api?.close();
    await smtp?.close();
  });

  const blocks = [...readFileSync(join(ROOT, 'docs/api.md'), 'utf8').matchAll(/```bash\n([\s\S]*?)```/g)].map(
    (m) => m[1],
  );

  it('has examples to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(9);
  });

  it.each(blocks.map((block, i) => [i + 1, block.split('\n')[0].slice(0, 70), block]))(
    'example %i runs (%s)',
    async (_, __, block) => {
      await waitUntilSettled(api.dataSource);
      const script = [
        'set -euo pipefail',
        `source ${state}`,
        'curl() { command curl --fail-with-body --max-time 10 "$@"; }',
        block,
        `declare -p VIR SECRET PROFESSIONAL ADMIN FOLLOW_UP REGISTRATION OLDEST NEXT ORG PERSON AWAY COLLEAGUE SIGNAL MATCH INCIDENT REQUEST COMPLAINT GEMEENTE 2>/dev/null | sed -E 's/^declare -[-a-z]+ /declare -x /' > ${state}.next || true`,
        `mv ${state}.next ${state}`,
      ].join('\n');
      const result = await run('bash', ['-c', script]).catch(
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect({
        code: (result as { code?: number }).code ?? 0,
        stderr: (result as { stderr: string }).stderr.trim(),
      }).toEqual({ code: 0, stderr: '' });
      for (const name of block.matchAll(/^([A-Z_]+)=\$\(/gm))
        expect(readFileSync(state, 'utf8')).toMatch(new RegExp(`^declare -x ${name[1]}="[^"n][^"]*"$`, 'm'));
    },
  );
});
