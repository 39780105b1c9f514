import { followUpRate, MatchFollowUp, medianDaysToContact } from './follow-up-figures';

const TODAY = '2026-11-20';
const made = new Date('2026-11-02T09:00:00Z');
const inContact = (days: number): MatchFollowUp => ({
  createdAt: made,
  dueOn: '2026-11-10',
  inContactAt: new Date(made.getTime() + days * 86_400_000),
});
const waiting = (dueOn: string): MatchFollowUp => ({ createdAt: made, dueOn, inContactAt: null });

describe('follow-up figures of the dashboard', () => {
  it('counts a match in time when contact came on or before its deadline (Amsterdam day)', () => {
    const onTheDay = { createdAt: made, dueOn: '2026-11-10', inContactAt: new Date('2026-11-10T22:30:00Z') };
    const justAfter = { createdAt: made, dueOn: '2026-11-10', inContactAt: new Date('2026-11-10T23:01:00Z') };
    const late = Array.from({ length: 5 }, () => inContact(12));
    expect(followUpRate([...Array.from({ length: 5 }, () => inContact(2)), ...late], TODAY)).toBe(50);
    // 23:30 in Amsterdam on the 10th is still in time; a minute past midnight is not.
    expect(followUpRate([...Array.from({ length: 4 }, () => inContact(1)), onTheDay, ...late], TODAY)).toBe(50);
    expect(followUpRate([...Array.from({ length: 5 }, () => inContact(1)), justAfter, ...late.slice(1)], TODAY)).toBe(
      50,
    );
  });

  it('leaves matches within their deadline out, and says null without a decided match', () => {
    expect(followUpRate([waiting('2026-11-30')], TODAY)).toBeNull();
    expect(followUpRate([], TODAY)).toBeNull();
    const decided = Array.from({ length: 10 }, () => inContact(1));
    expect(followUpRate([...decided, waiting('2026-11-30'), waiting('2026-11-25')], TODAY)).toBe(100);
  });

  it('shows "<5" when the count, the in-time part or the rest is 1–4', () => {
    expect(
      followUpRate(
        Array.from({ length: 3 }, () => inContact(1)),
        TODAY,
      ),
    ).toBe('<5');
    const nineInTime = Array.from({ length: 9 }, () => inContact(1));
    expect(followUpRate([...nineInTime, waiting('2026-11-15')], TODAY)).toBe('<5');
    expect(
      followUpRate(
        [...Array.from({ length: 4 }, () => inContact(1)), ...nineInTime.map(() => waiting('2026-11-15'))],
        TODAY,
      ),
    ).toBe('<5');
    expect(
      followUpRate(
        Array.from({ length: 6 }, () => waiting('2026-11-15')),
        TODAY,
      ),
    ).toBe(0);
  });

  it('gives the median days to contact from five matches on', () => {
    expect(medianDaysToContact([inContact(1), inContact(2), inContact(3), inContact(4)])).toBe('<5');
    expect(medianDaysToContact([inContact(5), inContact(1), inContact(2), inContact(9), inContact(3)])).toBe(3);
    expect(medianDaysToContact([1, 2, 3, 4, 5, 6].map(inContact))).toBe(3.5);
    expect(medianDaysToContact([waiting('2026-11-30')])).toBeNull();
  });
});
