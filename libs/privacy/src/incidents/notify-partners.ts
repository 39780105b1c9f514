import type { Principal } from '@vir/auth';
import { rows, sql } from '@vir/database';
import { breachAddressesOfCollege } from '@vir/organisations';
import type { OutboxWriter } from '@vir/queue';
import type { EntityManager } from 'typeorm';

/**
 * Queues one round of notifications of an incident — the report (round 0) or an update — to the
 * breach address of every connected organisation of the college; answers how many.
 */
export async function notifyPartners(
  manager: EntityManager,
  outbox: OutboxWriter,
  principal: Principal,
  incidentId: string,
  round: number,
): Promise<number> {
  const recipients = await rows<{ organisation_id: string }>(
    manager,
    sql`INSERT INTO incident_notifications (incident_id, organisation_id, email, round)
        SELECT ${incidentId}::uuid, b.organisation_id, b.email, ${round} FROM (${breachAddressesOfCollege(principal.municipalityCode)}) b
        RETURNING organisation_id`,
  );
  for (const recipient of recipients)
    await outbox.add(
      manager,
      'incident.notification',
      { incidentId, organisationId: recipient.organisation_id, ...(round > 0 && { round }) },
      principal.correlationId,
    );
  return recipients.length;
}
