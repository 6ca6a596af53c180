import { quadSegmentQ } from './exp-approx';
import {
  GELU_ERF_POLY, GELU_ERF_POLY_ERR, GELU_ERF_TABLE, GELU_ERF_TABLE_ERR,
  GELU_TANH_POLY, GELU_TANH_POLY_ERR, GELU_TANH_TABLE, GELU_TANH_TABLE_ERR,
} from './tables';

/**
 * The integer semantics of Gelu: GELU(x) = relu(x) − h(|x|) with h(a) = a·Φ(−a) (erf form) or its
 * tanh approximation. h is approximated on a = |x| ∈ [0, 4) (beyond, h < 1.3e−4 is taken as 0) by
 * a segment table indexed by the top bits of a, or by one polynomial in the top bits of a/4, in
 * the field without intermediate rounding; y = round-half-up((relu·2^(F−f) − H) / 2^(F−f)).
 */
export const GELU_STRATEGIES = ['table', 'poly'] as const;
export type GeluStrategy = (typeof GELU_STRATEGIES)[number];
export const GELU_FORMS = ['erf', 'tanh'] as const;
export type GeluForm = (typeof GELU_FORMS)[number];

/** h is approximated on [0, 2^GELU_RANGE_LOG2) = [0, 4). */
export const GELU_RANGE_LOG2 = 2;
export const GELU_TABLE_INDEX_BITS = 5;
export const GELU_TABLE_COEF_FRAC = 24;
export const GELU_POLY_BITS = 14;
export const GELU_POLY_COEF_FRAC = 32;
/** Smallest frac Gelu accepts (the table's in-segment bits must not vanish). */
export const GELU_MIN_FRAC = 4;

const TABLES = { erf: GELU_ERF_TABLE, tanh: GELU_TANH_TABLE };
const POLYS = { erf: GELU_ERF_POLY, tanh: GELU_TANH_POLY };

/** In-segment bits of the table strategy at frac f. */
export function geluTableLowBits(frac: number): number {
  return frac + GELU_RANGE_LOG2 - GELU_TABLE_INDEX_BITS;
}

/** Frac F of H. */
export function geluHFrac(frac: number, strategy: GeluStrategy): number {
  return strategy === 'table'
    ? GELU_TABLE_COEF_FRAC + 2 * geluTableLowBits(frac)
    : GELU_POLY_COEF_FRAC + (POLYS.erf.length - 1) * GELU_POLY_BITS;
}

/** The top GELU_POLY_BITS bits of a/4 (a < 2^(f+2)). */
export function geluPolyInput(a: bigint, frac: number): bigint {
  const d = frac + GELU_RANGE_LOG2 - GELU_POLY_BITS;
  return d >= 0 ? a >> BigInt(d) : a << BigInt(-d);
}

export function geluPolyH(u: bigint, form: GeluForm): bigint {
  const coeffs = POLYS[form];
  const d = coeffs.length - 1;
  let h = 0n;
  coeffs.forEach((c, i) => { h += c * u ** BigInt(i) * (1n << BigInt((d - i) * GELU_POLY_BITS)); });
  return h;
}

export function geluTableH(j: number, r: bigint, frac: number, form: GeluForm): bigint {
  return quadSegmentQ(TABLES[form][j], r, geluTableLowBits(frac));
}

/** H ≈ h(a)·2^F for a < 2^(f+2). */
export function geluH(a: bigint, frac: number, form: GeluForm, strategy: GeluStrategy): bigint {
  if (strategy === 'poly') return geluPolyH(geluPolyInput(a, frac), form);
  const l = BigInt(geluTableLowBits(frac));
  return geluTableH(Number(a >> l), a & ((1n << l) - 1n), frac, form);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** Gelu of X with frac f (input and output). */
export function geluInt(x: bigint, frac: number, form: GeluForm, strategy: GeluStrategy): bigint {
  const a = x < 0n ? -x : x;
  const relu = x > 0n ? x : 0n;
  if (a >= 1n << BigInt(frac + GELU_RANGE_LOG2)) return relu;
  const big = geluHFrac(frac, strategy);
  const shift = BigInt(big - frac);
  return floorDiv((relu << shift) - geluH(a, frac, form, strategy) + (1n << (shift - 1n)), 1n << shift);
}

/** Sound output bounds of Gelu for an input in [lo, hi] (every strategy and form). */
export function geluBounds(lo: bigint, hi: bigint, frac: number): [bigint, bigint] {
  const one = 1n << BigInt(frac);
  const min = -((one * 171n) / 1000n) - 2n; // GELU ≥ −0.16997
  const slack = (one >> 9n) + 2n; // approximation error < 2^−9
  return [lo >= 0n ? lo - slack : min, hi > 0n ? hi + slack : slack];
}

/** Worst absolute error of geluInt against the float GELU of its form, in real units. */
export function geluErrorBound(frac: number, form: GeluForm, strategy: GeluStrategy): number {
  const tail = form === 'erf' ? 1.27e-4 : 7.03e-5; // h(4)
  if (strategy === 'table') {
    return Math.max(tail, form === 'erf' ? GELU_ERF_TABLE_ERR : GELU_TANH_TABLE_ERR) + 2 ** -(frac + 1);
  }
  // Truncating a to GELU_POLY_BITS bits of a/4 moves a by < 4·2^−g, and |h′| ≤ 0.5.
  const trunc = frac + GELU_RANGE_LOG2 > GELU_POLY_BITS ? 0.5 * 4 * 2 ** -GELU_POLY_BITS : 0;
  const approx = form === 'erf' ? GELU_ERF_POLY_ERR : GELU_TANH_POLY_ERR;
  return Math.max(tail, approx + trunc) + 2 ** -(frac + 1);
}
