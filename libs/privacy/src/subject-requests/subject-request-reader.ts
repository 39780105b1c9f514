import { todayInAmsterdam } from '@vir/common';
import { rows, sql } from '@vir/database';
import type { Sql } from '@vir/database';
import type { DataSource, EntityManager } from 'typeorm';
import { deadlineState } from '../register-deadlines';
import type { SubjectRequestView } from './subject-request.view';

interface SubjectRequestRow {
  id: string;
  reference: string;
  kind: string;
  received_on: string;
  requested_by: string;
  due_on: string;
  advice_asked_on: string | null;
  advice_received_on: string | null;
  decision: string | null;
  answered_on: string | null;
  outcome: Record<string, number> | null;
  recorded_at: Date;
}

/** The college's subject requests matching `where`, open ones first by due date. */
export async function readSubjectRequests(
  db: DataSource | EntityManager,
  municipalityCode: string,
  now: Date,
  where: Sql = sql`TRUE`,
): Promise<SubjectRequestView[]> {
  const found = await rows<SubjectRequestRow>(
    db,
    sql`SELECT id, reference, kind, received_on::text, requested_by, due_on::text, advice_asked_on::text,
               advice_received_on::text, decision, answered_on::text, outcome, recorded_at
          FROM subject_requests WHERE municipality_code = ${municipalityCode} AND ${where}
         ORDER BY answered_on IS NOT NULL, due_on, recorded_at LIMIT 200`,
  );
  const today = todayInAmsterdam(now);
  return found.map((r) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    receivedOn: r.received_on,
    requestedBy: r.requested_by,
    dueOn: r.due_on,
    deadline: deadlineState(r.due_on, r.answered_on, today),
    adviceAskedOn: r.advice_asked_on,
    adviceReceivedOn: r.advice_received_on,
    decision: r.decision,
    answeredOn: r.answered_on,
    outcome: r.outcome,
    recordedAt: new Date(r.recorded_at).toISOString(),
  }));
}
