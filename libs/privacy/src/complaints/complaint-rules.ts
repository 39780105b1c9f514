import { addDays } from '@vir/common';
import type { IsoDate } from '@vir/common';

/** Who may complain: the person concerned or their legal representative (privacy protocol 5.1). */
export const COMPLAINANTS = ['youth', 'legal_representative'] as const;
export type Complainant = (typeof COMPLAINANTS)[number];

/** What the complaint is about, as the yearly evaluation groups them (covenant 6.2). */
export const COMPLAINT_TOPICS = ['registration', 'information', 'rights', 'follow_up', 'security', 'other'] as const;
export type ComplaintTopic = (typeof COMPLAINT_TOPICS)[number];

export const COMPLAINT_OUTCOMES = ['founded', 'partly_founded', 'unfounded', 'settled', 'withdrawn'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/**
 * The written response (privacy protocol 5.3) is due six weeks after receipt: the term the Algemene
 * wet bestuursrecht sets for a complaint to an administrative body (Awb 9:11(1)).
 */
export const RESPONSE_WEEKS = 6;

export function responseDueOn(receivedOn: IsoDate): IsoDate {
  return addDays(receivedOn, RESPONSE_WEEKS * 7);
}
