/**
 * A wall-clock time in the Netherlands as a browser's `datetime-local` gives it (2026-12-02T08:15),
 * as an instant with its offset; undefined when it is not such a time.
 */
export function amsterdamLocalToIso(local: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [y, m, d, hh, mm] = match.slice(1).map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  if (Number.isNaN(asUtc) || new Date(asUtc).getUTCDate() !== d) return undefined;
  // The offset Amsterdam has at that moment (CET +1 or CEST +2), read back through Intl; a second
  // look at the corrected instant gets the offset right on the days the clocks change.
  const first = offsetAt(asUtc);
  return new Date(asUtc - offsetAt(asUtc - first * 60_000) * 60_000).toISOString();
}

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Minutes Amsterdam is ahead of UTC at the instant `utc` (milliseconds). */
function offsetAt(utc: number): number {
  const shown = AMSTERDAM.formatToParts(new Date(utc));
  const part = (type: string) => Number(shown.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return (wall - Math.floor(utc / 60_000) * 60_000) / 60_000;
}
