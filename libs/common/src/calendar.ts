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

/** Easter Sunday of a year (Gregorian calendar; the anonymous algorithm in Meeus, Astronomical Algorithms). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return format(year, month, day);
}

const holidaysByYear = new Map<number, Set<IsoDate>>();

/**
 * The general public holidays of the Algemene termijnenwet (art. 3) that can fall on a weekday:
 * Nieuwjaarsdag, Tweede Paasdag, Koningsdag (27 April, or the 26th when the 27th is a Sunday),
 * 5 mei, Hemelvaartsdag, Tweede Pinksterdag and both Kerstdagen.
 */
export function dutchPublicHolidays(year: number): Set<IsoDate> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? format(year, 4, 26) : format(year, 4, 27);
    holidays = new Set([
      format(year, 1, 1),
      addDays(easter, 1),
      kingsDay,
      format(year, 5, 5),
      addDays(easter, 39),
      addDays(easter, 50),
      format(year, 12, 25),
      format(year, 12, 26),
    ]);
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

/** True on Monday to Friday, unless it is a public holiday (the days the Algemene termijnenwet counts). */
export function isWorkingDay(date: IsoDate): boolean {
  const [y, m, d] = parts(date);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !dutchPublicHolidays(y).has(date);
}

const NO_CLOSING_DAYS: ReadonlySet<IsoDate> = new Set();

/**
 * Adds working days: Monday to Friday, skipping the Dutch general public holidays and the
 * `closingDays` of whoever counts (a college's own closing days).
 */
export function addWorkingDays(date: IsoDate, days: number, closingDays = NO_CLOSING_DAYS): IsoDate {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current) && !closingDays.has(current)) left -= 1;
  }
  return current;
}
