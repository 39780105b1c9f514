import { addMonths, addYears, ageOn } from '@vir/common';
import type { IsoDate } from '@vir/common';
import type { InformTarget } from './information-task';

export type { InformTarget };

/** The law's age limit: a registration may be made until, and is removed on, the 23rd birthday (Jw 7.1.1.1, 7.1.4.5(2)(b)). */
export const AGE_LIMIT_YEARS = 23;
/** At most two years after it was made (Jw 7.1.4.5(2)(a)). */
export const MAX_TERM_MONTHS = 24;
/** Archive entries live five years (Jw 7.1.4.6(1)). */
export const ARCHIVE_TERM_YEARS = 5;

/** The 23rd birthday; someone born on 29 February turns 23 on 1 March in a common year. */
export function ageLimitDate(birthDate: IsoDate): IsoDate {
  return addYears(birthDate, AGE_LIMIT_YEARS, 'next-day');
}

export function informTarget(birthDate: IsoDate, today: IsoDate): InformTarget {
  const age = ageOn(birthDate, today);
  if (age < 12) return 'legal_representative';
  if (age < 16) return 'youth_and_legal_representative';
  return 'youth';
}

/** The latest removal date the two-year rule allows; from 29 February that is 28 February (never more than two years). */
export function latestRemovalDate(today: IsoDate): IsoDate {
  return addMonths(today, MAX_TERM_MONTHS, 'last-day');
}

export type RemovalPlan =
  | { ok: true; plannedRemovalDate: IsoDate; ageLimitDate: IsoDate }
  | {
      ok: false;
      problem:
        | 'YOUTH_TOO_OLD'
        | 'PLANNED_REMOVAL_NOT_IN_FUTURE'
        | 'PLANNED_REMOVAL_TOO_LATE'
        | 'PLANNED_REMOVAL_AFTER_AGE_LIMIT';
    };

/**
 * Decides the planned removal date of a new registration: the requested date, or the default term,
 * never later than two years from today, and never after the youth's 23rd birthday.
 */
export function planRemoval(input: {
  today: IsoDate;
  birthDate: IsoDate;
  requested?: IsoDate;
  defaultMonths: number;
}): RemovalPlan {
  const limit = ageLimitDate(input.birthDate);
  if (limit <= input.today) return { ok: false, problem: 'YOUTH_TOO_OLD' };
  const latest = latestRemovalDate(input.today);
  if (input.requested !== undefined) {
    if (input.requested <= input.today) return { ok: false, problem: 'PLANNED_REMOVAL_NOT_IN_FUTURE' };
    if (input.requested > latest) return { ok: false, problem: 'PLANNED_REMOVAL_TOO_LATE' };
    if (input.requested > limit) return { ok: false, problem: 'PLANNED_REMOVAL_AFTER_AGE_LIMIT' };
    return { ok: true, plannedRemovalDate: input.requested, ageLimitDate: limit };
  }
  const wanted = addMonths(input.today, Math.min(input.defaultMonths, MAX_TERM_MONTHS), 'last-day');
  return { ok: true, plannedRemovalDate: [wanted, latest, limit].sort()[0], ageLimitDate: limit };
}

/** An archive entry is destroyed five years after archiving, or at 23 if that comes first. */
export function archiveDestroyDate(archivedOn: IsoDate, ageLimit: IsoDate): IsoDate {
  const fiveYears = addYears(archivedOn, ARCHIVE_TERM_YEARS, 'last-day');
  return fiveYears < ageLimit ? fiveYears : ageLimit;
}

export type BrpVerdict =
  | { ok: true; birthDate: IsoDate }
  | { ok: false; problem: 'YOUTH_NOT_IN_BRP' | 'YOUTH_DECEASED' | 'BIRTH_DATE_MISMATCH' | 'YOUTH_TOO_OLD' };

/**
 * What the BRP's answer means for a registration (Jw 7.1.4.2, 7.1.2.3(1)(a)): the person must exist,
 * be alive, and be under 23 by the BRP's birth date, which the reporter's must equal. A birth date the
 * BRP knows only in part (year, or year and month) cannot be compared: the reporter's then counts.
 */
export function brpVerdict(
  person: { birthDate: IsoDate | null; deceased: boolean } | undefined,
  reportedBirthDate: IsoDate,
  today: IsoDate,
): BrpVerdict {
  if (!person) return { ok: false, problem: 'YOUTH_NOT_IN_BRP' };
  if (person.deceased) return { ok: false, problem: 'YOUTH_DECEASED' };
  if (person.birthDate && person.birthDate !== reportedBirthDate) return { ok: false, problem: 'BIRTH_DATE_MISMATCH' };
  const birthDate = person.birthDate ?? reportedBirthDate;
  if (ageLimitDate(birthDate) <= today) return { ok: false, problem: 'YOUTH_TOO_OLD' };
  return { ok: true, birthDate };
}
