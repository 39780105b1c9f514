import { createHash, randomBytes } from 'node:crypto';
import { anOrganisation } from './support/factories';
import { startWorker, waitFor, WorkerProcess } from './support/processes';
import { startApi, TestApi } from './support/test-api';

/** The worker prunes what identity keeps only while it is of use; what is still of use stays. */
describe('identity retention in the worker', () => {
  let api: TestApi;
  let worker: WorkerProcess;

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
  });

  const hash = () => createHash('sha256').update(randomBytes(16)).digest();

  it('deletes ended and lapsed sessions, old invitations and stale single sign-ons, and keeps the rest', async () => {
    const school = await anOrganisation(api, { kind: 'education' });
    const person = school.professionalIds[0];
    const session = (label: string, created: string, ended: string | null) =>
      api.dataSource.query(
        `INSERT INTO sessions (token_hash, person_id, role_at_start, stage, login_method, csrf_token, created_at, last_seen_at, ended_at, end_reason)
         VALUES ($1, $2, 'professional', 'active', 'password', $3, now() - $4::interval, now() - $4::interval,
                 now() - $5::interval, CASE WHEN $5::interval IS NULL THEN NULL ELSE 'logout' END)`,
        [hash(), person, label, created, ended],
      );
    await session('ended-two-days-ago', '3 days', '2 days');
    await session('lapsed', '12 days', null);
    await session('ended-an-hour-ago', '2 hours', '1 hour');
    await session('open', '5 minutes', null);
    const invitation = (created: string, expires: string, used: string | null) =>
      api.dataSource.query(
        `INSERT INTO invitations (person_id, token_hash, totp_secret, created_at, expires_at, used_at)
         VALUES ($1, $2, '\\x00', now() - $3::interval, now() + $4::interval, now() - $5::interval)`,
        [person, hash(), created, expires, used],
      );
    await invitation('60 days', '-53 days', null); // expired 53 days ago
    await invitation('40 days', '-33 days', '39 days'); // used 39 days ago
    await invitation('2 days', '5 days', null); // still open
    await invitation('10 days', '-3 days', '9 days'); // used 9 days ago: kept a while
    const sso = (age: string) =>
      api.dataSource.query(
        `INSERT INTO sso_logins (state_hash, organisation_id, code_verifier, nonce, created_at) VALUES ($1, $2, 'v', 'n', now() - $3::interval)`,
        [hash(), school.id, age],
      );
    await sso('11 minutes');
    await sso('1 minute');

    worker = await startWorker({ RETENTION_INTERVAL_MS: '1000' });
    await waitFor('the retention run', async () => {
      const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM sessions`);
      return n === 2;
    });
    const kept = await api.dataSource.query(`SELECT csrf_token FROM sessions ORDER BY created_at`);
    expect(kept.map((k: { csrf_token: string }) => k.csrf_token)).toEqual(['ended-an-hour-ago', 'open']);
    await waitFor('the invitations and single sign-ons', async () => {
      const [{ i, s }] = await api.dataSource.query(
        `SELECT (SELECT count(*) FROM invitations)::int AS i, (SELECT count(*) FROM sso_logins)::int AS s`,
      );
      return i === 2 && s === 1;
    });
    const [{ fresh }] = await api.dataSource.query(
      `SELECT count(*)::int AS fresh FROM sso_logins WHERE created_at > now() - interval '5 minutes'`,
    );
    expect(fresh).toBe(1);
  });
});
