import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditChain, AuditSealer } from '../libs/audit/src';
import { Metrics } from '../libs/observability/src';
import { anOrganisation } from './support/factories';
import { cli, cliWithEnv } from './support/processes';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY, testConfig } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

/** The audit log: append-only, sealed into a hash chain, verifiable, readable by administrators. */
describe('audit log', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
  });
  afterAll(() => api?.close());

  const makeSomeHistory = async () => {
    const org = await anOrganisation(api, { scopes: ['registrations'] });
    const registration = (
      await api
        .http()
        .post('/v1/registrations')
        .set(bearer(org.secret))
        .send({ professionalId: org.professionalIds[0], youth: { bsn: aBsn(), birthDate: bornYearsAgo(9) } })
        .expect(201)
    ).body;
    await api
      .http()
      .post(`/v1/registrations/${registration.id}/withdrawal`)
      .set(bearer(org.secret))
      .send({ reason: 'unjustified', professionalId: registration.professionalId })
      .expect(200);
    return { org, registration };
  };

  it('cannot be changed or deleted by the application', async () => {
    await makeSomeHistory();
    await expect(
      api.dataSource.query(`UPDATE audit_events SET action = 'x' WHERE id = (SELECT min(id) FROM audit_events)`),
    ).rejects.toThrow(/append-only/);
    await expect(api.dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    // The chain's links are append-only too.
    while ((await api.app.get(AuditChain).seal()) > 0);
    await expect(api.dataSource.query(`DELETE FROM audit_chain`)).rejects.toThrow(/append-only/);
  });

  it('is intact after sealing, and names the event that was edited behind its back', async () => {
    await makeSomeHistory();
    const chain = api.app.get(AuditChain);
    while ((await chain.seal(7)) > 0);
    const ok = await cli('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^intact: \d+ events checked/);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_events`);
    expect(ok.stdout).toContain(`intact: ${n} events checked`);

    // A database administrator edits one event directly (the trigger must be switched off for that).
    const [victim] = await api.dataSource.query(
      `SELECT event_id AS id FROM audit_chain ORDER BY position OFFSET 3 LIMIT 1`,
    );
    await api.dataSource.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`);
    try {
      await api.dataSource.query(`UPDATE audit_events SET action = 'registration.created' WHERE id = $1`, [victim.id]);
    } finally {
      await api.dataSource.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change`);
    }
    const broken = await cli('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`broken: audit event ${victim.id}`);
    expect(broken.stdout).toContain('changed after it was sealed');
  });

  it('notices a deleted event', async () => {
    await api.reset();
    await makeSomeHistory();
    const chain = api.app.get(AuditChain);
    while ((await chain.seal()) > 0);
    const [victim] = await api.dataSource.query(
      `SELECT event_id AS id FROM audit_chain ORDER BY position OFFSET 2 LIMIT 1`,
    );
    await api.dataSource.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`);
    try {
      await api.dataSource.query(`DELETE FROM audit_events WHERE id = $1`, [victim.id]);
    } finally {
      await api.dataSource.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change`);
    }
    const result = await chain.verify();
    expect(result).toMatchObject({
      intact: false,
      brokenAtEventId: String(victim.id),
      reason: 'the event was removed after it was sealed',
    });
  });

  it('is readable by administrators only, filtered by object, actor and time', async () => {
    await api.reset();
    const { org, registration } = await makeSomeHistory();
    const byObject = await api
      .http()
      .get(`/v1/audit-events?objectId=${registration.id}`)
      .set(bearer(ADMIN_KEY))
      .expect(200);
    expect(byObject.body.items.map((e: { action: string }) => e.action)).toEqual([
      'registration.withdrawn',
      'registration.created',
    ]);
    expect(byObject.body.items[1]).toMatchObject({
      actorOrganisationId: org.id,
      actorProfessionalId: org.professionalIds[0],
      objectType: 'registration',
    });
    const byActor = await api
      .http()
      .get(`/v1/audit-events?actorOrganisationId=${org.id}&limit=1`)
      .set(bearer(ADMIN_KEY))
      .expect(200);
    expect(byActor.body.items).toHaveLength(1);
    expect(byActor.body.nextCursor).toEqual(expect.any(String));
    const next = await api
      .http()
      .get(`/v1/audit-events?actorOrganisationId=${org.id}&limit=1&cursor=${byActor.body.nextCursor}`)
      .set(bearer(ADMIN_KEY))
      .expect(200);
    expect(next.body.items[0].id).not.toBe(byActor.body.items[0].id);
    const future = await api
      .http()
      .get(`/v1/audit-events?from=2999-01-01T00:00:00Z`)
      .set(bearer(ADMIN_KEY))
      .expect(200);
    expect(future.body.items).toEqual([]);
    await api.http().get('/v1/audit-events?from=yesterday').set(bearer(ADMIN_KEY)).expect(400);
    await api.http().get('/v1/audit-events').set(bearer(org.secret)).expect(403);
  });

  it('shows the administrator alone only administrative events; the privacy officer (scope audit) reads the whole log', async () => {
    await api.reset();
    const { org, registration } = await makeSomeHistory();
    const [{ id: gemeente }] = await api.dataSource.query(
      `SELECT id FROM organisations WHERE municipality_code = '0983' AND kind = 'municipality'`,
    );
    const issue = (scopes: string[], organisationId = gemeente) =>
      api.http().post(`/v1/organisations/${organisationId}/credentials`).set(bearer(ADMIN_KEY)).send({ scopes });
    const administrator = (await issue(['admin']).expect(201)).body.secret as string;
    const privacyOfficer = (await issue(['audit']).expect(201)).body.secret as string;

    const actions = async (key: string, query = '') =>
      (await api.http().get(`/v1/audit-events?limit=500${query}`).set(bearer(key)).expect(200)).body.items.map(
        (e: { action: string }) => e.action,
      ) as string[];
    const administrative = await actions(administrator);
    expect(administrative).toEqual(expect.arrayContaining(['organisation.connected', 'credential.issued']));
    expect(administrative.filter((a) => /^(registration|signal|match)/.test(a))).toEqual([]);
    expect(await actions(administrator, `&objectId=${registration.id}`)).toEqual([]);
    expect(await actions(privacyOfficer, `&objectId=${registration.id}`)).toEqual([
      'registration.withdrawn',
      'registration.created',
    ]);

    // Duties stay apart: no audit with casework, no audit outside the gemeente, and nobody issues operator.
    const combined = await issue(['audit', 'registrations']).expect(422);
    expect(combined.body).toMatchObject({ code: 'AUDIT_SCOPE_COMBINED', errors: [{ field: 'scopes' }] });
    expect((await issue(['audit'], org.id).expect(422)).body.code).toBe('SCOPE_NOT_ALLOWED_FOR_KIND');
    const operator = await issue(['operator']).expect(400);
    expect(operator.body.errors[0].field).toMatch(/^scopes/);
  });
});

