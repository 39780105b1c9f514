import { contactDetailsStale } from './contact-freshness';

describe('contactDetailsStale', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  it('is due on the day the months have passed, not the day before', () => {
    expect(contactDetailsStale('2025-12-02T09:00:00Z', 12, now)).toBe(true);
    expect(contactDetailsStale('2025-12-03T09:00:00Z', 12, now)).toBe(false);
  });
  it('counts calendar days in Amsterdam', () => {
    // 23:30 UTC on 1 December is already 2 December in Amsterdam.
    expect(contactDetailsStale('2025-12-01T23:30:00Z', 12, now)).toBe(true);
    expect(contactDetailsStale('2026-06-02T10:00:00Z', 6, now)).toBe(true);
    expect(contactDetailsStale('2026-06-03T10:00:00Z', 6, now)).toBe(false);
  });
});
