import { SIGMOID_TANH_TABLE, SIGMOID_TANH_TABLE_ERR } from './tables';

/**
 * The integer semantics of the fixed op Sigmoid, forms sigmoid and tanh. Both are odd around a
 * constant: tanh(x) = sign(x)·tanh(|x|) and σ(x) = 1/2 + sign(x)·tanh(|x|/2)/2. So one table serves
 * both: tanh(u) on u ∈ [0, 8) in 32 cubic segments indexed by the top 5 bits of u, and tanh(u) = 1
 * beyond (1 − tanh 8 = 2.3e−7). u is the integer a = |x| read at frac fu = f + D, D = 1 for
 * sigmoid (u = |x|/2 costs no operation) and 0 for tanh. T ≈ tanh(u)·2^F is kept unrounded in the
 * field; z = D·2^F + sign·T has frac F + D, and y = round-half-up(z / 2^(F + D − f)).
 */
export const SIGMOID_STRATEGIES = ['table'] as const;
export type SigmoidStrategy = (typeof SIGMOID_STRATEGIES)[number];
export const SIGMOID_FORMS = ['sigmoid', 'tanh'] as const;
export type SigmoidForm = (typeof SIGMOID_FORMS)[number];

/** tanh is approximated on u ∈ [0, 2^SIGMOID_RANGE_LOG2) = [0, 8). */
export const SIGMOID_RANGE_LOG2 = 3;
export const SIGMOID_TABLE_INDEX_BITS = 5;
export const SIGMOID_COEF_FRAC = 24;
/** Smallest frac the op accepts (keeps the in-segment bits and the output meaningful). */
export const SIGMOID_MIN_FRAC = 4;
/** What saturating to 1 beyond the table costs: 1 − tanh(8). */
export const SIGMOID_TAIL_ERR = 1 - Math.tanh(2 ** SIGMOID_RANGE_LOG2);

/** D: the extra frac at which a = |x| is read as u (u = x/2 for sigmoid). */
export function sigmoidHalf(form: SigmoidForm): number {
  return form === 'sigmoid' ? 1 : 0;
}

/** Bits of a the table reads: u < 2^R means a < 2^(f + D + R). */
export function sigmoidTopBits(frac: number, form: SigmoidForm): number {
  return frac + sigmoidHalf(form) + SIGMOID_RANGE_LOG2;
}

/** In-segment bits l (the segment variable is r / 2^l). */
export function sigmoidTableLowBits(frac: number, form: SigmoidForm): number {
  return sigmoidTopBits(frac, form) - SIGMOID_TABLE_INDEX_BITS;
}

/** Frac F of T. */
export function sigmoidTFrac(frac: number, form: SigmoidForm): number {
  return SIGMOID_COEF_FRAC + (SIGMOID_TANH_TABLE[0].length - 1) * sigmoidTableLowBits(frac, form);
}

/** The final rescale's shift: F + D − f. */
export function sigmoidShift(frac: number, form: SigmoidForm): number {
  return sigmoidTFrac(frac, form) + sigmoidHalf(form) - frac;
}

/** Σ c_i·r^i·2^((d−i)·l) by Horner: the segment polynomial at r / 2^l with no rounding. */
export function hornerSegmentQ(row: bigint[], r: bigint, lowBits: number): bigint {
  const l = BigInt(lowBits);
  let q = row[row.length - 1];
  for (let i = row.length - 2; i >= 0; i--) q = q * r + (row[i] << (BigInt(row.length - 1 - i) * l));
  return q;
}

/** T ≈ tanh(u)·2^F for a = |x|: the table below 2^top, exactly 2^F at and above. */
export function sigmoidT(a: bigint, frac: number, form: SigmoidForm): bigint {
  if (a >= 1n << BigInt(sigmoidTopBits(frac, form))) return 1n << BigInt(sigmoidTFrac(frac, form));
  const l = BigInt(sigmoidTableLowBits(frac, form));
  return hornerSegmentQ(SIGMOID_TANH_TABLE[Number(a >> l)], a & ((1n << l) - 1n), Number(l));
}

/** The fixed Sigmoid of X (frac f in and out) in the given form. */
export function sigmoidInt(x: bigint, frac: number, form: SigmoidForm): bigint {
  const t = sigmoidT(x < 0n ? -x : x, frac, form);
  const z = (BigInt(sigmoidHalf(form)) << BigInt(sigmoidTFrac(frac, form))) + (x < 0n ? -t : t);
  const s = BigInt(sigmoidShift(frac, form));
  return (z + (1n << (s - 1n))) >> s; // bigint >> is floor division by 2^s, negatives too
}

/** The float function of a form, on reals. */
export function sigmoidFloat(v: number, form: SigmoidForm): number {
  return form === 'tanh' ? Math.tanh(v) : 1 / (1 + Math.exp(-v));
}

/**
 * Sound output bounds for an input in [lo, hi]: both forms are increasing, so the image of the ends
 * widened by a slack of 2^(f−10) + 2 (over a hundred times the error bound) and clipped to the
 * function's range widened the same way.
 */
export function sigmoidBounds(lo: bigint, hi: bigint, frac: number, form: SigmoidForm): [bigint, bigint] {
  const one = 1n << BigInt(frac);
  const slack = (one >> 10n) + 2n;
  const at = (v: bigint, round: (n: number) => number) => BigInt(round(sigmoidFloat(Number(v) / 2 ** frac, form) * 2 ** frac));
  const min = (form === 'tanh' ? -one : 0n) - slack;
  const yLo = at(lo, Math.floor) - slack;
  const yHi = at(hi, Math.ceil) + slack;
  return [yLo > min ? yLo : min, yHi < one + slack ? yHi : one + slack];
}

/**
 * Worst absolute error of sigmoidInt against the float function, in real units: the table's
 * measured error (or the tail beyond 8, whichever is larger), halved for sigmoid, plus the final
 * rounding. u is read exactly from x, so nothing else enters.
 */
export function sigmoidErrorBound(frac: number, form: SigmoidForm): number {
  const scale = form === 'sigmoid' ? 0.5 : 1;
  return scale * Math.max(SIGMOID_TAIL_ERR, SIGMOID_TANH_TABLE_ERR) + 2 ** -(frac + 1);
}
