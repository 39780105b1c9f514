import { addMonths, todayInAmsterdam } from '@vir/common';

/** Contact details not changed or confirmed for `months` months are due for a check by the coordinator. */
export function contactDetailsStale(confirmedAt: string | Date, months: number, now: Date): boolean {
  const confirmedOn = todayInAmsterdam(new Date(confirmedAt));
  return addMonths(confirmedOn, months) <= todayInAmsterdam(now);
}