describe('audit chain and late commits', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
    await api.reset();
  });
  afterAll(() => api?.close());

  it('seals an event whose transaction committed after later events were sealed', async () => {
    const chain = api.app.get(AuditChain);
    const runner = api.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    // This event takes an id now but commits only after the next ones are sealed.
    await runner.query(`INSERT INTO audit_events (action, object_type) VALUES ('test.late', 'test')`);
    await anOrganisation(api, { professionals: 0 });
    while ((await chain.seal()) > 0);
    await runner.commitTransaction();
    await runner.release();
    expect(await chain.verify()).toMatchObject({ intact: true, unsealed: 1 });
    expect(await chain.seal()).toBe(0); // the fast path does not look back
    expect(await chain.seal(5000, true)).toBe(1);
    expect(await chain.verify()).toMatchObject({ intact: true, unsealed: 0 });
  });
});

describe('audit chain keyed and anchored outside the database', () => {
  let api: TestApi;
  let dir: string;
  let anchorFile: string;

  const withTriggersOff = async (work: () => Promise<unknown>) => {
    await api.dataSource.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`);
    await api.dataSource.query(`ALTER TABLE audit_chain DISABLE TRIGGER audit_chain_no_change`);
    try {
      await work();
    } finally {
      await api.dataSource.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change`);
      await api.dataSource.query(`ALTER TABLE audit_chain ENABLE TRIGGER audit_chain_no_change`);
    }
  };
  const sealAndAnchor = async () => {
    const chain = api.app.get(AuditChain);
    while ((await chain.seal()) > 0);
    const config = Object.assign(testConfig(), { AUDIT_ANCHOR_FILE: anchorFile });
    await new AuditSealer(chain, config, api.dataSource, new Metrics('test')).anchor(true);
  };

  beforeAll(async () => {
    api = await startApi();
  });
  beforeEach(async () => {
    await api.reset();
    dir = mkdtempSync(join(tmpdir(), 'anchors-'));
    anchorFile = join(dir, 'audit-anchors.jsonl');
    for (let i = 0; i < 3; i += 1) await anOrganisation(api, { professionals: 0 });
    await sealAndAnchor();
  });
  afterAll(() => api?.close());

  it('is intact against its anchors; the anchor file holds signed heads only', async () => {
    const ok = await cli('audit', 'verify', anchorFile);
    expect(ok.stdout).toMatch(/^intact: \d+ events checked; 1 anchored heads checked/);
    const [line] = readFileSync(anchorFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(Object.keys(line).sort()).toEqual(['at', 'eventId', 'hash', 'mac', 'position']);
  });

  it('names a cut tail, which a walk of the chain alone calls intact', async () => {
    await withTriggersOff(async () => {
      const cut = `SELECT event_id FROM audit_chain ORDER BY position DESC LIMIT 3`;
      await api.dataSource.query(`DELETE FROM audit_events WHERE id IN (${cut})`);
      await api.dataSource.query(
        `DELETE FROM audit_chain WHERE position IN (SELECT position FROM audit_chain ORDER BY position DESC LIMIT 3)`,
      );
    });
    expect((await api.app.get(AuditChain).verify()).intact).toBe(true); // without the anchors nothing shows
    const result = await cli('audit', 'verify', anchorFile);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/the chain was cut: position \d+, anchored at .*, is missing/);
  });

  it('names a forged event re-sealed by the worker, because the re-sealed links differ from the anchored head', async () => {
    const [victim] = await api.dataSource.query(
      `SELECT position, event_id FROM audit_chain ORDER BY position DESC OFFSET 2 LIMIT 1`,
    );
    await withTriggersOff(async () => {
      await api.dataSource.query(`UPDATE audit_events SET action = 'credential.revoked' WHERE id = $1`, [
        victim.event_id,
      ]);
      await api.dataSource.query(`DELETE FROM audit_chain WHERE position >= $1`, [victim.position]);
    });
    const chain = api.app.get(AuditChain);
    while ((await chain.seal()) > 0);
    expect((await chain.verify()).intact).toBe(true); // the walk alone is fooled
    const result = await cli('audit', 'verify', anchorFile);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/the chain was rewritten: position \d+ no longer holds the link anchored/);
  });

  it('refuses links made with another key, and an anchor signed with another key', async () => {
    await anOrganisation(api, { professionals: 0 });
    const other = new AuditChain(
      api.dataSource,
      Object.assign(testConfig(), { VIR_AUDIT_KEY: 'another-audit-key-that-the-attacker-chose-0123' }),
    );
    while ((await other.seal()) > 0);
    const result = await cli('audit', 'verify', anchorFile);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('not made with this audit key');
    const forged = await cliWithEnv(
      { VIR_AUDIT_KEY: 'another-audit-key-that-the-attacker-chose-0123' },
      'audit',
      'verify',
      anchorFile,
    );
    expect(forged.stdout).toContain('is not signed with this audit key');
  });

  it('cannot be verified without its key (exit 78, the configuration is incomplete)', async () => {
    const result = await cliWithEnv({ VIR_AUDIT_KEY: '' }, 'audit', 'verify');
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('VIR_AUDIT_KEY');
  });
});
