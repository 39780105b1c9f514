import { digestCutoff } from './signal-digest';

describe("the moment a day's signal digest covers up to", () => {
  it('is 07:00 in Amsterdam today once it is past, else yesterday, in winter and summer time', () => {
    expect(digestCutoff(new Date('2026-12-03T06:30:00Z'), 7).toISOString()).toBe('2026-12-03T06:00:00.000Z');
    expect(digestCutoff(new Date('2026-12-03T05:59:00Z'), 7).toISOString()).toBe('2026-12-02T06:00:00.000Z');
    expect(digestCutoff(new Date('2026-07-01T05:00:00Z'), 7).toISOString()).toBe('2026-07-01T05:00:00.000Z');
    expect(digestCutoff(new Date('2026-07-01T04:59:00Z'), 7).toISOString()).toBe('2026-06-30T05:00:00.000Z');
  });
});
