import { addDays, addYears, todayInAmsterdam } from '../../libs/common/src/calendar';

let next = 10_000_000 + Math.floor(Math.random() * 50_000_000);

/** A fresh BSN that passes the eleven-test (never a real person's: test data only). */
export function aBsn(): string {
  for (;;) {
    next += 1;
    const digits = String(next).padStart(8, '0');
    let sum = 0;
    for (let i = 0; i < 8; i += 1) sum += Number(digits[i]) * (9 - i);
    const check = sum % 11;
    if (check < 10) return `${digits}${check}`;
  }
}

export const today = () => todayInAmsterdam(new Date());

/** A birth date that makes the youth `years` old today (plus `days` days). */
export function bornYearsAgo(years: number, days = 0): string {
  return addDays(addYears(today(), -years), -days);
}
