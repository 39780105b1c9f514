import { anOrganisation, aPersonOf, aRegistration, TestOrganisation } from './support/factories';
import { startWorker, waitFor, WorkerProcess } from './support/processes';
import { startSmtpSink } from './support/receivers';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

/**
 * A professional who leaves hands what they hold to a successor: their registrations, places and
 * lead roles in open matches, and the others' signals name the successor. Nothing goes to the
 * leaver any more, not even an e-mail queued before they left.
 */
describe('a leaver and their successor', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let school: TestOrganisation;
  let police: TestOrganisation;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    api = await startApi({ SMTP_URL: smtp.url });
    worker = await startWorker({ SMTP_URL: smtp.url, JOB_BACKOFF_MS: '200' });
  });
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    await waitUntilSettled(api.dataSource);
    await api.reset();
    school = await anOrganisation(api, { kind: 'education', professionals: 2 });
    police = await anOrganisation(api, { kind: 'police_and_justice' });
  });

  const leave = (professionalId: string, successorId?: string) =>
    api
      .http()
      .delete(
        `/v1/organisations/${school.id}/professionals/${professionalId}${successorId ? `?successorId=${successorId}` : ''}`,
      )
      .set(bearer(ADMIN_KEY));
  const emailOf = async (organisation: TestOrganisation, id: string) => (await aPersonOf(api, organisation, id)).email;

  it('refuses to let a professional with registrations leave without a successor, and hands everything over with one', async () => {
    const [leaver, successor] = school.professionalIds;
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(12) };
    await aRegistration(api, school, youth, 0).expect(201);
    await aRegistration(api, police, youth).expect(201);
    await waitUntilSettled(api.dataSource);
    const [match] = await api.dataSource.query(`SELECT id FROM matches`);
    await api.dataSource.query(`UPDATE matches SET lead_professional_id = $1 WHERE id = $2`, [leaver, match.id]);

    const refused = await leave(leaver).expect(409);
    expect(refused.body).toMatchObject({ code: 'SUCCESSOR_REQUIRED', errors: [{ field: 'successorId' }] });
    expect(refused.body.detail).toContain('1 registrations');
    const wrong = await leave(leaver, police.professionalIds[0]).expect(422);
    expect(wrong.body.code).toBe('SUCCESSOR_INVALID');
    await leave(leaver, 'geen-id').expect(400);
    const [still] = await api.dataSource.query(`SELECT active FROM professionals WHERE id = $1`, [leaver]);
    expect(still.active).toBe(true);

    const mailsBefore = smtp.mails.length;
    const left = await leave(leaver, successor).expect(200);
    expect(left.body).toMatchObject({ id: leaver, active: false });
    expect(
      await api.dataSource.query(
        `SELECT professional_id FROM registrations WHERE status = 'active' AND organisation_id = $1`,
        [school.id],
      ),
    ).toEqual([{ professional_id: successor }]);
    const [place] = await api.dataSource.query(
      `SELECT mp.professional_id, m.lead_professional_id FROM match_participants mp JOIN matches m ON m.id = mp.match_id
        WHERE mp.organisation_id = $1`,
      [school.id],
    );
    expect(place).toEqual({ professional_id: successor, lead_professional_id: successor });
    const [audit] = await api.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'professional.deactivated' AND object_id = $1`,
      [leaver],
    );
    expect(audit.details).toMatchObject({
      successorId: successor,
      handedOverRegistrations: 1,
      handedOverMatches: 2,
      handedOverSignalContacts: expect.any(Number),
    });

    // The police's signal now names the successor as the one to contact.
    const inbox = await api.http().get('/v1/signals').set(bearer(police.secret)).expect(200);
    const names = inbox.body.items.flatMap((s: { involved: { name: string }[] }) => s.involved.map((i) => i.name));
    expect(names).toContain(`professional 1 ${school.name}`);
    expect(names).not.toContain(`professional 0 ${school.name}`);

    // A third organisation registers the youth: its signal goes to the successor, never to the leaver.
    const care = await anOrganisation(api, { kind: 'youth_care' });
    await aRegistration(api, care, youth).expect(201);
    await waitUntilSettled(api.dataSource);
    const toLeaver = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM signals WHERE recipient_professional_id = $1 AND created_at > now() - interval '1 minute' AND trigger_registration_id IN (SELECT id FROM registrations WHERE organisation_id = $2)`,
      [leaver, care.id],
    );
    expect(toLeaver[0].n).toBe(0);
    const toSuccessor = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM signals WHERE recipient_professional_id = $1`,
      [successor],
    );
    expect(toSuccessor[0].n).toBeGreaterThan(0);
    const leaverMail = await emailOf(school, leaver);
    expect(smtp.mails.slice(mailsBefore).filter((m) => m.to.includes(leaverMail))).toEqual([]);
  });

  it('hands a leaver’s registrations to the coordinator when no colleague takes them over', async () => {
    const [leaver] = school.professionalIds;
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(16) };
    const registered = await aRegistration(api, school, youth, 0).expect(201);
    await aRegistration(api, police, youth).expect(201);
    await waitUntilSettled(api.dataSource);
    await leave(leaver, school.coordinatorId).expect(200);
    const [held] = await api.dataSource.query(`SELECT professional_id FROM registrations WHERE id = $1`, [
      registered.body.id,
    ]);
    expect(held.professional_id).toBe(school.coordinatorId);
    // The coordinator holds it as its registrant: they may withdraw it (Jw 7.1.4.5(1)).
    await api
      .http()
      .post(`/v1/registrations/${registered.body.id}/withdrawal`)
      .set(bearer(school.secret))
      .send({ professionalId: school.coordinatorId, reason: 'risk_gone' })
      .expect(200);
  });

  it('stops an e-mail to a leaver that was still being retried when they left', async () => {
    const [leaver, successor] = school.professionalIds;
    const leaverMail = await emailOf(school, leaver);
    smtp.failNext(1000); // the mail server refuses for now: the signal e-mails wait for a retry
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(14) };
    await aRegistration(api, school, youth, 0).expect(201);
    await aRegistration(api, police, youth).expect(201);
    await waitFor('a failed e-mail to the leaver', async () => {
      const [row] = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM signal_deliveries d JOIN signals s ON s.id = d.signal_id
          WHERE s.recipient_professional_id = $1 AND d.channel = 'email' AND d.status = 'failed'`,
        [leaver],
      );
      return row.n > 0;
    });
    await leave(leaver, successor).expect(200);
    smtp.failNext(0);
    await waitUntilSettled(api.dataSource);
    const [delivery] = await api.dataSource.query(
      `SELECT d.status, d.last_error FROM signal_deliveries d JOIN signals s ON s.id = d.signal_id
        WHERE s.recipient_professional_id = $1 AND d.channel = 'email'`,
      [leaver],
    );
    expect(delivery).toEqual({ status: 'dead', last_error: 'recipient no longer designated' });
    expect(smtp.mails.filter((m) => m.to.includes(leaverMail))).toEqual([]);
    expect(smtp.mails.length).toBeGreaterThan(0); // the others' e-mails went out once the server took them
  });

  it('refuses a successor who registered one of the same youths, and changes nothing', async () => {
    const [leaver, successor] = school.professionalIds;
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(9) };
    await aRegistration(api, school, youth, 0).expect(201);
    await aRegistration(api, school, youth, 1).expect(201);
    await waitUntilSettled(api.dataSource);
    const refused = await leave(leaver, successor).expect(409);
    expect(refused.body.code).toBe('SUCCESSOR_ALREADY_REGISTERED');
    const owners = await api.dataSource.query(
      `SELECT professional_id FROM registrations WHERE status = 'active' ORDER BY professional_id`,
    );
    expect(owners.map((o: { professional_id: string }) => o.professional_id).sort()).toEqual(
      [leaver, successor].sort(),
    );
    const [still] = await api.dataSource.query(`SELECT active FROM professionals WHERE id = $1`, [leaver]);
    expect(still.active).toBe(true);
  });

  it("lets the organisation's coordinator sign off its professionals, not a coordinator, nor another organisation's", async () => {
    const [leaver, successor] = school.professionalIds;
    await aRegistration(api, school, { bsn: aBsn(), birthDate: bornYearsAgo(10) }, 0).expect(201);
    const coordinator = bearer(
      (
        await api
          .http()
          .post(`/v1/organisations/${school.id}/credentials`)
          .set(bearer(ADMIN_KEY))
          .send({ scopes: ['contact-details'] })
          .expect(201)
      ).body.secret,
    );
    const signOff = (organisation: TestOrganisation, id: string, successorId?: string) =>
      api
        .http()
        .delete(
          `/v1/organisations/${organisation.id}/professionals/${id}${successorId ? `?successorId=${successorId}` : ''}`,
        )
        .set(coordinator);
    expect((await signOff(school, school.coordinatorId).expect(403)).body.code).toBe('FORBIDDEN_FOR_CREDENTIAL');
    expect((await signOff(police, police.professionalIds[0]).expect(404)).body.code).toBe('ORGANISATION_NOT_FOUND');
    expect((await signOff(school, leaver).expect(409)).body.code).toBe('SUCCESSOR_REQUIRED');
    const done = await signOff(school, leaver, successor).expect(200);
    expect(done.body.active).toBe(false);
    expect(await api.dataSource.query(`SELECT professional_id FROM registrations WHERE status = 'active'`)).toEqual([
      { professional_id: successor },
    ]);
    const active = await api.dataSource.query(
      `SELECT id FROM professionals WHERE active AND organisation_id = ANY($1) ORDER BY id`,
      [[school.id, police.id]],
    );
    expect(active.map((p: { id: string }) => p.id).sort()).toEqual(
      [school.coordinatorId, successor, police.coordinatorId, police.professionalIds[0]].sort(),
    );
  });
});
