import { Injectable, Logger } from '@nestjs/common';
import { Clock, todayInAmsterdam } from '@vir/common';
import { AppConfig } from '@vir/config';
import { rows, sql } from '@vir/database';
import { Mailer } from '@vir/mail';
import { professionalFacts } from '@vir/organisations';
import { ScheduledWorker } from '@vir/queue';
import { DataSource } from 'typeorm';

/** The deadline an open task is waiting for: the re-check day of a postponement, else its due date. */
const DEADLINE = sql.raw('COALESCE(r.inform_recheck_on, r.inform_due_on)');
const OPEN = sql.raw(`r.status = 'active' AND r.informed_on IS NULL AND r.inform_target IS NOT NULL`);

/**
 * Reminds each professional, in one e-mail, of their information tasks that passed the due date
 * (the day after it) or reached the re-check day, once per deadline. Per professional the tasks are
 * locked, the mail is sent and the reminder recorded in one transaction: a mail that fails leaves
 * them for the next run, and two workers never mail the same tasks.
 */
@Injectable()
export class InformationReminders extends ScheduledWorker {
  private readonly logger = new Logger(InformationReminders.name);
  readonly schedules = { 'information-reminders': () => this.run() };

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async run(): Promise<{ professionals: number; tasks: number }> {
    if (!this.mailer.enabled) return { professionals: 0, tasks: 0 };
    const today = todayInAmsterdam(this.clock.now());
    const due = sql`${OPEN}
        AND ((r.inform_recheck_on IS NULL AND r.inform_due_on < ${today}::date) OR r.inform_recheck_on <= ${today}::date)
        AND r.inform_reminded_for IS DISTINCT FROM ${DEADLINE}`;
    const professionals = await rows<{ professional_id: string }>(
      this.dataSource,
      sql`SELECT DISTINCT r.professional_id FROM registrations r WHERE ${due} LIMIT 1000`,
    );
    let tasks = 0;
    for (const { professional_id } of professionals) {
      tasks += await this.dataSource.transaction(async (manager) => {
        const locked = await rows<{ id: string; deadline: string; email: string; name: string; active: boolean }>(
          manager,
          sql`SELECT r.id, ${DEADLINE}::text AS deadline, p.email, p.name, p.active
                FROM registrations r JOIN ${professionalFacts()} p ON p.id = r.professional_id
               WHERE r.professional_id = ${professional_id} AND ${due}
               ORDER BY r.created_at FOR UPDATE OF r SKIP LOCKED`,
        );
        if (locked.length === 0) return 0;
        // A leaver's tasks went to the successor with the registrations; an inactive mailbox gets nothing.
        if (locked[0].active)
          await this.mailer.send(
            reminderMail(
              locked[0],
              locked.map((t) => t.id),
              this.config.PORTAL_URL,
            ),
          );
        await rows(
          manager,
          sql`UPDATE registrations r SET inform_reminded_for = ${DEADLINE}
               WHERE r.id = ANY(${locked.map((t) => t.id)}::uuid[])`,
        );
        return locked.length;
      });
    }
    if (tasks > 0) this.logger.log({ professionals: professionals.length, tasks }, 'information task reminders sent');
    return { professionals: professionals.length, tasks };
  }
}

/** In Dutch, with links to the registrations in the portal; nothing about any youth. */
export function reminderMail(
  to: { email: string; name: string },
  registrationIds: string[],
  portalUrl: string,
): { to: string; subject: string; text: string } {
  const n = registrationIds.length;
  return {
    to: to.email,
    subject: 'Herinnering: jongere of ouder inlichten over uw melding',
    text: [
      `Beste ${to.name},`,
      '',
      n === 1
        ? 'Bij een van uw meldingen in de verwijsindex staat nog niet dat u de jongere of de ouder heeft ingelicht, of de dag om het uitstel opnieuw te bekijken is gekomen.'
        : `Bij ${n} van uw meldingen in de verwijsindex staat nog niet dat u de jongere of de ouder heeft ingelicht, of de dag om het uitstel opnieuw te bekijken is gekomen.`,
      'Licht in en leg het vast bij de melding, of leg vast waarom het nog moet wachten (Jeugdwet 7.1.5.1, AVG artikel 14):',
      '',
      ...registrationIds.map((id) => `${portalUrl}/meldingen/${id}`),
      '',
      'Dit bericht is automatisch verstuurd door de verwijsindex risicojongeren.',
    ].join('\n'),
  };
}
