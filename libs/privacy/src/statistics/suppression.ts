/** Any count from 1 to 4 is shown as "<5", so no youth or professional can be singled out (Jw 7.1.2.3(1)(h)(2°)). */
export const SUPPRESSED = '<5';
export function suppress(count: number): number | typeof SUPPRESSED {
  return count >= 1 && count <= 4 ? SUPPRESSED : count;
}
