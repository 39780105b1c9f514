/**
 * Calendar dates as `YYYY-MM-DD` strings: the law counts in days in the Netherlands,
 * so "today" is the date in Europe/Amsterdam, and dates compare as strings.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function isCalendarDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && year >= 1900;
}

/** The last minute formatted: a date in Amsterdam only changes on a minute boundary, and Intl formatting is slow. */
let memo = { minute: Number.NaN, date: '' };

export function todayInAmsterdam(now: Date): IsoDate {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== memo.minute) memo = { minute, date: amsterdam.format(now) };
  return memo.date;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Adds calendar months. When the target month is shorter (31 Jan + 1 month, 29 Feb + 12 months)
 * the result is its last day, unless `overflow` is 'next-day' (then the day after it: 1 Mar).
 */
export function addMonths(date: IsoDate, months: number, overflow: 'last-day' | 'next-day' = 'last-day'): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  if (d <= last) return format(year, month, d);
  return overflow === 'last-day' ? format(year, month, last) : addDays(format(year, month, last), 1);
}

export function addYears(date: IsoDate, years: number, overflow: 'last-day' | 'next-day' = 'last-day'): IsoDate {
  return addMonths(date, years * 12, overflow);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return format(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Completed years of age on `on`. Someone born on 29 February has a birthday on 1 March in other years. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by] = parts(birthDate);
  const [oy] = parts(on);
  let age = oy - by;
  if (addYears(birthDate, age, 'next-day') > on) age -= 1;
  return age;
}

/** Adds working days (Monday to Friday); public holidays are not taken into account. */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    const [y, m, d] = parts(current);
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return current;
}
