/** Number spellings of the text form: exact round-trip for float32, float64 and int64. */

/** The shortest decimal that reads back as the same float32. */
export function formatFloat32(x: number): string {
  if (!Number.isFinite(x) || Object.is(x, -0)) return formatSpecial(x);
  for (let p = 1; p <= 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return String(Number(s));
  }
  return String(x);
}

/** The shortest decimal that reads back as the same float64 (JS's own number printing). */
export function formatFloat64(x: number): string {
  return Number.isFinite(x) && !Object.is(x, -0) ? String(x) : formatSpecial(x);
}

/** A float attribute: like formatFloat64 but always recognisable as a float (has '.', 'e', inf or nan). */
export function formatFloatAttr(x: number): string {
  const s = formatFloat64(x);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

function formatSpecial(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return '-0';
}

/** Reads a number token (decimal, inf, -inf, nan). */
export function parseFloatToken(s: string): number {
  if (s === 'nan' || s === '-nan') return NaN;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

/** Whether a number token is an integer literal (no '.', exponent, inf or nan). */
export function isIntegerToken(s: string): boolean {
  return /^-?\d+$/.test(s);
}
