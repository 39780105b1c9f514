import { amsterdamLocalToIso } from './amsterdam-time';

describe('a wall-clock time in the Netherlands', () => {
  it.each([
    ['2026-12-02T08:15', '2026-12-02T07:15:00.000Z'], // winter time, UTC+1
    ['2026-07-01T12:00', '2026-07-01T10:00:00.000Z'], // summer time, UTC+2
    ['2026-03-29T03:30', '2026-03-29T01:30:00.000Z'], // just after the clocks went forward
    ['2026-10-25T01:59', '2026-10-24T23:59:00.000Z'], // before the clocks go back
  ])('%s is %s', (local, instant) => expect(amsterdamLocalToIso(local)).toBe(instant));

  it.each(['', 'gisteren', '2026-02-30T10:00', '2026-12-02 08:15', '2026-12-02T24:00'])('refuses %p', (local) =>
    expect(amsterdamLocalToIso(local)).toBeUndefined(),
  );
});
