import { addDays } from '@vir/common';
import type { IsoDate } from '@vir/common';

/** From this many days before a register's due date it warns. */
export const WARN_DAYS = 7;

export type DeadlineState = 'answered' | 'overdue' | 'due_soon' | 'open';

/** Where an entry of a register (a subject request, a complaint) stands against its due date. */
export function deadlineState(dueOn: IsoDate, answeredOn: IsoDate | null, today: IsoDate): DeadlineState {
  if (answeredOn) return 'answered';
  if (today > dueOn) return 'overdue';
  if (addDays(today, WARN_DAYS) >= dueOn) return 'due_soon';
  return 'open';
}
