import {
  addDays,
  addMonths,
  addWorkingDays,
  addYears,
  ageOn,
  dutchPublicHolidays,
  easterSunday,
  isCalendarDate,
  todayInAmsterdam,
} from './calendar';

describe('calendar', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-1-01', false],
    ['24-01-01', false],
    ['2024-04-31', false],
    ['1899-12-31', false],
  ])('isCalendarDate(%s) = %s', (value, valid) => expect(isCalendarDate(value)).toBe(valid));

  it('takes today in Amsterdam, not in UTC', () => {
    expect(todayInAmsterdam(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // summer time, UTC+2
    expect(todayInAmsterdam(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31'); // winter time, UTC+1
    expect(todayInAmsterdam(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('answers from the last minute it formatted, also for a clock that goes back', () => {
    expect(todayInAmsterdam(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(todayInAmsterdam(new Date('2026-12-31T22:59:59.999Z'))).toBe('2026-12-31');
    expect(todayInAmsterdam(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(todayInAmsterdam(new Date('2026-12-31T22:59:30Z'))).toBe('2026-12-31');
  });

  it.each([
    ['2024-01-31', 1, 'last-day', '2024-02-29'],
    ['2023-01-31', 1, 'last-day', '2023-02-28'],
    ['2024-02-29', 24, 'last-day', '2026-02-28'],
    ['2024-02-29', 24, 'next-day', '2026-03-01'],
    ['2024-02-29', 48, 'last-day', '2028-02-29'],
    ['2025-11-28', 24, 'last-day', '2027-11-28'],
    ['2025-12-15', 1, 'last-day', '2026-01-15'],
  ] as const)('addMonths(%s, %d, %s) = %s', (date, months, overflow, expected) => {
    expect(addMonths(date, months, overflow)).toBe(expected);
  });

  it('adds years and days across leap years', () => {
    expect(addYears('2003-02-28', 23)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it.each([
    ['2003-11-28', '2026-11-28', 23],
    ['2003-11-29', '2026-11-28', 22],
    ['2004-02-29', '2027-02-28', 22], // the birthday of a leap-day child is 1 March in other years
    ['2004-02-29', '2027-03-01', 23],
    ['2004-02-29', '2028-02-29', 24],
    ['2026-11-28', '2026-11-28', 0],
  ])('ageOn(%s, %s) = %d', (birth, on, age) => expect(ageOn(birth, on)).toBe(age));

  it.each([
    ['2026-11-30', 5, '2026-12-07'], // Monday + 5 working days = next Monday
    ['2026-11-27', 1, '2026-11-30'], // Friday + 1 = Monday
    ['2026-11-28', 1, '2026-11-30'], // Saturday + 1 = Monday
    ['2026-11-30', 10, '2026-12-14'],
    ['2026-12-31', 2, '2027-01-05'], // Nieuwjaarsdag 2027 is a Friday
    ['2026-12-24', 1, '2026-12-28'], // both Kerstdagen (Friday, Saturday) skipped
    ['2027-03-26', 1, '2027-03-30'], // Friday before Easter + 1: Tweede Paasdag (29 March) skipped
    ['2026-05-04', 1, '2026-05-06'], // 5 mei skipped
    ['2027-05-05', 1, '2027-05-07'], // … and Hemelvaartsdag (6 May 2027) too
    ['2026-11-30', 0, '2026-11-30'],
  ])('addWorkingDays(%s, %d) = %s', (date, days, expected) => expect(addWorkingDays(date, days)).toBe(expected));

  it("skips a college's closing days as well, and counts a closing day on a weekend or holiday once", () => {
    const closed = new Set(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2026-12-26']);
    expect(addWorkingDays('2026-12-24', 1, closed)).toBe('2027-01-04'); // Kerst, the closed week, Nieuwjaarsdag
    expect(addWorkingDays('2026-12-24', 3, closed)).toBe('2027-01-06');
    expect(addWorkingDays('2026-12-21', 5, closed)).toBe('2027-01-05');
  });

  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('easterSunday(%d) = %s', (year, expected) => expect(easterSunday(year)).toBe(expected));

  it('knows the public holidays of 2026, Koningsdag moving to Saturday 26 April in 2025', () => {
    expect([...dutchPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(dutchPublicHolidays(2025).has('2025-04-26')).toBe(true); // 27 April 2025 was a Sunday
    expect(dutchPublicHolidays(2025).has('2025-04-27')).toBe(false);
  });
});
