import { addWorkingDays } from '@vir/common';
import type { IsoDate } from '@vir/common';

/** Whom the professional must inform of the registration (Jw 7.1.5.1(1)). */
export type InformTarget = 'legal_representative' | 'youth_and_legal_representative' | 'youth';

/** Informing after an urgent registration is due within this many working days ("zo spoedig mogelijk"). */
export const INFORM_DUE_WORKING_DAYS = 5;

/**
 * The grounds on which AVG 14(5) lets the notice wait: the person already has the information (a),
 * informing is impossible or would take a disproportionate effort (b), or professional secrecy (d).
 * The motivation itself belongs in the client file, never here.
 */
export const DEFERRAL_GROUNDS = ['already_informed', 'impossible_or_disproportionate', 'professional_secrecy'] as const;
export type DeferralGround = (typeof DEFERRAL_GROUNDS)[number];

/** A postponement is re-checked within this many days at most. */
export const MAX_DEFERRAL_DAYS = 183;

export type InformationStatus = 'open' | 'overdue' | 'informed' | 'deferred' | 'recheck_due';

/**
 * The task a new registration starts with: done when the professional confirmed they informed before
 * registering, otherwise open and due a few working days later (the urgent exception, or a case system
 * that sent no confirmation).
 */
export function newInformationTask(
  target: InformTarget,
  informed: 'before_registering' | 'urgent_exception' | undefined,
  today: IsoDate,
): { target: InformTarget; dueOn: IsoDate; informedOn: IsoDate | null } {
  return informed === 'before_registering'
    ? { target, dueOn: today, informedOn: today }
    : { target, dueOn: addWorkingDays(today, INFORM_DUE_WORKING_DAYS), informedOn: null };
}

export function informationStatus(
  task: { dueOn: IsoDate | null; informedOn: IsoDate | null; recheckOn: IsoDate | null },
  today: IsoDate,
): InformationStatus {
  if (task.informedOn) return 'informed';
  if (task.recheckOn) return task.recheckOn <= today ? 'recheck_due' : 'deferred';
  return task.dueOn && task.dueOn < today ? 'overdue' : 'open';
}
