/**
 * Per-element integer intervals for the range analysis. Arithmetic is exact (unbounded bigint),
 * so an overflow shows up as a too-large bound instead of wrapping around.
 */
export interface Interval {
  lo: bigint[];
  hi: bigint[];
}

/**
 * An interval as a rule reads it: a computed one, or a constant's bounds, which are its int64
 * data itself (no bigint per weight). Read-only and not necessarily an Array: rules read it by
 * index or with `Array.from(x, f)` (a plain array of exact bigints), never with a typed array's
 * own `.map`, which would wrap results beyond int64.
 */
export interface ReadInterval {
  readonly lo: ArrayLike<bigint>;
  readonly hi: ArrayLike<bigint>;
}

/** The largest magnitude a value may reach: |v| < 2^62 keeps native i64 arithmetic safe with margin. */
export const BOUND_LIMIT = 1n << 62n;

/** Applies a monotone non-decreasing function to both ends of every element. */
export function mapMonotone(x: ReadInterval, f: (v: bigint) => bigint): Interval {
  return { lo: Array.from(x.lo, (v) => f(v)), hi: Array.from(x.hi, (v) => f(v)) };
}

/** The index of the first element i with pred(xs[i]), or -1. */
export function findIndexOf(xs: ArrayLike<bigint>, pred: (v: bigint) => boolean): number {
  for (let i = 0; i < xs.length; i++) if (pred(xs[i])) return i;
  return -1;
}

export function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** The exact range of a·b for a ∈ [al, ah], b ∈ [bl, bh]: the extremes are among the corner products. */
export function mulRange(al: bigint, ah: bigint, bl: bigint, bh: bigint): [bigint, bigint] {
  const p1 = al * bl, p2 = al * bh, p3 = ah * bl, p4 = ah * bh;
  return [minOf(minOf(p1, p2), minOf(p3, p4)), maxOf(maxOf(p1, p2), maxOf(p3, p4))];
}

/** The index of the first element whose interval leaves (-2^62, 2^62), or -1. */
export function firstOverflow(x: ReadInterval): number {
  for (let i = 0; i < x.lo.length; i++) {
    if (x.lo[i] <= -BOUND_LIMIT || x.hi[i] >= BOUND_LIMIT) return i;
  }
  return -1;
}

/** The exact range of w·x for a constant w and x ∈ [lo, hi]. */
export function scaledRange(w: bigint, lo: bigint, hi: bigint): [bigint, bigint] {
  return w >= 0n ? [w * lo, w * hi] : [w * hi, w * lo];
}
