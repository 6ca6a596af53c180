import { EXP2_POLY, EXP2_POLY_ERR, EXP2_TABLE, EXP2_TABLE_ERR } from './tables';

/**
 * The integer semantics of Exp on non-positive fixed-point inputs, shared by every stage.
 * e^x = 2^(−u) with u = −x·log2(e) ≥ 0 computed exactly as V = −X·C, C = round(log2(e)·2^14):
 * V = k·2^(f+14) + t splits u into its integer part k and fraction t; 2^(−t) comes from a
 * polynomial or a segment table evaluated on the top bits of t with no intermediate rounding
 * (an integer Q with frac F), and the 2^(−k) factor and the single final rounding are one shift.
 */
export const EXP_STRATEGIES = ['table', 'poly'] as const;
export type ExpStrategy = (typeof EXP_STRATEGIES)[number];

export const EXP_C_BITS = 14;
export const EXP_C = 23637n; // round(log2(e)·2^14), off by 4.9e−6 relative
/** ln2·|C/2^14 − log2(e)|: the relative error of e^x per unit of |x| that C's rounding adds. */
export const EXP_C_ERROR = Math.LN2 * Math.abs(23637 / 2 ** 14 - Math.LOG2E);
/** Bits of the fraction t that the polynomial reads. */
export const EXP_POLY_BITS = 14;
/** Segment-index bits and in-segment bits of the table strategy. */
export const EXP_TABLE_INDEX_BITS = 3;
export const EXP_TABLE_LOW_BITS = 11;
export const EXP_COEF_FRAC = 24;

/** Frac F of the approximation Q of 2^(−t) for a strategy. */
export function expQFrac(strategy: ExpStrategy): number {
  return strategy === 'poly'
    ? EXP_COEF_FRAC + (EXP2_POLY.length - 1) * EXP_POLY_BITS
    : EXP_COEF_FRAC + 2 * EXP_TABLE_LOW_BITS;
}

/** Q(S) = Σ c_i·S^i·2^((d−i)·g) for the top g bits S of t: 2^(−S/2^g) with frac F. */
export function expPolyQ(s: bigint): bigint {
  const d = EXP2_POLY.length - 1;
  let q = 0n;
  EXP2_POLY.forEach((c, i) => { q += c * s ** BigInt(i) * (1n << BigInt((d - i) * EXP_POLY_BITS)); });
  return q;
}

/** Q = c0·2^(2l) + (c1·2^l + c2·R)·R for segment j and the next l bits R. */
export function quadSegmentQ(row: bigint[], r: bigint, lowBits: number): bigint {
  const l = BigInt(lowBits);
  return (row[0] << (2n * l)) + ((row[1] << l) + row[2] * r) * r;
}

export function expTableQ(j: number, r: bigint): bigint {
  return quadSegmentQ(EXP2_TABLE[j], r, EXP_TABLE_LOW_BITS);
}

/** Q for the fraction t (t < 2^(fIn+14)). */
export function expQ(t: bigint, fIn: number, strategy: ExpStrategy): bigint {
  const tb = BigInt(fIn + EXP_C_BITS);
  if (strategy === 'poly') return expPolyQ(t >> (tb - BigInt(EXP_POLY_BITS)));
  const j = Number(t >> (tb - BigInt(EXP_TABLE_INDEX_BITS)));
  const r = (t >> (tb - BigInt(EXP_TABLE_INDEX_BITS + EXP_TABLE_LOW_BITS))) & ((1n << BigInt(EXP_TABLE_LOW_BITS)) - 1n);
  return expTableQ(j, r);
}

/** Largest output of Exp with output frac fOut (the approximation of e^0 may round a little above 1). */
export function expHi(fOut: number): bigint {
  return (1n << BigInt(fOut)) + (1n << BigInt(Math.max(0, fOut - 8))) + 1n;
}

/** Exp of X ≤ 0 (frac fIn ≥ 2) with output frac fOut: round-half-up(Q·2^(−k) / 2^(F−fOut)). */
export function expInt(x: bigint, fIn: number, fOut: number, strategy: ExpStrategy): bigint {
  if (x > 0n) throw new Error(`internal error: expInt of positive ${x}`);
  const tb = BigInt(fIn + EXP_C_BITS);
  const v = -x * EXP_C;
  const k = v >> tb;
  if (k >= BigInt(fOut + 2)) return 0n; // Q·2^(−k) < 2^(fOut−1−F): rounds to 0
  const shift = BigInt(expQFrac(strategy) - fOut) + k;
  return (expQ(v & ((1n << tb) - 1n), fIn, strategy) + (1n << (shift - 1n))) >> shift;
}

/** Worst relative error of the approximation of 2^(−t) (coefficients, truncation of t, C). */
export function expRelativeError(strategy: ExpStrategy): number {
  const approx = strategy === 'poly' ? EXP2_POLY_ERR : EXP2_TABLE_ERR;
  const bits = strategy === 'poly' ? EXP_POLY_BITS : EXP_TABLE_INDEX_BITS + EXP_TABLE_LOW_BITS;
  return approx + Math.LN2 * 2 ** -bits;
}

/** Worst absolute error of expInt against e^x over x ≤ 0, in real units. */
export function expErrorBound(fOut: number, strategy: ExpStrategy): number {
  // e^x·|x|·EXP_C_ERROR ≤ EXP_C_ERROR / e: the error of the constant C.
  return expRelativeError(strategy) + EXP_C_ERROR / Math.E + 2 ** -(fOut + 1);
}
