import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vir/audit';
import { AppConfig } from '@vir/config';
import { databaseNow, rows, sql } from '@vir/database';
import { isPermanentMailFailure, Mailer } from '@vir/mail';
import { organisationFacts } from '@vir/organisations';
import { JobHandler, JobProcessor, QUEUES } from '@vir/queue';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';

/** Worker: e-mails one organisation's breach address and records when. */
@Injectable()
export class IncidentNotifier extends JobProcessor {
  readonly queue = QUEUES.notifications;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {
    super();
  }

  readonly handlers: Record<string, JobHandler> = {
    'notify-incident': async (data, job) => {
      // Round 0 is the report (8.2); each later round an update (8.3) with its own text.
      const round = Number(data.round ?? 0);
      const notification = sql`n.incident_id = ${String(data.incidentId)} AND n.organisation_id = ${String(data.organisationId)}
                               AND n.round = ${round}`;
      const [row] = await rows<{
        email: string;
        status: string;
        reference: string;
        occurred_at: Date;
        summary: string;
        closes: boolean;
        name: string;
        municipality_code: string;
      }>(
        this.dataSource,
        sql`SELECT n.email, n.status, i.reference, i.occurred_at, COALESCE(u.summary, i.summary) AS summary,
                   COALESCE(u.closes, false) AS closes, o.name, i.municipality_code
              FROM incident_notifications n
              JOIN incidents i ON i.id = n.incident_id JOIN ${organisationFacts()} o ON o.id = n.organisation_id
              LEFT JOIN incident_updates u ON u.incident_id = n.incident_id AND u.round = n.round
             WHERE ${notification}`,
      );
      if (!row) throw new UnrecoverableError('no such incident notification');
      if (row.status === 'notified') return 'already-notified';
      try {
        await this.mailer.send({
          to: row.email,
          subject:
            round === 0
              ? `Melding beveiligingsincident verwijsindex (${row.reference})`
              : `Update ${round} beveiligingsincident verwijsindex (${row.reference})${row.closes ? ': afgesloten' : ''}`,
          text: [
            `Aan: ${row.name}`,
            '',
            round === 0
              ? 'Op grond van artikel 8 van het privacyprotocol van het convenant melden wij een beveiligingsincident in de verwijsindex risicojongeren.'
              : `Op grond van artikel 8.3 van het privacyprotocol houden wij u op de hoogte van het beveiligingsincident in de verwijsindex risicojongeren (bericht ${round}).${row.closes ? ' Met dit bericht is het incident afgesloten.' : ''}`,
            `Kenmerk: ${row.reference}`,
            `Ontdekt/voorgevallen op: ${new Date(row.occurred_at).toISOString()}`,
            '',
            row.summary,
            '',
            `Neem voor vragen contact op met de beheerder van de verwijsindex (${this.config.VIR_MUNICIPALITY_NAME}).`,
          ].join('\n'),
          messageId: `<incident-${String(data.incidentId)}-${String(data.organisationId)}${round ? `-${round}` : ''}@verwijsindex>`,
        });
      } catch (error) {
        const final = isPermanentMailFailure(error) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        await rows(
          this.dataSource,
          sql`UPDATE incident_notifications n SET status = ${final ? 'dead' : 'failed'}, attempts = attempts + 1,
                     last_error = ${String((error as Error).message).slice(0, 300)}
               WHERE ${notification}`,
        );
        if (isPermanentMailFailure(error))
          throw new UnrecoverableError('the breach address was refused by the mail server');
        throw error;
      }
      await this.dataSource.transaction(async (manager) => {
        await rows(
          manager,
          sql`UPDATE incident_notifications n SET status = 'notified', attempts = attempts + 1, notified_at = ${databaseNow},
                     last_error = NULL
               WHERE ${notification}`,
        );
        await this.audit.record(manager, {
          action: 'incident.organisation-notified',
          objectType: 'incident',
          objectId: String(data.incidentId),
          actor: { correlationId: data.correlationId ?? undefined },
          municipalityCode: row.municipality_code,
          details: { organisationId: String(data.organisationId), ...(round > 0 && { round }) },
        });
      });
      return 'notified';
    },
  };
}
