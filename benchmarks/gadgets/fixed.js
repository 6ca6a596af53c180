'use strict';
/** Fixed-point helpers and the deterministic data of the benchmark. */

/** xorshift32 in [0, 1): the same data on every machine. */
function seeded(seed) {
  let s = (seed >>> 0) || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

const quantize = (x, frac) => BigInt(Math.round(x * 2 ** frac));
const dequantize = (v, frac) => Number(v) / 2 ** frac;

/** n points evenly spaced over [lo, hi], ends included (one point: the middle). */
function sweep(n, lo, hi) {
  if (n === 1) return [(lo + hi) / 2];
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/** Exact interval of Σ_i w_i·x_i + b over x_i ∈ [lo, hi], per output column j of W [k, n]. */
function dotIntervals(W, B, k, n, lo, hi) {
  return Array.from({ length: n }, (_, j) => {
    let a = B ? B[j] : 0n;
    let b = a;
    for (let i = 0; i < k; i++) {
      const w = W[i * n + j];
      a += w > 0n ? w * lo : w * hi;
      b += w > 0n ? w * hi : w * lo;
    }
    return [a, b];
  });
}

module.exports = { seeded, quantize, dequantize, sweep, dotIntervals };
