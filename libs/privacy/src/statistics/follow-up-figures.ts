import { todayInAmsterdam } from '@vir/common';
import { SUPPRESSED, suppress } from './suppression';

/** What the follow-up figures need of one match. */
export interface MatchFollowUp {
  createdAt: Date;
  /** The day contact should have been made by (the escalation deadline). */
  dueOn: string | null;
  inContactAt: Date | null;
}

type Figure = number | typeof SUPPRESSED | null;

/** Matches are needed for a median, so one match's time cannot be read from it. */
const MIN_FOR_A_MEDIAN = 5;

/**
 * The share (percent, whole) of decided matches — in contact, or past their deadline — that were in
 * contact within the deadline; a match still within its deadline is not counted yet. Null without a
 * decided match; "<5" when the share, the count or what it leaves would give away a count of 1–4.
 */
export function followUpRate(matches: MatchFollowUp[], today: string): Figure {
  const decided = matches.filter((m) => m.inContactAt || (m.dueOn !== null && m.dueOn < today));
  if (decided.length === 0) return null;
  const inTime = decided.filter(
    (m) => m.inContactAt && (m.dueOn === null || todayInAmsterdam(m.inContactAt) <= m.dueOn),
  ).length;
  const parts = [decided.length, inTime, decided.length - inTime];
  if (parts.some((n) => suppress(n) === SUPPRESSED)) return SUPPRESSED;
  return Math.round((100 * inTime) / decided.length);
}

/** The median number of days (one decimal) from match to contact; null without contact, "<5" below five. */
export function medianDaysToContact(matches: MatchFollowUp[]): Figure {
  const days = matches
    .filter((m): m is MatchFollowUp & { inContactAt: Date } => m.inContactAt !== null)
    .map((m) => (m.inContactAt.getTime() - m.createdAt.getTime()) / 86_400_000)
    .sort((a, b) => a - b);
  if (days.length === 0) return null;
  if (days.length < MIN_FOR_A_MEDIAN) return SUPPRESSED;
  const middle = Math.floor(days.length / 2);
  const median = days.length % 2 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
  return Math.round(median * 10) / 10;
}
