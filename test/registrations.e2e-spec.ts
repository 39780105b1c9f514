import { addDays, addMonths, addWorkingDays, addYears } from '../libs/common/src/calendar';
import { anOrganisation, TestOrganisation } from './support/factories';
import { bearer, countRows, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo, today } from './support/youths';

describe('registrations (meldingen)', () => {
  let api: TestApi;
  let school: TestOrganisation;
  let police: TestOrganisation;

  const register = (org: TestOrganisation, body: Record<string, unknown>, professional = 0) =>
    api
      .http()
      .post('/v1/registrations')
      .set(bearer(org.secret))
      .send({ professionalId: org.professionalIds[professional], ...body });

  beforeAll(async () => {
    api = await startApi();
    await api.reset();
    school = await anOrganisation(api, { kind: 'education', professionals: 2, scopes: ['registrations'] });
    police = await anOrganisation(api, { kind: 'police_and_justice', professionals: 1, scopes: ['registrations'] });
  });
  afterAll(() => api.close());

  it('registers with a BSN: 201, nothing of the youth in the answer or the row, one outbox event and one audit entry', async () => {
    const bsn = aBsn();
    const birthDate = bornYearsAgo(14);
    const response = await register(school, { youth: { bsn, birthDate } }).expect(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      professionalId: school.professionalIds[0],
      organisationId: school.id,
      createdAt: expect.any(String),
      plannedRemovalDate: addYears(today(), 2),
      inform: 'youth_and_legal_representative',
      status: 'active',
      removedAt: null,
      removalReason: null,
      // This suite's api has no BRP connected (see brp-verification.e2e-spec.ts for one that has).
      verification: 'not_checked',
      // A case system that sent no confirmation still has the notice to give, within five working days.
      informationTask: {
        inform: 'youth_and_legal_representative',
        status: 'open',
        dueOn: addWorkingDays(today(), 5),
        informedOn: null,
        deferralGround: null,
        recheckOn: null,
      },
    });
    expect(JSON.stringify(response.body)).not.toContain(bsn);

    const [row] = await api.dataSource.query(`SELECT * FROM registrations WHERE id = $1`, [response.body.id]);
    expect(row.youth_key).toHaveLength(32);
    expect(row.key_version).toBe(1);
    expect(JSON.stringify(row)).not.toContain(bsn);
    expect(JSON.stringify(row)).not.toContain(birthDate);
    const outbox = await api.dataSource.query(
      `SELECT topic, payload FROM outbox WHERE payload->>'registrationId' = $1`,
      [response.body.id],
    );
    expect(outbox).toEqual([{ topic: 'registration.created', payload: { registrationId: response.body.id } }]);
    const audit = await api.dataSource.query(
      `SELECT action, actor_professional_id, actor_organisation_id FROM audit_events WHERE object_id = $1`,
      [response.body.id],
    );
    expect(audit).toEqual([
      {
        action: 'registration.created',
        actor_professional_id: school.professionalIds[0],
        actor_organisation_id: school.id,
      },
    ]);
  });

  it('answers the same whether or not the youth is already in the index (no existence oracle)', async () => {
    const bsn = aBsn();
    const birthDate = bornYearsAgo(9);
    const first = await register(police, { youth: { bsn, birthDate } }).expect(201);
    const second = await register(school, { youth: { bsn, birthDate } }).expect(201);
    const unknown = await register(school, { youth: { bsn: aBsn(), birthDate } }).expect(201);
    const shape = (body: Record<string, unknown>) => ({
      ...body,
      id: 'x',
      createdAt: 'x',
      professionalId: 'x',
      organisationId: 'x',
    });
    expect(shape(second.body)).toEqual(shape(unknown.body));
    expect(shape(first.body)).toEqual(shape(unknown.body));
    expect(Object.keys(second.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
  });

  it('is idempotent for the same professional: 200 with the existing registration and no new event', async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(17) };
    const first = await register(school, { youth }).expect(201);
    const events = await countRows(api.dataSource, 'outbox');
    const again = await register(school, { youth }).expect(200);
    expect(again.body).toEqual(first.body);
    expect(await countRows(api.dataSource, 'outbox')).toBe(events);
    // Another professional of the same organisation is a separate registration.
    const colleague = await register(school, { youth }, 1).expect(201);
    expect(colleague.body.id).not.toBe(first.body.id);
  });

  it('handles parallel retries of one registration as one', async () => {
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(12) };
    const responses = await Promise.all(Array.from({ length: 8 }, () => register(police, { youth })));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(7);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
  });

  it('treats an 8-digit BSN as the 9-digit one with a leading zero', async () => {
    const nine = '012345672';
    const a = await register(school, { youth: { bsn: nine, birthDate: bornYearsAgo(5) } }).expect(201);
    const b = await register(school, { youth: { bsn: nine.slice(1), birthDate: bornYearsAgo(5) } }).expect(200);
    expect(b.body.id).toBe(a.body.id);
  });

  it('registers a youth without a BSN by surname, birth date and sex, normalised', async () => {
    const birthDate = bornYearsAgo(3);
    const a = await register(school, { youth: { surname: '  Öztürk-de  Vries', birthDate, sex: 'V' } }).expect(201);
    expect(a.body.inform).toBe('legal_representative');
    const b = await register(police, { youth: { surname: 'OZTURK DE VRIES', birthDate, sex: 'V' } }).expect(201);
    const keys = await api.dataSource.query(
      `SELECT encode(youth_key, 'hex') AS k FROM registrations WHERE id = ANY($1)`,
      [[a.body.id, b.body.id]],
    );
    expect(new Set(keys.map((k: { k: string }) => k.k)).size).toBe(1);
    const other = await register(police, { youth: { surname: 'Öztürk-de Vries', birthDate, sex: 'M' } }).expect(201);
    const [otherKey] = await api.dataSource.query(
      `SELECT encode(youth_key, 'hex') AS k FROM registrations WHERE id = $1`,
      [other.body.id],
    );
    expect(otherKey.k).not.toBe(keys[0].k);
  });

  it.each([
    [bornYearsAgo(11), 'legal_representative'],
    [bornYearsAgo(12), 'youth_and_legal_representative'],
    [bornYearsAgo(15), 'youth_and_legal_representative'],
    [bornYearsAgo(16), 'youth'],
    [bornYearsAgo(22, 300), 'youth'],
  ])('a youth born %s is informed through %s', async (birthDate, inform) => {
    const response = await register(school, { youth: { bsn: aBsn(), birthDate } }).expect(201);
    expect(response.body.inform).toBe(inform);
  });

  it('caps the default removal date at the 23rd birthday and accepts an earlier requested date', async () => {
    const birthDate = bornYearsAgo(22);
    const capped = await register(school, { youth: { bsn: aBsn(), birthDate } }).expect(201);
    expect(capped.body.plannedRemovalDate).toBe(addYears(birthDate, 23));
    const chosen = addMonths(today(), 6);
    const requested = await register(school, {
      youth: { bsn: aBsn(), birthDate: bornYearsAgo(10) },
      plannedRemovalDate: chosen,
    }).expect(201);
    expect(requested.body.plannedRemovalDate).toBe(chosen);
  });

  describe('bad input gets a clear 4xx and stores nothing', () => {
    const valid = () => ({ bsn: aBsn(), birthDate: bornYearsAgo(10) });
    const cases: {
      name: string;
      body?: (o: TestOrganisation) => unknown;
      raw?: string;
      status: number;
      code: string;
      field?: string;
      as?: 'coordinator' | 'deactivated' | 'foreign';
    }[] = [
      {
        name: 'eleven-test failure',
        body: () => ({ youth: { bsn: '123456789', birthDate: bornYearsAgo(10) } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.bsn',
      },
      {
        name: '8 digits failing the test',
        body: () => ({ youth: { bsn: '12345678', birthDate: bornYearsAgo(10) } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.bsn',
      },
      {
        name: '10 digits',
        body: () => ({ youth: { bsn: '1234567823', birthDate: bornYearsAgo(10) } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.bsn',
      },
      {
        name: 'letters',
        body: () => ({ youth: { bsn: '12345678a', birthDate: bornYearsAgo(10) } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.bsn',
      },
      {
        name: 'all zeros',
        body: () => ({ youth: { bsn: '000000000', birthDate: bornYearsAgo(10) } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.bsn',
      },
      {
        name: 'bsn as a number',
        body: () => ({ youth: { bsn: 123456782, birthDate: bornYearsAgo(10) } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.bsn',
      },
      {
        name: 'impossible date',
        body: () => ({ youth: { bsn: aBsn(), birthDate: '2024-02-30' } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.birthDate',
      },
      {
        name: 'date in another format',
        body: () => ({ youth: { bsn: aBsn(), birthDate: '04-03-2012' } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.birthDate',
      },
      {
        name: 'future birth date',
        body: () => ({ youth: { bsn: aBsn(), birthDate: addYears(today(), 1) } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.birthDate',
      },
      {
        name: 'age 23 today',
        body: () => ({ youth: { bsn: aBsn(), birthDate: bornYearsAgo(23) } }),
        status: 422,
        code: 'YOUTH_TOO_OLD',
        field: 'youth.birthDate',
      },
      {
        name: 'age 40',
        body: () => ({ youth: { bsn: aBsn(), birthDate: bornYearsAgo(40) } }),
        status: 422,
        code: 'YOUTH_TOO_OLD',
      },
      {
        name: 'removal date in the past',
        body: () => ({ youth: valid(), plannedRemovalDate: '2020-01-01' }),
        status: 422,
        code: 'PLANNED_REMOVAL_NOT_IN_FUTURE',
        field: 'plannedRemovalDate',
      },
      {
        name: 'removal date today',
        body: () => ({ youth: valid(), plannedRemovalDate: today() }),
        status: 422,
        code: 'PLANNED_REMOVAL_NOT_IN_FUTURE',
      },
      {
        name: 'removal date beyond two years',
        body: () => ({ youth: valid(), plannedRemovalDate: addMonths(today(), 25) }),
        status: 422,
        code: 'PLANNED_REMOVAL_TOO_LATE',
      },
      {
        name: 'removal date after 23rd birthday',
        body: () => ({
          youth: { bsn: aBsn(), birthDate: bornYearsAgo(22) },
          plannedRemovalDate: addMonths(today(), 23),
        }),
        status: 422,
        code: 'PLANNED_REMOVAL_AFTER_AGE_LIMIT',
      },
      {
        name: 'unknown professional',
        body: () => ({ youth: valid(), professionalId: '6f1c2a9e-0000-4000-8000-000000000000' }),
        status: 422,
        code: 'PROFESSIONAL_UNKNOWN',
        field: 'professionalId',
      },
      {
        name: 'professional of another organisation',
        as: 'foreign',
        status: 422,
        code: 'PROFESSIONAL_UNKNOWN',
        field: 'professionalId',
      },
      {
        name: 'coordinator instead of professional',
        as: 'coordinator',
        status: 422,
        code: 'NOT_A_DESIGNATED_PROFESSIONAL',
      },
      { name: 'deactivated professional', as: 'deactivated', status: 422, code: 'PROFESSIONAL_INACTIVE' },
      {
        name: 'professionalId not a UUID',
        body: () => ({ youth: valid(), professionalId: 'p-1' }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'professionalId',
      },
      {
        name: 'both bsn and surname',
        body: () => ({ youth: { ...valid(), surname: 'Jansen', sex: 'M' } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth',
      },
      {
        name: 'sex with a bsn',
        body: () => ({ youth: { ...valid(), sex: 'M' } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.sex',
      },
      {
        name: 'missing sex without bsn',
        body: () => ({ youth: { surname: 'Jansen', birthDate: bornYearsAgo(10) } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.sex',
      },
      {
        name: 'unknown sex code',
        body: () => ({ youth: { surname: 'Jansen', birthDate: bornYearsAgo(10), sex: 'X' } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.sex',
      },
      {
        name: 'neither bsn nor surname',
        body: () => ({ youth: { birthDate: bornYearsAgo(10) } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth',
      },
      {
        name: 'missing youth',
        body: () => ({ youth: undefined }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth',
      },
      {
        name: 'youth as a string',
        body: () => ({ youth: '123456782' }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth',
      },
      {
        name: 'a reason (case content)',
        body: () => ({ youth: valid(), reason: 'huiselijk geweld' }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'reason',
      },
      {
        name: 'a risk category',
        body: () => ({ youth: valid(), riskCategory: 'a' }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'riskCategory',
      },
      {
        name: 'notes',
        body: () => ({ youth: valid(), notes: 'x' }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'notes',
      },
      {
        name: 'a diagnosis inside youth',
        body: () => ({ youth: { ...valid(), diagnosis: 'x' } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.diagnosis',
      },
      {
        name: 'oversized surname',
        body: () => ({ youth: { surname: 'x'.repeat(201), birthDate: bornYearsAgo(10), sex: 'M' } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'youth.surname',
      },
      { name: 'malformed JSON', raw: '{"youth": {"bsn": ', status: 400, code: 'MALFORMED_JSON' },
      {
        name: 'oversized body',
        body: () => ({ youth: { surname: 'x'.repeat(70_000), birthDate: bornYearsAgo(10), sex: 'M' } }),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
    ];

    it.each(cases)('$name → $status $code', async ({ body, raw, status, code, field, as }) => {
      const before = await api.dataSource.query(
        `SELECT count(*)::int AS n, max(created_at) AS last FROM registrations`,
      );
      const outboxBefore = await countRows(api.dataSource, 'outbox');
      let professionalId = school.professionalIds[0];
      if (as === 'coordinator') professionalId = school.coordinatorId;
      if (as === 'foreign') professionalId = police.professionalIds[0];
      if (as === 'deactivated') {
        const added = await api
          .http()
          .post(`/v1/organisations/${school.id}/professionals`)
          .set(bearer(ADMIN_KEY))
          .send({ name: 'Weg', email: 'weg@example.nl', phone: '+31 77 000 1111', role: 'professional' })
          .expect(201);
        await api
          .http()
          .delete(`/v1/organisations/${school.id}/professionals/${added.body.id}`)
          .set(bearer(ADMIN_KEY))
          .expect(200);
        professionalId = added.body.id;
      }
      const payload =
        raw ?? JSON.stringify({ professionalId, youth: valid(), ...(body ? (body(school) as object) : {}) });
      const response = await api
        .http()
        .post('/v1/registrations')
        .set(bearer(school.secret))
        .set('content-type', 'application/json')
        .send(payload);
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body.code).toBe(code);
      if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      const sentBsn = raw ? undefined : JSON.parse(payload).youth?.bsn;
      if (typeof sentBsn === 'string') expect(JSON.stringify(response.body)).not.toContain(sentBsn); // never echoed
      expect(
        await api.dataSource.query(`SELECT count(*)::int AS n, max(created_at) AS last FROM registrations`),
      ).toEqual(before);
      expect(await countRows(api.dataSource, 'outbox')).toBe(outboxBefore);
    });

    it('refuses to register for an organisation without an active coordinator', async () => {
      const org = await anOrganisation(api, { professionals: 1, scopes: ['registrations'] });
      await api
        .http()
        .delete(`/v1/organisations/${org.id}/professionals/${org.coordinatorId}`)
        .set(bearer(ADMIN_KEY))
        .expect(200);
      const response = await register(org, { youth: valid() }).expect(422);
      expect(response.body.code).toBe('ORGANISATION_WITHOUT_COORDINATOR');
    });

    it('needs the registrations scope', async () => {
      const org = await anOrganisation(api, { professionals: 1, scopes: ['signals'] });
      const response = await register(org, { youth: valid() }).expect(403);
      expect(response.body.code).toBe('SCOPE_MISSING');
    });
  });

  describe('withdrawal', () => {
    const newRegistration = async (org = school) =>
      (await register(org, { youth: { bsn: aBsn(), birthDate: bornYearsAgo(8) } }).expect(201)).body;

    it('risk_gone: archived for five years, and the registration keeps nothing of the youth', async () => {
      const registration = await newRegistration();
      const [{ youth_key: key }] = await api.dataSource.query(`SELECT youth_key FROM registrations WHERE id = $1`, [
        registration.id,
      ]);
      const withdrawn = await api
        .http()
        .post(`/v1/registrations/${registration.id}/withdrawal`)
        .set(bearer(school.secret))
        .send({ reason: 'risk_gone', professionalId: registration.professionalId })
        .expect(200);
      expect(withdrawn.body).toMatchObject({
        id: registration.id,
        status: 'withdrawn',
        removalReason: 'risk_gone',
        removedAt: expect.any(String),
      });
      const [row] = await api.dataSource.query(
        `SELECT youth_key, key_version, age_limit_date FROM registrations WHERE id = $1`,
        [registration.id],
      );
      expect(row).toEqual({ youth_key: null, key_version: null, age_limit_date: null });
      const [archived] = await api.dataSource.query(
        `SELECT youth_key, destroy_at::text FROM archive_entries WHERE registration_id = $1`,
        [registration.id],
      );
      expect(archived.youth_key.equals(key)).toBe(true);
      expect(archived.destroy_at).toBe(addYears(today(), 5));
      const events = await api.dataSource.query(
        `SELECT topic FROM outbox WHERE payload->>'registrationId' = $1 ORDER BY id`,
        [registration.id],
      );
      expect(events.map((e: { topic: string }) => e.topic)).toEqual(['registration.created', 'registration.removed']);
      const [audit] = await api.dataSource.query(
        `SELECT details FROM audit_events WHERE object_id = $1 AND action = 'registration.withdrawn'`,
        [registration.id],
      );
      expect(audit.details).toMatchObject({ reason: 'risk_gone', archived: true });

      // The same withdrawal again changes nothing; another reason is a conflict.
      await api
        .http()
        .post(`/v1/registrations/${registration.id}/withdrawal`)
        .set(bearer(school.secret))
        .send({ reason: 'risk_gone', professionalId: registration.professionalId })
        .expect(200);
      const conflict = await api
        .http()
        .post(`/v1/registrations/${registration.id}/withdrawal`)
        .set(bearer(school.secret))
        .send({ reason: 'unjustified', professionalId: registration.professionalId })
        .expect(409);
      expect(conflict.body.code).toBe('REGISTRATION_NOT_ACTIVE');
      expect(await countRows(api.dataSource, `archive_entries WHERE registration_id = '${registration.id}'`)).toBe(1);
    });

    it('unjustified: deleted outright, nothing archived', async () => {
      const registration = await newRegistration();
      await api
        .http()
        .post(`/v1/registrations/${registration.id}/withdrawal`)
        .set(bearer(school.secret))
        .send({ reason: 'unjustified', professionalId: registration.professionalId })
        .expect(200);
      expect(await countRows(api.dataSource, `archive_entries WHERE registration_id = '${registration.id}'`)).toBe(0);
      const [row] = await api.dataSource.query(`SELECT youth_key FROM registrations WHERE id = $1`, [registration.id]);
      expect(row.youth_key).toBeNull();
    });

    it('only by the owning organisation and professional; anything else changes nothing', async () => {
      const registration = await newRegistration();
      const foreign = await api
        .http()
        .post(`/v1/registrations/${registration.id}/withdrawal`)
        .set(bearer(police.secret))
        .send({ reason: 'unjustified', professionalId: registration.professionalId })
        .expect(404);
      expect(foreign.body.code).toBe('REGISTRATION_NOT_FOUND');
      const unknown = await api
        .http()
        .post('/v1/registrations/6f1c2a9e-0000-4000-8000-000000000000/withdrawal')
        .set(bearer(police.secret))
        .send({ reason: 'unjustified', professionalId: registration.professionalId })
        .expect(404);
      expect({ ...unknown.body, instance: 0, correlationId: 0 }).toEqual({
        ...foreign.body,
        instance: 0,
        correlationId: 0,
      });
      await api
        .http()
        .post('/v1/registrations/nope/withdrawal')
        .set(bearer(school.secret))
        .send({ reason: 'unjustified', professionalId: registration.professionalId })
        .expect(404);
      const other = await api
        .http()
        .post(`/v1/registrations/${registration.id}/withdrawal`)
        .set(bearer(school.secret))
        .send({ reason: 'unjustified', professionalId: school.professionalIds[1] })
        .expect(422);
      expect(other.body.code).toBe('NOT_OWN_REGISTRATION');
      // The acting professional is required: a colleague cannot withdraw by leaving it out (Jw 7.1.4.5(1)).
      const anonymous = await api
        .http()
        .post(`/v1/registrations/${registration.id}/withdrawal`)
        .set(bearer(school.secret))
        .send({ reason: 'unjustified' })
        .expect(400);
      expect(anonymous.body.errors).toEqual([expect.objectContaining({ field: 'professionalId' })]);
      for (const body of [
        {},
        { reason: 'expired', professionalId: registration.professionalId },
        { reason: 'risk_gone', professionalId: registration.professionalId, note: 'x' },
      ]) {
        await api
          .http()
          .post(`/v1/registrations/${registration.id}/withdrawal`)
          .set(bearer(school.secret))
          .send(body)
          .expect(400);
      }
      const still = await api.http().get(`/v1/registrations/${registration.id}`).set(bearer(school.secret)).expect(200);
      expect(still.body.status).toBe('active');
    });
  });

  describe('reading', () => {
    it('lists only the own organisation, with filters and a cursor', async () => {
      const org = await anOrganisation(api, { professionals: 2, scopes: ['registrations'] });
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1)
        ids.push(
          (await register(org, { youth: { bsn: aBsn(), birthDate: bornYearsAgo(6) } }, i % 2).expect(201)).body.id,
        );
      await api
        .http()
        .post(`/v1/registrations/${ids[0]}/withdrawal`)
        .set(bearer(org.secret))
        .send({ reason: 'unjustified', professionalId: org.professionalIds[0] })
        .expect(200);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string; organisationId: string }[]; nextCursor: string | null } } = await api
          .http()
          .get(`/v1/registrations?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set(bearer(org.secret))
          .expect(200);
        seen.push(...page.body.items.map((r) => r.id));
        expect(page.body.items.every((r) => r.organisationId === org.id)).toBe(true);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids);

      const active = await api.http().get('/v1/registrations?status=active').set(bearer(org.secret)).expect(200);
      expect(active.body.items).toHaveLength(4);
      const byProfessional = await api
        .http()
        .get(`/v1/registrations?professionalId=${org.professionalIds[1]}`)
        .set(bearer(org.secret))
        .expect(200);
      expect(byProfessional.body.items.map((r: { id: string }) => r.id)).toEqual([ids[1], ids[3]]);
      await api.http().get('/v1/registrations?status=deleted').set(bearer(org.secret)).expect(400);
      await api.http().get('/v1/registrations?bsn=123456782').set(bearer(org.secret)).expect(400);
      await api.http().get(`/v1/registrations/${ids[1]}`).set(bearer(school.secret)).expect(404);
    });
  });

  describe('the information task (Jw 7.1.5.1(1), AVG 14)', () => {
    const task = (id: string, org = school, body: Record<string, unknown> = {}) =>
      api
        .http()
        .put(`/v1/registrations/${id}/information-task`)
        .set(bearer(org.secret))
        .send({ professionalId: org.professionalIds[0], ...body });
    const confirmed = (informed: string) => ({ confirmations: { legalGround: true, informed } });

    it('is done at once when the professional informed before registering, open with a due date after an urgent one', async () => {
      const before = await register(school, {
        youth: { bsn: aBsn(), birthDate: bornYearsAgo(8) },
        ...confirmed('before_registering'),
      }).expect(201);
      expect(before.body.informationTask).toEqual({
        inform: 'legal_representative',
        status: 'informed',
        dueOn: today(),
        informedOn: today(),
        deferralGround: null,
        recheckOn: null,
      });
      const urgent = await register(school, {
        youth: { bsn: aBsn(), birthDate: bornYearsAgo(17) },
        ...confirmed('urgent_exception'),
      }).expect(201);
      expect(urgent.body.informationTask).toMatchObject({
        inform: 'youth',
        status: 'open',
        dueOn: addWorkingDays(today(), 5),
      });
      await task(before.body.id, school, { status: 'informed', informedOn: today() }).expect(409);
    });

    it('records informing or a postponement on a ground, refusing impossible days and leaving the row unchanged', async () => {
      const { id } = (
        await register(school, {
          youth: { bsn: aBsn(), birthDate: bornYearsAgo(13) },
          ...confirmed('urgent_exception'),
        }).expect(201)
      ).body as { id: string };
      const stored = async () =>
        (
          await api.dataSource.query(
            `SELECT informed_on::text, inform_deferral_ground, inform_recheck_on::text FROM registrations WHERE id = $1`,
            [id],
          )
        )[0];
      const untouched = await stored();

      const future = await task(id, school, { status: 'informed', informedOn: addDays(today(), 1) }).expect(422);
      expect(future.body).toMatchObject({ code: 'INFORMED_ON_INVALID', errors: [{ field: 'informedOn' }] });
      const noGround = await task(id, school, { status: 'deferred', recheckOn: addDays(today(), 30) }).expect(400);
      expect(noGround.body.errors.map((e: { field: string }) => e.field)).toEqual(['deferralGround']);
      await task(id, school, { status: 'deferred', deferralGround: 'because', recheckOn: addDays(today(), 30) }).expect(
        400,
      );
      const past = await task(id, school, {
        status: 'deferred',
        deferralGround: 'impossible_or_disproportionate',
        recheckOn: today(),
      }).expect(422);
      expect(past.body).toMatchObject({ code: 'RECHECK_ON_INVALID', errors: [{ field: 'recheckOn' }] });
      await task(id, school, {
        status: 'deferred',
        deferralGround: 'impossible_or_disproportionate',
        recheckOn: addDays(today(), 200),
      }).expect(422);
      const notMine = await task(id, school, {
        status: 'informed',
        informedOn: today(),
        professionalId: school.professionalIds[1],
      }).expect(422);
      expect(notMine.body.code).toBe('NOT_OWN_REGISTRATION');
      await task(id, police, { status: 'informed', informedOn: today() }).expect(404);
      expect(await stored()).toEqual(untouched);

      const deferred = await task(id, school, {
        status: 'deferred',
        deferralGround: 'impossible_or_disproportionate',
        recheckOn: addDays(today(), 30),
      }).expect(200);
      expect(deferred.body.informationTask).toMatchObject({
        status: 'deferred',
        deferralGround: 'impossible_or_disproportionate',
        recheckOn: addDays(today(), 30),
      });
      const informed = await task(id, school, { status: 'informed', informedOn: today() }).expect(200);
      expect(informed.body.informationTask).toMatchObject({
        status: 'informed',
        informedOn: today(),
        deferralGround: null,
        recheckOn: null,
      });
      const again = await task(id, school, { status: 'informed', informedOn: today() }).expect(409);
      expect(again.body.code).toBe('ALREADY_INFORMED');
      const read = await api.http().get(`/v1/registrations/${id}`).set(bearer(school.secret)).expect(200);
      expect(read.body.informationTask.status).toBe('informed');
      const audited = await api.dataSource.query(
        `SELECT details FROM audit_events WHERE action = 'registration.information-recorded' AND object_id = $1 ORDER BY occurred_at`,
        [id],
      );
      expect(audited.map((a: { details: unknown }) => a.details)).toEqual([
        { status: 'deferred', ground: 'impossible_or_disproportionate', recheckOn: addDays(today(), 30) },
        { status: 'informed' },
      ]);
    });

    it('is closed with the registration', async () => {
      const { id } = (await register(school, { youth: { bsn: aBsn(), birthDate: bornYearsAgo(10) } }).expect(201))
        .body as {
        id: string;
      };
      await api
        .http()
        .post(`/v1/registrations/${id}/withdrawal`)
        .set(bearer(school.secret))
        .send({ reason: 'unjustified', professionalId: school.professionalIds[0] })
        .expect(200);
      const ended = await task(id, school, { status: 'informed', informedOn: today() }).expect(409);
      expect(ended.body.code).toBe('REGISTRATION_NOT_ACTIVE');
    });
  });
});
