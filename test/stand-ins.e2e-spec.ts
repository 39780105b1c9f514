import { anOrganisation, aRegistration, TestOrganisation } from './support/factories';
import { startWorker, WorkerProcess } from './support/processes';
import { startSmtpSink } from './support/receivers';
import { waitUntilSettled } from './support/settle';
import { bearer, startApi, TestApi } from './support/test-api';
import { ADMIN_KEY } from './support/test-config';
import { aBsn, bornYearsAgo } from './support/youths';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const inDays = (days: number) => {
  const date = new Date(`${today()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

interface Involved {
  name: string;
  standIn: { name: string; email: string; until: string } | null;
}

/**
 * A stand-in (vervanger) for holidays and sickness: for the period the person's new signals also go
 * to the colleague, by inbox and e-mail, who can confirm contact on the person's matches; the others
 * see whom to contact meanwhile, and who confirmed "namens" whom.
 */
describe('a stand-in for a holiday', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let school: TestOrganisation;
  let police: TestOrganisation;
  let coordinatorKey: string;

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
    school = await anOrganisation(api, { kind: 'education', professionals: 3 });
    police = await anOrganisation(api, { kind: 'police_and_justice' });
    const issued = await api
      .http()
      .post(`/v1/organisations/${school.id}/credentials`)
      .set(bearer(ADMIN_KEY))
      .send({ scopes: ['contact-details'] })
      .expect(201);
    coordinatorKey = issued.body.secret;
  });

  const standIn = (professionalId: string, key = coordinatorKey) =>
    api.http().put(`/v1/organisations/${school.id}/professionals/${professionalId}/stand-in`).set(bearer(key));
  const emailOf = async (id: string) =>
    (await api.dataSource.query(`SELECT email FROM professionals WHERE id = $1`, [id]))[0].email as string;

  it('sends the absent person’s new signals to the stand-in too, shows the others whom to contact, and lets the stand-in confirm contact', async () => {
    const [away, colleague] = school.professionalIds;
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(13) };
    await aRegistration(api, school, youth, 0).expect(201);
    await waitUntilSettled(api.dataSource);

    const set = await standIn(away)
      .send({ standInId: colleague, until: inDays(14) })
      .expect(200);
    expect(set.body).toMatchObject({
      professionalId: away,
      standIn: { professionalId: colleague, name: `professional 1 ${school.name}` },
      from: today(),
      until: inDays(14),
      active: true,
    });
    const read = await api
      .http()
      .get(`/v1/organisations/${school.id}/professionals/${away}/stand-in`)
      .set(bearer(school.secret))
      .expect(200);
    expect(read.body).toEqual(set.body);

    const mailsBefore = smtp.mails.length;
    await aRegistration(api, police, youth).expect(201);
    await waitUntilSettled(api.dataSource);

    // The school's inbox: the absent person's signal and the stand-in's copy, which says on whose behalf.
    const inbox = await api.http().get('/v1/signals').set(bearer(school.secret)).expect(200);
    const mine = inbox.body.items.filter((s: { recipientRole: string }) => s.recipientRole === 'participant');
    expect(mine.map((s: { recipientProfessionalId: string }) => s.recipientProfessionalId).sort()).toEqual(
      [away, colleague].sort(),
    );
    const copy = mine.find((s: { recipientProfessionalId: string }) => s.recipientProfessionalId === colleague);
    expect(copy.onBehalfOf).toEqual({ professionalId: away, name: `professional 0 ${school.name}` });
    const original = mine.find((s: { recipientProfessionalId: string }) => s.recipientProfessionalId === away);
    expect(original.onBehalfOf).toBeNull();
    expect(copy.matchId).toBe(original.matchId);

    // Both get the e-mail; the stand-in's says it is a colleague's, and names nobody.
    const [awayEmail, colleagueEmail] = [await emailOf(away), await emailOf(colleague)];
    const mails = smtp.mails.slice(mailsBefore);
    const standInMails = mails.filter((m) => m.to.includes(colleagueEmail));
    expect(standInMails).toHaveLength(1);
    expect(standInMails[0].text).toContain('U ontvangt dit signaal als vervanger van een collega.');
    expect(standInMails[0].text).not.toContain('professional 0');
    const ownMails = mails.filter((m) => m.to.includes(awayEmail));
    expect(ownMails).toHaveLength(1);
    expect(ownMails[0].text).not.toContain('vervanger');

    // The police see the absent person with the stand-in to contact meanwhile.
    const theirs = await api.http().get('/v1/signals').set(bearer(police.secret)).expect(200);
    const named: Involved[] = theirs.body.items.find(
      (signal: { recipientRole: string }) => signal.recipientRole === 'participant',
    ).involved;
    expect(named).toEqual([
      expect.objectContaining({
        name: `professional 0 ${school.name}`,
        standIn: {
          name: `professional 1 ${school.name}`,
          email: await emailOf(colleague),
          phone: expect.any(String),
          until: inDays(14),
        },
      }),
    ]);

    // The stand-in confirms contact on the absent person's match: shown as "namens".
    const matchId = original.matchId as string;
    const confirmed = await api
      .http()
      .post(`/v1/matches/${matchId}/contact-confirmation`)
      .set(bearer(school.secret))
      .send({ professionalId: colleague })
      .expect(200);
    const participant = confirmed.body.participants.find((p: { professionalId: string }) => p.professionalId === away);
    expect(participant).toMatchObject({
      contactConfirmedAt: expect.any(String),
      contactConfirmedBy: { professionalId: colleague, name: `professional 1 ${school.name}` },
      standIn: expect.objectContaining({ professionalId: colleague }),
    });
    const [audit] = await api.dataSource.query(
      `SELECT actor_professional_id, details FROM audit_events WHERE action = 'match.contact-confirmed' AND object_id = $1`,
      [matchId],
    );
    expect(audit).toEqual({
      actor_professional_id: colleague,
      details: { outcome: 'contact_made', onBehalfOf: [away] },
    });

    // A third colleague who stands in for nobody cannot confirm for the match.
    const refused = await api
      .http()
      .post(`/v1/matches/${matchId}/contact-confirmation`)
      .set(bearer(school.secret))
      .send({ professionalId: school.professionalIds[2] })
      .expect(422);
    expect(refused.body.code).toBe('NOT_A_PARTICIPANT');
  });

  it('does nothing before its period, and ends when ended early or when the stand-in leaves', async () => {
    const [away, colleague] = school.professionalIds;
    await standIn(away)
      .send({ standInId: colleague, from: inDays(7), until: inDays(21) })
      .expect(200);
    const later = await api
      .http()
      .get(`/v1/organisations/${school.id}/professionals/${away}/stand-in`)
      .set(bearer(school.secret))
      .expect(200);
    expect(later.body).toMatchObject({ from: inDays(7), active: false });

    // Not yet in the period: a new match signals only the person.
    const youth = { bsn: aBsn(), birthDate: bornYearsAgo(15) };
    await aRegistration(api, school, youth, 0).expect(201);
    await aRegistration(api, police, youth).expect(201);
    await waitUntilSettled(api.dataSource);
    const toColleague = async () =>
      (
        await api.dataSource.query(`SELECT count(*)::int AS n FROM signals WHERE recipient_professional_id = $1`, [
          colleague,
        ])
      )[0].n as number;
    expect(await toColleague()).toBe(0);

    // Ended early: nothing to end a second time.
    await standIn(away)
      .send({ standInId: colleague, until: inDays(3) })
      .expect(200);
    await api
      .http()
      .delete(`/v1/organisations/${school.id}/professionals/${away}/stand-in`)
      .set(bearer(coordinatorKey))
      .expect(204);
    const gone = await api
      .http()
      .delete(`/v1/organisations/${school.id}/professionals/${away}/stand-in`)
      .set(bearer(coordinatorKey))
      .expect(404);
    expect(gone.body.code).toBe('STAND_IN_NOT_FOUND');

    // The stand-in leaves: the arrangement ends with the designation.
    await standIn(away)
      .send({ standInId: colleague, until: inDays(3) })
      .expect(200);
    await api
      .http()
      .delete(`/v1/organisations/${school.id}/professionals/${colleague}`)
      .set(bearer(ADMIN_KEY))
      .expect(200);
    await api
      .http()
      .get(`/v1/organisations/${school.id}/professionals/${away}/stand-in`)
      .set(bearer(school.secret))
      .expect(404);
    const [audit] = await api.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'professional.deactivated' AND object_id = $1`,
      [colleague],
    );
    expect(audit.details.standInsEnded).toBe(1);
    const actions = await api.dataSource.query(
      `SELECT action FROM audit_events WHERE action LIKE 'stand-in.%' AND object_id = $1 ORDER BY id`,
      [away],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'stand-in.set',
      'stand-in.set',
      'stand-in.ended',
      'stand-in.set',
    ]);
  });

  it('refuses a stand-in that is not possible, with the field at fault, and changes nothing', async () => {
    const [away, colleague] = school.professionalIds;
    const cases: [unknown, number, string, string][] = [
      [{ standInId: away, until: inDays(3) }, 422, 'STAND_IN_INVALID', 'standInId'],
      [{ standInId: police.professionalIds[0], until: inDays(3) }, 422, 'STAND_IN_INVALID', 'standInId'],
      [{ standInId: school.coordinatorId, until: inDays(3) }, 422, 'STAND_IN_INVALID', 'standInId'],
      [{ standInId: colleague, from: inDays(5), until: inDays(4) }, 422, 'STAND_IN_PERIOD_INVALID', 'until'],
      [{ standInId: colleague, from: inDays(-1), until: inDays(4) }, 422, 'STAND_IN_PERIOD_INVALID', 'from'],
      [{ standInId: colleague, until: inDays(400) }, 422, 'STAND_IN_PERIOD_INVALID', 'until'],
      [{ standInId: colleague, until: '2026-02-30' }, 400, 'VALIDATION_FAILED', 'until'],
      [{ standInId: 'niet-een-id', until: inDays(3) }, 400, 'VALIDATION_FAILED', 'standInId'],
      [{ until: inDays(3) }, 400, 'VALIDATION_FAILED', 'standInId'],
    ];
    for (const [body, status, code, field] of cases) {
      const answer = await standIn(away)
        .send(body as object)
        .expect(status);
      expect({ code: answer.body.code, fields: answer.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        code,
        fields: [field],
      });
    }
    // Only the administrator or the own coordinator sets a stand-in; another organisation sees no such person.
    const casework = await standIn(away, school.secret).send({ standInId: colleague, until: inDays(3) });
    expect(casework.status).toBe(403);
    await api
      .http()
      .put(`/v1/organisations/${police.id}/professionals/${away}/stand-in`)
      .set(bearer(ADMIN_KEY))
      .send({ standInId: colleague, until: inDays(3) })
      .expect(404);
    await api
      .http()
      .get(`/v1/organisations/${school.id}/professionals/${away}/stand-in`)
      .set(bearer(police.secret))
      .expect(404);
    expect(await api.dataSource.query(`SELECT * FROM stand_ins`)).toEqual([]);
  });
});
