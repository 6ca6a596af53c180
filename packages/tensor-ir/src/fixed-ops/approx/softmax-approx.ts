import { EXP_C_ERROR, ExpStrategy, expHi, expInt, expRelativeError } from './exp-approx';

/**
 * The integer semantics of Softmax along the last axis with an optional additive constant mask:
 * masked entries (mask ≤ −2^(f+16), i.e. −65536 and below, −∞ clamped) are exactly 0 and take no
 * part; the others are v = x + mask, m = max v, e = Exp(v − m) at frac f + bitLength(len) (so the
 * sum's rounding stays below 2^−(f+1)), and y = round-half-up(e·2^f / Σe).
 */
export function softmaxMasked(mask: bigint, frac: number): boolean {
  return mask <= -(1n << BigInt(frac + 16));
}

/** Frac of the exponentials inside a softmax of rows of `len`. */
export function softmaxExpFrac(frac: number, len: number): number {
  return frac + Math.max(1, Math.ceil(Math.log2(len + 1)));
}

/** One row: x and mask (or undefined) of equal length. */
export function softmaxRowInt(x: bigint[], mask: bigint[] | undefined, frac: number, strategy: ExpStrategy): bigint[] {
  const live = x.map((_, i) => !mask || !softmaxMasked(mask[i], frac));
  const v = x.map((xi, i) => xi + (mask ? mask[i] : 0n));
  const liveV = v.filter((_, i) => live[i]);
  if (liveV.length === 0) return x.map(() => 0n);
  const m = liveV.reduce((a, b) => (b > a ? b : a));
  const fe = softmaxExpFrac(frac, x.length);
  const e = v.map((vi, i) => (live[i] ? expInt(vi - m, frac, fe, strategy) : 0n));
  const sum = e.reduce((a, b) => a + b, 0n);
  return e.map((ei, i) => (live[i] ? (2n * (ei << BigInt(frac)) + sum) / (2n * sum) : 0n));
}

/**
 * Worst absolute error of a softmax row of `len` against float softmax. Each exponential is
 * ê = e·(1 + δ) + η with |δ| ≤ ρ + c·|d| and |η| ≤ 2^−(fe+1); then |ŷ − y| ≤ y·|δ_i| + y·Σ y_j·|δ_j|
 * + (1 + len)·η / Σê, where y·|d| ≤ 1/e, Σ y_j·|d_j| ≤ ln(len) and Σê ≥ 1 − ρ (the max term is e^0).
 */
export function softmaxErrorBound(frac: number, len: number, strategy: ExpStrategy): number {
  const rho = expRelativeError(strategy);
  const eta = 2 ** -(softmaxExpFrac(frac, len) + 1);
  const relative = 2 * rho + EXP_C_ERROR * (1 / Math.E + Math.log(Math.max(len, 1)));
  return (relative + (len + 1) * eta) / (1 - rho) + 2 ** -(frac + 1);
}

export { expHi };
