import { ageLimitDate, archiveDestroyDate, brpVerdict, informTarget, planRemoval } from './registration-rules';

describe('registration rules', () => {
  it.each([
    ['2015-11-29', 'legal_representative'], // 10 (turns 11 tomorrow)
    ['2014-11-29', 'legal_representative'], // 11, the day before turning 12
    ['2014-11-28', 'youth_and_legal_representative'], // 12 today
    ['2010-11-29', 'youth_and_legal_representative'], // 15
    ['2010-11-28', 'youth'], // 16 today
    ['2004-11-29', 'youth'], // 22
  ])('a youth born %s is informed through: %s', (birthDate, target) => {
    expect(informTarget(birthDate, '2026-11-28')).toBe(target);
  });

  it('puts the age limit on the 23rd birthday, 1 March for a leap-day child', () => {
    expect(ageLimitDate('2004-11-28')).toBe('2027-11-28');
    expect(ageLimitDate('2004-02-29')).toBe('2027-03-01');
    expect(ageLimitDate('2005-02-28')).toBe('2028-02-28');
  });

  const today = '2026-11-28';
  it.each([
    // [birthDate, requested, expected]
    ['2012-05-01', undefined, { ok: true, plannedRemovalDate: '2028-11-28' }], // default two years
    ['2012-05-01', '2027-06-01', { ok: true, plannedRemovalDate: '2027-06-01' }],
    ['2012-05-01', '2028-11-28', { ok: true, plannedRemovalDate: '2028-11-28' }], // exactly two years
    ['2012-05-01', '2028-11-29', { ok: false, problem: 'PLANNED_REMOVAL_TOO_LATE' }],
    ['2012-05-01', '2026-11-28', { ok: false, problem: 'PLANNED_REMOVAL_NOT_IN_FUTURE' }],
    ['2012-05-01', '2026-01-01', { ok: false, problem: 'PLANNED_REMOVAL_NOT_IN_FUTURE' }],
    ['2004-06-01', undefined, { ok: true, plannedRemovalDate: '2027-06-01' }], // capped at the 23rd birthday
    ['2004-06-01', '2027-06-02', { ok: false, problem: 'PLANNED_REMOVAL_AFTER_AGE_LIMIT' }],
    ['2003-11-29', undefined, { ok: true, plannedRemovalDate: '2026-11-29' }], // 22 today, 23 tomorrow
    ['2003-11-28', undefined, { ok: false, problem: 'YOUTH_TOO_OLD' }], // 23 today
    ['1990-01-01', undefined, { ok: false, problem: 'YOUTH_TOO_OLD' }],
    ['2026-11-28', undefined, { ok: true, plannedRemovalDate: '2028-11-28' }], // born today: no lower limit
  ])('born %s, requested %s → %j', (birthDate, requested, expected) => {
    expect(planRemoval({ today, birthDate, requested, defaultMonths: 24 })).toMatchObject(expected);
  });

  it('never exceeds two years from a leap day, and honours a shorter default', () => {
    expect(planRemoval({ today: '2028-02-29', birthDate: '2015-01-01', defaultMonths: 24 })).toMatchObject({
      plannedRemovalDate: '2030-02-28',
    });
    expect(planRemoval({ today: '2026-11-28', birthDate: '2015-01-01', defaultMonths: 12 })).toMatchObject({
      plannedRemovalDate: '2027-11-28',
    });
  });

  it('destroys archive entries after five years or at 23, whichever is first', () => {
    expect(archiveDestroyDate('2026-11-28', '2040-01-01')).toBe('2031-11-28');
    expect(archiveDestroyDate('2026-11-28', '2029-03-01')).toBe('2029-03-01');
    expect(archiveDestroyDate('2028-02-29', '2040-01-01')).toBe('2033-02-28');
  });
});

describe('brpVerdict', () => {
  const today = '2026-12-04';
  const alive = { birthDate: '2012-03-04', deceased: false };

  it('confirms a living person under 23 with the same birth date', () => {
    expect(brpVerdict(alive, '2012-03-04', today)).toEqual({ ok: true, birthDate: '2012-03-04' });
  });

  it('refuses an unknown, a deceased, a differently born and a 23-year-old person', () => {
    expect(brpVerdict(undefined, '2012-03-04', today)).toEqual({ ok: false, problem: 'YOUTH_NOT_IN_BRP' });
    expect(brpVerdict({ ...alive, deceased: true }, '2012-03-04', today)).toEqual({
      ok: false,
      problem: 'YOUTH_DECEASED',
    });
    expect(brpVerdict(alive, '2012-03-05', today)).toEqual({ ok: false, problem: 'BIRTH_DATE_MISMATCH' });
    expect(brpVerdict({ birthDate: '2003-12-04', deceased: false }, '2003-12-04', today)).toEqual({
      ok: false,
      problem: 'YOUTH_TOO_OLD',
    });
    expect(brpVerdict({ birthDate: '2003-12-05', deceased: false }, '2003-12-05', today).ok).toBe(true);
  });

  it("takes the reporter's birth date where the BRP knows it only in part", () => {
    expect(brpVerdict({ birthDate: null, deceased: false }, '2012-03-04', today)).toEqual({
      ok: true,
      birthDate: '2012-03-04',
    });
    expect(brpVerdict({ birthDate: null, deceased: false }, '2000-01-01', today)).toEqual({
      ok: false,
      problem: 'YOUTH_TOO_OLD',
    });
  });
});
