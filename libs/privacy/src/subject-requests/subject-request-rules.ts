import { addDays, ageOn } from '@vir/common';
import type { IsoDate } from '@vir/common';

export const REQUEST_KINDS = ['access', 'rectification', 'erasure', 'restriction', 'objection'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUESTERS = ['youth', 'legal_representative', 'youth_and_legal_representative'] as const;
export type Requester = (typeof REQUESTERS)[number];

export const DECISIONS = ['granted', 'partly_granted', 'refused'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The answer is due four weeks after the request was received (covenant privacy protocol 4.3). */
export const ANSWER_WEEKS = 4;

export function answerDueOn(receivedOn: IsoDate): IsoDate {
  return addDays(receivedOn, ANSWER_WEEKS * 7);
}

/**
 * Who may file the request, by the youth's age on the day it was received (Jw 7.1.5.1(2)):
 * under 12 the legal representative, 12 to 15 the youth and the legal representative jointly,
 * from 16 the youth.
 */
export function entitledRequester(birthDate: IsoDate, receivedOn: IsoDate): Requester {
  const age = ageOn(birthDate, receivedOn);
  if (age < 12) return 'legal_representative';
  if (age < 16) return 'youth_and_legal_representative';
  return 'youth';
}

/** Rectification, erasure, restriction and objection are decided with the reporter's advice (Jw 7.1.5.2). */
export function needsReporterAdvice(kind: RequestKind): boolean {
  return kind !== 'access';
}
