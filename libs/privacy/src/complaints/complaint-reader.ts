import { todayInAmsterdam } from '@vir/common';
import { rows, sql } from '@vir/database';
import type { Sql } from '@vir/database';
import { organisationFacts } from '@vir/organisations';
import type { DataSource, EntityManager } from 'typeorm';
import { deadlineState } from '../register-deadlines';
import type { ComplaintView } from './complaint.view';

interface ComplaintRow {
  id: string;
  reference: string;
  received_on: string;
  filed_by: string;
  topic: string;
  concerns_organisation_id: string | null;
  concerns_organisation: string | null;
  due_on: string;
  forwarded_on: string | null;
  responded_on: string | null;
  outcome: string | null;
  recorded_at: Date;
}

/** The college's complaints matching `where`, open ones first by due date, then the latest received. */
export async function readComplaints(
  db: DataSource | EntityManager,
  municipalityCode: string,
  now: Date,
  where: Sql = sql`TRUE`,
): Promise<ComplaintView[]> {
  const found = await rows<ComplaintRow>(
    db,
    sql`SELECT c.id, c.reference, c.received_on::text, c.filed_by, c.topic, c.concerns_organisation_id,
               o.name AS concerns_organisation, c.due_on::text, c.forwarded_on::text, c.responded_on::text,
               c.outcome, c.recorded_at
          FROM complaints c LEFT JOIN ${organisationFacts()} o ON o.id = c.concerns_organisation_id
         WHERE c.municipality_code = ${municipalityCode} AND ${where}
         ORDER BY c.responded_on IS NOT NULL, CASE WHEN c.responded_on IS NULL THEN c.due_on END,
                  c.received_on DESC, c.recorded_at DESC
         LIMIT 500`,
  );
  const today = todayInAmsterdam(now);
  return found.map((c) => ({
    id: c.id,
    reference: c.reference,
    receivedOn: c.received_on,
    filedBy: c.filed_by,
    topic: c.topic,
    concernsOrganisationId: c.concerns_organisation_id,
    concernsOrganisation: c.concerns_organisation,
    dueOn: c.due_on,
    deadline: deadlineState(c.due_on, c.responded_on, today),
    forwardedOn: c.forwarded_on,
    respondedOn: c.responded_on,
    outcome: c.outcome,
    recordedAt: new Date(c.recorded_at).toISOString(),
  }));
}
