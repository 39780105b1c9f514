import { anOrganisation } from './support/factories';
import { startWebhookReceiver } from './support/receivers';
import { bearer, countRows, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';

const admin = bearer(ADMIN_KEY);
const validOrganisation = {
  name: 'GGD Limburg-Noord',
  kind: 'youth_health_care',
  municipalityCode: '0983',
  agreementReference: 'CONV-2024-01',
};
const validPerson = {
  name: 'A. de Vries',
  email: 'a.devries@example.nl',
  phone: '+31 77 123 4567',
  role: 'professional',
};

describe('administration: the gemeente connects organisations', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());
  beforeEach(() => api.reset());

  it('connects an organisation, records who did it, and lists it', async () => {
    const created = await api.http().post('/v1/organisations').set(admin).send(validOrganisation).expect(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'connected',
      name: 'GGD Limburg-Noord',
      kind: 'youth_health_care',
      municipalityCode: '0983',
      agreementReference: 'CONV-2024-01',
      agreementSignedOn: null,
      agreementEndsOn: null,
      breachNotificationEmail: null,
      createdAt: expect.any(String),
      disconnectedAt: null,
      webhookUrl: null,
      followUpReminderWorkingDays: null,
      followUpEscalationWorkingDays: null,
      followUpClosingDays: [],
      usesBsn: true,
      addressMatch: false,
      warnings: [],
    });
    expect(created.headers['api-version']).toBe('1.0.0');

    const fetched = await api.http().get(`/v1/organisations/${created.body.id}`).set(admin).expect(200);
    expect(fetched.body).toEqual(created.body);
    const listed = await api.http().get('/v1/organisations?kind=youth_health_care').set(admin).expect(200);
    expect(listed.body.items.map((o: { id: string }) => o.id)).toEqual([created.body.id]);

    const [audit] = await api.dataSource.query(`SELECT * FROM audit_events WHERE object_id = $1`, [created.body.id]);
    expect(audit).toMatchObject({ action: 'organisation.connected', object_type: 'organisation' });
    expect(audit.actor_credential_id).toEqual(expect.any(String));
  });

  it('refuses the same organisation twice for one college', async () => {
    await api.http().post('/v1/organisations').set(admin).send(validOrganisation).expect(201);
    const again = await api
      .http()
      .post('/v1/organisations')
      .set(admin)
      .send({ ...validOrganisation, name: 'ggd limburg-noord' })
      .expect(409);
    expect(again.body.code).toBe('ORGANISATION_EXISTS');
  });

  it('paginates with a cursor', async () => {
    for (let i = 0; i < 5; i += 1) await anOrganisation(api, { professionals: 0 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await api
        .http()
        .get(`/v1/organisations?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(admin)
        .expect(200);
      seen.push(...page.body.items.map((o) => o.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6); // five plus the gemeente itself
    expect(new Set(seen).size).toBe(6);
    const bad = await api.http().get('/v1/organisations?cursor=not-a-cursor').set(admin).expect(400);
    expect(bad.body.errors[0].field).toBe('cursor');
  });

  describe('bad input gets a clear 4xx and changes nothing', () => {
    const table: {
      name: string;
      body: unknown;
      raw?: string;
      contentType?: string;
      status: number;
      code: string;
      field?: string;
    }[] = [
      {
        name: 'unknown kind',
        body: { ...validOrganisation, kind: 'childcare' },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'kind',
      },
      {
        name: 'malformed municipalityCode',
        body: { ...validOrganisation, municipalityCode: '983' },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'municipalityCode',
      },
      {
        name: 'missing agreementReference',
        body: { ...validOrganisation, agreementReference: undefined },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'agreementReference',
      },
      {
        name: 'empty agreementReference',
        body: { ...validOrganisation, agreementReference: '' },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'agreementReference',
      },
      {
        name: 'unknown field',
        body: { ...validOrganisation, notes: 'x' },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'notes',
      },
      {
        name: 'oversized name',
        body: { ...validOrganisation, name: 'x'.repeat(201) },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'name',
      },
      {
        name: 'wrong type',
        body: { ...validOrganisation, name: 42 },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'name',
      },
      {
        name: 'invalid breach e-mail',
        body: { ...validOrganisation, breachNotificationEmail: 'nope' },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'breachNotificationEmail',
      },
      { name: 'malformed JSON', body: undefined, raw: '{"name": ', status: 400, code: 'MALFORMED_JSON' },
      { name: 'JSON array instead of object', body: [validOrganisation], status: 400, code: 'VALIDATION_FAILED' },
      {
        name: 'body over 64 KiB',
        body: { ...validOrganisation, name: 'x'.repeat(70_000) },
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
      {
        name: 'not JSON',
        body: undefined,
        raw: 'name=x',
        contentType: 'text/plain',
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'agreement with another college',
        body: { ...validOrganisation, municipalityCode: '0363' },
        status: 422,
        code: 'MUNICIPALITY_MISMATCH',
        field: 'municipalityCode',
      },
    ];

    it.each(table)('$name → $status $code', async ({ body, raw, contentType, status, code, field }) => {
      const before = await countRows(api.dataSource, 'organisations');
      const auditBefore = await countRows(api.dataSource, "audit_events WHERE action <> 'admin.request'");
      const call = api
        .http()
        .post('/v1/organisations')
        .set(admin)
        .set('content-type', contentType ?? 'application/json');
      const response = await call.send(raw ?? JSON.stringify(body));
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['api-version']).toBe('1.0.0');
      expect(response.body).toMatchObject({
        status,
        code,
        title: expect.any(String),
        detail: expect.any(String),
        correlationId: expect.any(String),
      });
      if (field) expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await countRows(api.dataSource, 'organisations')).toBe(before);
      expect(await countRows(api.dataSource, "audit_events WHERE action <> 'admin.request'")).toBe(auditBefore);
      // An attempt that got as far as the credential check is traced as a use of the administrator credential.
      if (!['MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'].includes(code)) {
        const [traced] = await api.dataSource.query(
          `SELECT details FROM audit_events WHERE action = 'admin.request' ORDER BY id DESC LIMIT 1`,
        );
        expect(traced.details).toMatchObject({ method: 'POST', route: '/v1/organisations', status });
      }
    });
  });

  describe('professionals, coordinators and follow-up officers', () => {
    it('designates people, keeps contact details current, and deactivates without deleting', async () => {
      const organisation = await anOrganisation(api, { professionals: 0, scopes: ['contact-details'] });
      const path = `/v1/organisations/${organisation.id}/professionals`;
      const added = await api.http().post(path).set(admin).send(validPerson).expect(201);
      expect(added.body).toMatchObject({ ...validPerson, organisationId: organisation.id, active: true });

      // The organisation's coordinator (scope contact-details) keeps its own people's details current.
      const updated = await api
        .http()
        .patch(`${path}/${added.body.id}`)
        .set(bearer(organisation.secret))
        .send({ phone: '+31 6 1234 5678' })
        .expect(200);
      expect(updated.body.phone).toBe('+31 6 1234 5678');
      // ...but cannot change the role.
      await api
        .http()
        .patch(`${path}/${added.body.id}`)
        .set(bearer(organisation.secret))
        .send({ role: 'coordinator' })
        .expect(400);
      await api.http().patch(`${path}/${added.body.id}`).set(bearer(organisation.secret)).send({}).expect(400);

      const removed = await api.http().delete(`${path}/${added.body.id}`).set(admin).expect(200);
      expect(removed.body).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
      const still = await api.http().get(`${path}/${added.body.id}`).set(admin).expect(200);
      expect(still.body.active).toBe(false);
      const active = await api.http().get(`${path}?active=true`).set(admin).expect(200);
      expect(active.body.items.map((p: { id: string }) => p.id)).not.toContain(added.body.id);

      const actions = await api.dataSource.query(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY id`, [
        added.body.id,
      ]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual([
        'professional.designated',
        'professional.contact-details-updated',
        'professional.deactivated',
        'professional.read', // reading contact details is traced
      ]);
    });

    it('allows a follow-up officer only in a municipality organisation', async () => {
      const school = await anOrganisation(api, { kind: 'education' });
      const refused = await api
        .http()
        .post(`/v1/organisations/${school.id}/professionals`)
        .set(admin)
        .send({ ...validPerson, role: 'follow_up_officer' })
        .expect(422);
      expect(refused.body).toMatchObject({
        code: 'FOLLOW_UP_OFFICER_OUTSIDE_MUNICIPALITY',
        errors: [{ field: 'role' }],
      });
      const gemeente = await anOrganisation(api, { kind: 'municipality', professionals: 0 });
      await api
        .http()
        .post(`/v1/organisations/${gemeente.id}/professionals`)
        .set(admin)
        .send({ ...validPerson, role: 'follow_up_officer' })
        .expect(201);
    });

    it.each([
      ['invalid e-mail', { email: 'not-an-address' }, 'email'],
      ['invalid phone', { phone: 'call me' }, 'phone'],
      ['unknown role', { role: 'manager' }, 'role'],
      ['oversized name', { name: 'n'.repeat(201) }, 'name'],
      ['unknown field', { bsn: '123456782' }, 'bsn'],
    ])('rejects %s', async (_, change, field) => {
      const organisation = await anOrganisation(api, { professionals: 0 });
      const before = await countRows(api.dataSource, 'professionals');
      const response = await api
        .http()
        .post(`/v1/organisations/${organisation.id}/professionals`)
        .set(admin)
        .send({ ...validPerson, ...change })
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await countRows(api.dataSource, 'professionals')).toBe(before);
    });
  });

  describe('credentials', () => {
    it('shows the secret once, stores only its hash, records use, and revokes at once', async () => {
      const organisation = await anOrganisation(api, { professionals: 0, scopes: ['signals'] });
      const issued = await api
        .http()
        .post(`/v1/organisations/${organisation.id}/credentials`)
        .set(admin)
        .send({ scopes: ['registrations'], label: 'Zorgdossier' })
        .expect(201);
      expect(issued.body).toMatchObject({
        scopes: ['registrations'],
        label: 'Zorgdossier',
        revokedAt: null,
        secret: expect.stringMatching(/^vir_/),
      });

      const [stored] = await api.dataSource.query(`SELECT secret_hash FROM credentials WHERE id = $1`, [
        issued.body.id,
      ]);
      expect(stored.secret_hash.toString('utf8')).not.toContain(issued.body.secret);
      const dump = JSON.stringify(await api.dataSource.query(`SELECT * FROM credentials`));
      expect(dump).not.toContain(issued.body.secret);

      await api.http().get(`/v1/organisations/${organisation.id}`).set(bearer(issued.body.secret)).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const listed = await api.http().get(`/v1/organisations/${organisation.id}/credentials`).set(admin).expect(200);
      const entry = listed.body.items.find((c: { id: string }) => c.id === issued.body.id);
      expect(entry.lastUsedAt).toEqual(expect.any(String));
      expect(JSON.stringify(listed.body)).not.toContain('secret');

      await api
        .http()
        .delete(`/v1/organisations/${organisation.id}/credentials/${issued.body.id}`)
        .set(admin)
        .expect(204);
      const refused = await api
        .http()
        .get(`/v1/organisations/${organisation.id}`)
        .set(bearer(issued.body.secret))
        .expect(401);
      expect(refused.body.code).toBe('UNAUTHENTICATED');
      // Revoking again, or an unknown id, changes nothing.
      await api
        .http()
        .delete(`/v1/organisations/${organisation.id}/credentials/${issued.body.id}`)
        .set(admin)
        .expect(204);
      await api
        .http()
        .delete(`/v1/organisations/${organisation.id}/credentials/00000000-0000-4000-8000-000000000000`)
        .set(admin)
        .expect(404);
    });

    it('gives admin and follow-up scopes only to a municipality organisation', async () => {
      const police = await anOrganisation(api, { kind: 'police_and_justice', professionals: 0 });
      for (const scopes of [['admin'], ['follow-up'], ['signals', 'follow-up']]) {
        const refused = await api
          .http()
          .post(`/v1/organisations/${police.id}/credentials`)
          .set(admin)
          .send({ scopes })
          .expect(422);
        expect(refused.body.code).toBe('SCOPE_NOT_ALLOWED_FOR_KIND');
      }
      for (const scopes of [[], ['root'], ['signals', 'signals']]) {
        await api.http().post(`/v1/organisations/${police.id}/credentials`).set(admin).send({ scopes }).expect(400);
      }
    });

    it.each([
      ['no header', undefined],
      ['not a bearer', 'Basic dXNlcjpwYXNz'],
      ['unknown secret', 'Bearer vir_unknown_secret_value_0000000000'],
      ['too short', 'Bearer abc'],
    ])('answers 401 for %s', async (_, header) => {
      const call = api.http().get('/v1/organisations');
      const response = await (header ? call.set('Authorization', header) : call).expect(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    });
  });

  describe('disconnection', () => {
    it('stops every credential at once and announces the removal of its registrations', async () => {
      const organisation = await anOrganisation(api, { professionals: 1 });
      await api.http().get(`/v1/organisations/${organisation.id}`).set(bearer(organisation.secret)).expect(200);

      const disconnected = await api
        .http()
        .post(`/v1/organisations/${organisation.id}/disconnection`)
        .set(admin)
        .expect(200);
      expect(disconnected.body).toMatchObject({ status: 'disconnected', disconnectedAt: expect.any(String) });
      await api.http().get(`/v1/organisations/${organisation.id}`).set(bearer(organisation.secret)).expect(401);

      const outbox = await api.dataSource.query(
        `SELECT topic, payload FROM outbox WHERE topic = 'organisation.disconnected'`,
      );
      expect(outbox).toEqual([{ topic: 'organisation.disconnected', payload: { organisationId: organisation.id } }]);
      // No new people or credentials for a disconnected organisation.
      const refused = await api
        .http()
        .post(`/v1/organisations/${organisation.id}/professionals`)
        .set(admin)
        .send(validPerson)
        .expect(409);
      expect(refused.body.code).toBe('ORGANISATION_DISCONNECTED');
      await api
        .http()
        .post(`/v1/organisations/${organisation.id}/credentials`)
        .set(admin)
        .send({ scopes: ['signals'] })
        .expect(409);
      // Twice changes nothing.
      await api.http().post(`/v1/organisations/${organisation.id}/disconnection`).set(admin).expect(200);
      expect(await countRows(api.dataSource, "outbox WHERE topic = 'organisation.disconnected'")).toBe(1);
    });

    it('will not disconnect the gemeente the administrator belongs to', async () => {
      const [gemeente] = await api.dataSource.query(`SELECT id FROM organisations WHERE kind = 'municipality'`);
      const refused = await api.http().post(`/v1/organisations/${gemeente.id}/disconnection`).set(admin).expect(422);
      expect(refused.body.code).toBe('CANNOT_DISCONNECT_OWN_ORGANISATION');
    });
  });

  describe('the agreement by date and term', () => {
    it('keeps the signing day and the last day, and refuses a term that ends before it starts', async () => {
      const created = await api
        .http()
        .post('/v1/organisations')
        .set(admin)
        .send({ ...validOrganisation, agreementSignedOn: '2026-11-01', agreementEndsOn: '2028-12-31' })
        .expect(201);
      expect(created.body).toMatchObject({ agreementSignedOn: '2026-11-01', agreementEndsOn: '2028-12-31' });
      const refused = await api
        .http()
        .patch(`/v1/organisations/${created.body.id}`)
        .set(admin)
        .send({ agreementEndsOn: '2026-10-31' })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'AGREEMENT_TERM_INVALID', errors: [{ field: 'agreementEndsOn' }] });
      const indefinite = await api
        .http()
        .patch(`/v1/organisations/${created.body.id}`)
        .set(admin)
        .send({ agreementEndsOn: null })
        .expect(200);
      expect(indefinite.body).toMatchObject({ agreementSignedOn: '2026-11-01', agreementEndsOn: null });
      await api
        .http()
        .post('/v1/organisations')
        .set(admin)
        .send({ ...validOrganisation, name: 'Ander', agreementSignedOn: '1 november' })
        .expect(400);
    });
  });

  describe('importing people from a CSV file', () => {
    const header = 'naam;e-mail;telefoon;rol';
    /** The people the files designated (the factory's own have example.nl addresses). */
    const peopleOf = async (organisationId: string): Promise<number> =>
      (
        await api.dataSource.query(
          `SELECT count(*)::int AS n FROM professionals WHERE organisation_id = $1 AND email LIKE '%@example.org'`,
          [organisationId],
        )
      )[0].n;
    const line = (n: number, extra = '') =>
      `Persoon ${n};p${n}${extra}@example.org;077 123 45${String(n).padStart(2, '0')};meldingsbevoegde`;

    it('designates the good rows in one go, refuses each bad row with its reason, and checks without storing in a dry run', async () => {
      const school = await anOrganisation(api, { kind: 'education' });
      const csv = [
        header,
        line(1),
        'Persoon 2;geen-adres;077 123 4502;meldingsbevoegde',
        line(1).replace('Persoon 1', 'Tweede'),
        'Persoon 4;p4@example.org;077 123 4504;regievoerder',
        'Persoon 5;p5@example.org;077 123 4505;teamleider',
        line(6),
      ].join('\n');
      const dry = await api
        .http()
        .post(`/v1/organisations/${school.id}/professional-imports`)
        .set(admin)
        .send({ csv, dryRun: true })
        .expect(200);
      expect(dry.body).toMatchObject({ dryRun: true, rows: 6, imported: 0, refused: 4 });
      expect(await peopleOf(school.id)).toBe(0);

      const done = await api
        .http()
        .post(`/v1/organisations/${school.id}/professional-imports`)
        .set(admin)
        .send({ csv })
        .expect(200);
      expect(done.body).toMatchObject({ dryRun: false, rows: 6, imported: 2, refused: 4 });
      const byLine = Object.fromEntries(
        done.body.results.map((r: { line: number; status: string; problems: { field: string; code: string }[] }) => [
          r.line,
          [r.status, r.problems.map((p) => `${p.field}:${p.code}`)],
        ]),
      );
      expect(byLine).toEqual({
        2: ['imported', []],
        3: ['refused', ['email:INVALID']],
        4: ['refused', ['email:DUPLICATE_IN_FILE']],
        5: ['refused', ['role:ROLE_NOT_ALLOWED']],
        6: ['refused', ['role:INVALID']],
        7: ['imported', []],
      });
      const stored = await api.dataSource.query(
        `SELECT name, email, role FROM professionals WHERE organisation_id = $1 AND email LIKE '%@example.org' ORDER BY name`,
        [school.id],
      );
      expect(stored).toEqual([
        { name: 'Persoon 1', email: 'p1@example.org', role: 'professional' },
        { name: 'Persoon 6', email: 'p6@example.org', role: 'professional' },
      ]);

      // The same file again: the people already designated are refused, nothing doubles.
      const again = await api
        .http()
        .post(`/v1/organisations/${school.id}/professional-imports`)
        .set(admin)
        .send({ csv: [header, line(1), line(6)].join('\n') })
        .expect(200);
      expect(again.body).toMatchObject({ imported: 0, refused: 2 });
      expect(again.body.results[0].problems).toEqual([
        expect.objectContaining({ field: 'email', code: 'ALREADY_DESIGNATED' }),
      ]);
      expect(await peopleOf(school.id)).toBe(2);
    });

    it.each([
      ['no header', '', 'CSV_UNREADABLE'],
      ['a missing column', 'naam;e-mail;rol\nA;a@example.org;meldingsbevoegde', 'CSV_COLUMNS_MISSING'],
      ['an unclosed quote', `${header}\n"A;a@example.org;077 123 4567;meldingsbevoegde`, 'CSV_UNREADABLE'],
      [
        'more than 500 people',
        [header, ...Array.from({ length: 501 }, (_, i) => line(1, `-${i}`))].join('\n'),
        'CSV_TOO_MANY_ROWS',
      ],
    ])('refuses a file with %s as a whole (400) and stores nothing', async (_, csv, code) => {
      const school = await anOrganisation(api, { kind: 'education' });
      const refused = await api
        .http()
        .post(`/v1/organisations/${school.id}/professional-imports`)
        .set(admin)
        .send({ csv })
        .expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code, errors: [{ field: 'csv' }] });
      expect(await peopleOf(school.id)).toBe(0);
    });

    it('answers 404 for an organisation that is not there and 409 for a disconnected one', async () => {
      await api
        .http()
        .post(`/v1/organisations/00000000-0000-4000-8000-000000000000/professional-imports`)
        .set(admin)
        .send({ csv: [header, line(1)].join('\n') })
        .expect(404);
      const school = await anOrganisation(api, { kind: 'education' });
      await api.http().post(`/v1/organisations/${school.id}/disconnection`).set(admin).expect(200);
      const refused = await api
        .http()
        .post(`/v1/organisations/${school.id}/professional-imports`)
        .set(admin)
        .send({ csv: [header, line(1)].join('\n') })
        .expect(409);
      expect(refused.body.code).toBe('ORGANISATION_DISCONNECTED');
    });
  });

  describe('the webhook test delivery', () => {
    it('sends a signed test event and reports the answer; without a webhook it is refused', async () => {
      const school = await anOrganisation(api, { kind: 'education' });
      const unset = await api.http().post(`/v1/organisations/${school.id}/webhook-test`).set(admin).expect(422);
      expect(unset.body).toMatchObject({ code: 'WEBHOOK_NOT_SET', errors: [{ field: 'webhookUrl' }] });

      const secret = 'a-webhook-secret-of-enough-length';
      const receiver = await startWebhookReceiver(secret);
      try {
        await api
          .http()
          .patch(`/v1/organisations/${school.id}`)
          .set(admin)
          .send({ webhookUrl: `${receiver.url}/hook`, webhookSecret: secret })
          .expect(200);
        const ok = await api.http().post(`/v1/organisations/${school.id}/webhook-test`).set(admin).expect(200);
        expect(ok.body).toEqual({ delivered: true, response: 'http 200', eventId: expect.any(String) });
        expect(receiver.events).toHaveLength(1);
        expect(receiver.events[0].validSignature).toBe(true);
        expect(JSON.parse(receiver.events[0].body)).toMatchObject({
          id: ok.body.eventId,
          type: 'nl.verwijsindex.webhook-test',
          data: { organisationId: school.id },
        });

        receiver.respond('/hook', [503]);
        const failed = await api.http().post(`/v1/organisations/${school.id}/webhook-test`).set(admin).expect(200);
        expect(failed.body).toMatchObject({ delivered: false, response: 'http 503' });
        const audited = await api.dataSource.query(
          `SELECT details FROM audit_events WHERE action = 'organisation.webhook-tested' AND object_id = $1 ORDER BY occurred_at`,
          [school.id],
        );
        expect(audited.map((a: { details: unknown }) => a.details)).toEqual([
          { delivered: true, response: 'http 200' },
          { delivered: false, response: 'http 503' },
        ]);
      } finally {
        await receiver.close();
      }
      const gone = await api.http().post(`/v1/organisations/${school.id}/webhook-test`).set(admin).expect(200);
      expect(gone.body.delivered).toBe(false);
      expect(gone.body.response).toMatch(/^network /);
    });
  });

  describe('confirming contact details', () => {
    it('stamps the check for the administrator and the own coordinator, and a change stamps it too', async () => {
      const school = await anOrganisation(api, { kind: 'education' });
      const id = school.professionalIds[0];
      await api.dataSource.query(
        `UPDATE professionals SET contact_confirmed_at = now() - interval '2 years' WHERE id = $1`,
        [id],
      );
      const confirmed = await api
        .http()
        .post(`/v1/organisations/${school.id}/professionals/${id}/contact-confirmation`)
        .set(admin)
        .expect(200);
      expect(Date.now() - Date.parse(confirmed.body.contactConfirmedAt)).toBeLessThan(60_000);
      await api.dataSource.query(
        `UPDATE professionals SET contact_confirmed_at = now() - interval '2 years' WHERE id = $1`,
        [id],
      );
      const changed = await api
        .http()
        .patch(`/v1/organisations/${school.id}/professionals/${id}`)
        .set(admin)
        .send({ phone: '+31 77 999 0000' })
        .expect(200);
      expect(Date.now() - Date.parse(changed.body.contactConfirmedAt)).toBeLessThan(60_000);
      await api
        .http()
        .post(`/v1/organisations/${school.id}/professionals/00000000-0000-4000-8000-000000000000/contact-confirmation`)
        .set(admin)
        .expect(404);
      await api
        .http()
        .post(`/v1/organisations/${school.id}/professionals/${id}/contact-confirmation`)
        .set(bearer(school.secret))
        .expect(403);
    });
  });
});
