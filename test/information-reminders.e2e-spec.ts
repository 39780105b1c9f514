import { TestingModule } from '@nestjs/testing';
import { addDays, addWorkingDays, todayInAmsterdam } from '../libs/common/src/calendar';
import { InformationReminders } from '../libs/registrations/src/jobs/information-reminders';
import { anOrganisation, TestOrganisation } from './support/factories';
import { MovableClock, startWorkerWithClock } from './support/movable-clock';
import { startSmtpSink } from './support/receivers';
import { bearer, startApi, TestApi } from './support/test-api';
import { aBsn, bornYearsAgo } from './support/youths';

/** The worker reminds the professional of an information task past its due date or at its re-check day, once per deadline. */
describe('information task reminders (Jw 7.1.5.1(1), AVG 14)', () => {
  let api: TestApi;
  let worker: TestingModule;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let school: TestOrganisation;
  const today = todayInAmsterdam(new Date());
  const clock = new MovableClock(new Date());

  beforeAll(async () => {
    smtp = await startSmtpSink();
    api = await startApi();
    await api.reset();
    school = await anOrganisation(api, { kind: 'education', professionals: 2, scopes: ['registrations'] });
    // The timer's own runs wait an hour; the test runs the reminders itself, on the clock's day.
    worker = await startWorkerWithClock(clock, { SMTP_URL: smtp.url, PORTAL_URL: 'https://portaal.example.nl' });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  const register = async (professional: number, informed: string, bsn = aBsn()) =>
    (
      await api
        .http()
        .post('/v1/registrations')
        .set(bearer(school.secret))
        .send({
          professionalId: school.professionalIds[professional],
          youth: { bsn, birthDate: bornYearsAgo(9) },
          confirmations: { legalGround: true, informed },
        })
        .expect(201)
    ).body as { id: string };
  const remindOn = async (date: string) => {
    clock.set(date);
    return worker.get(InformationReminders).run();
  };
  const emailOf = async (professional: number): Promise<string> =>
    (
      await api.dataSource.query(`SELECT email FROM professionals WHERE id = $1`, [
        school.professionalIds[professional],
      ])
    )[0].email;

  it('mails once the day after the due date, again at a re-check day, and never for a task that is done', async () => {
    const bsn = aBsn();
    const urgent = await register(0, 'urgent_exception', bsn);
    const second = await register(0, 'urgent_exception');
    await register(0, 'before_registering');
    const colleagues = await register(1, 'urgent_exception');
    const due = addWorkingDays(today, 5);

    expect(await remindOn(due)).toEqual({ professionals: 0, tasks: 0 });
    expect(smtp.mails).toHaveLength(0);

    expect(await remindOn(addDays(due, 1))).toEqual({ professionals: 2, tasks: 3 });
    const to = await emailOf(0);
    const mine = smtp.mails.filter((m) => m.to[0] === to);
    expect(mine).toHaveLength(1);
    expect(mine[0].subject).toBe('Herinnering: jongere of ouder inlichten over uw melding');
    expect(mine[0].text).toContain(`https://portaal.example.nl/meldingen/${urgent.id}`);
    expect(mine[0].text).toContain(`https://portaal.example.nl/meldingen/${second.id}`);
    expect(mine[0].text).not.toContain(colleagues.id);
    expect(mine[0].text).not.toContain(bsn);

    // The next run, and the day after: nothing new.
    expect(await remindOn(addDays(due, 2))).toEqual({ professionals: 0, tasks: 0 });
    expect(smtp.mails).toHaveLength(2);

    // Postponed on a ground until a re-check day: reminded on that day, once.
    const recheckOn = addDays(due, 10);
    clock.set(addDays(due, 2));
    await api
      .http()
      .put(`/v1/registrations/${urgent.id}/information-task`)
      .set(bearer(school.secret))
      .send({
        status: 'deferred',
        deferralGround: 'impossible_or_disproportionate',
        recheckOn,
        professionalId: school.professionalIds[0],
      })
      .expect(200);
    await api
      .http()
      .put(`/v1/registrations/${second.id}/information-task`)
      .set(bearer(school.secret))
      .send({ status: 'informed', informedOn: today, professionalId: school.professionalIds[0] })
      .expect(200);
    expect(await remindOn(addDays(recheckOn, -1))).toEqual({ professionals: 0, tasks: 0 });
    expect(await remindOn(recheckOn)).toEqual({ professionals: 1, tasks: 1 });
    const last = smtp.mails[smtp.mails.length - 1];
    expect(last.to).toEqual([to]);
    expect(last.text).toContain(urgent.id);
    expect(last.text).not.toContain(second.id);
    expect(await remindOn(addDays(recheckOn, 1))).toEqual({ professionals: 0, tasks: 0 });
    expect(smtp.mails).toHaveLength(3);
  });

  it('leaves the tasks for the next run when the mail cannot be sent', async () => {
    await api.reset();
    school = await anOrganisation(api, { kind: 'education', professionals: 1, scopes: ['registrations'] });
    const before = smtp.mails.length;
    await register(0, 'urgent_exception');
    const dayAfter = addDays(addWorkingDays(today, 5), 1);
    smtp.failNext(1);
    await expect(remindOn(dayAfter)).rejects.toThrow();
    const [row] = await api.dataSource.query(`SELECT inform_reminded_for FROM registrations`);
    expect(row.inform_reminded_for).toBeNull();
    expect(await remindOn(dayAfter)).toEqual({ professionals: 1, tasks: 1 });
    expect(smtp.mails.length).toBe(before + 1);
  });
});
