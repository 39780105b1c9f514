/**
 * Burgerservicenummer checks: nine digits (eight are accepted with a leading zero added),
 * not all zeros, passing the eleven-test with weights 9…2 and −1.
 */
export function normaliseBsn(input: string): string | undefined {
  if (!/^\d{8,9}$/.test(input)) return undefined;
  const bsn = input.padStart(9, '0');
  if (/^0+$/.test(bsn)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0 ? bsn : undefined;
}

export function isValidBsn(input: string): boolean {
  return normaliseBsn(input) !== undefined;
}
