import { AuditChain } from '../libs/audit/src';
import { anOrganisation } from './support/factories';
import { cli } from './support/processes';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
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
    await api.http().post(`/v1/registrations/${registration.id}/withdrawal`).set(bearer(org.secret)).send({ reason: 'unjustified', professionalId: registration.professionalId }).expect(200);
    return { org, registration };
  };

  it('cannot be changed or deleted by the application', async () => {
    await makeSomeHistory();
    await expect(api.dataSource.query(`UPDATE audit_events SET action = 'x' WHERE id = (SELECT min(id) FROM audit_events)`)).rejects.toThrow(/append-only/);
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
    const [victim] = await api.dataSource.query(`SELECT event_id AS id FROM audit_chain ORDER BY position OFFSET 3 LIMIT 1`);
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
    const [victim] = await api.dataSource.query(`SELECT event_id AS id FROM audit_chain ORDER BY position OFFSET 2 LIMIT 1`);
    await api.dataSource.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`);
    try {
      await api.dataSource.query(`DELETE FROM audit_events WHERE id = $1`, [victim.id]);
    } finally {
      await api.dataSource.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change`);
    }
    const result = await chain.verify();
    expect(result).toMatchObject({ intact: false, brokenAtEventId: String(victim.id), reason: 'the event was removed after it was sealed' });
  });

  it('is readable by administrators only, filtered by object, actor and time', async () => {
    await api.reset();
    const { org, registration } = await makeSomeHistory();
    const byObject = await api.http().get(`/v1/audit-events?objectId=${registration.id}`).set(bearer(ADMIN_KEY)).expect(200);
    expect(byObject.body.items.map((e: { action: string }) => e.action)).toEqual(['registration.withdrawn', 'registration.created']);
    expect(byObject.body.items[1]).toMatchObject({ actorOrganisationId: org.id, actorProfessionalId: org.professionalIds[0], objectType: 'registration' });
    const byActor = await api.http().get(`/v1/audit-events?actorOrganisationId=${org.id}&limit=1`).set(bearer(ADMIN_KEY)).expect(200);
    expect(byActor.body.items).toHaveLength(1);
    expect(byActor.body.nextCursor).toEqual(expect.any(String));
    const next = await api.http().get(`/v1/audit-events?actorOrganisationId=${org.id}&limit=1&cursor=${byActor.body.nextCursor}`).set(bearer(ADMIN_KEY)).expect(200);
    expect(next.body.items[0].id).not.toBe(byActor.body.items[0].id);
    const future = await api.http().get(`/v1/audit-events?from=2999-01-01T00:00:00Z`).set(bearer(ADMIN_KEY)).expect(200);
    expect(future.body.items).toEqual([]);
    await api.http().get('/v1/audit-events?from=yesterday').set(bearer(ADMIN_KEY)).expect(400);
    await api.http().get('/v1/audit-events').set(bearer(org.secret)).expect(403);
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
