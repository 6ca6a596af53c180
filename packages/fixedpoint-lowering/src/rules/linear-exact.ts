import { int64Words, sameInt64 } from '@onnx-zk/tensor-ir';
import { Interval, ReadInterval, scaledRange } from '../bounds/interval';

/**
 * Products with a constant weight matrix W [K, N], exact, in float64 wherever that is provably
 * exact and in BigInt elsewhere. Float64 adds and multiplies integers exactly as long as every
 * result stays below 2^53 in magnitude; for output (r, j) every product and every partial sum is
 * at most X_r·S_j, X_r = max |x| over row r and S_j = Σ_i |W[i, j]|, so X_r·S_j ≤ 2^52 (a factor
 * of two for the rounding of S_j and of the test itself) makes the float64 sum the exact integer.
 * Outputs that fail the test are summed again in BigInt. A model's dense layers then cost float
 * arithmetic instead of a BigInt product per multiply-accumulate.
 */
const EXACT_LIMIT = 2 ** 52;

/** Output columns per pass of linearInt (rows × 512 float64 accumulators stay in cache). */
const COLUMN_BLOCK = 1024;

/** The int64 words of a BigInt64Array (low, high per element), for reading without a BigInt each. */
function wordsOf(a: ArrayLike<bigint>): Int32Array | undefined {
  return a instanceof BigInt64Array ? int64Words(a) : undefined;
}

/**
 * Reads a[start ..] into out as float64: exact up to 2^53 in magnitude and correctly rounded (so
 * monotone) beyond, so a magnitude test on the result never passes a value it should not.
 */
function readFloats(a: ArrayLike<bigint>, words: Int32Array | undefined, start: number, out: Float64Array): void {
  if (words) {
    for (let i = 0, w = 2 * start; i < out.length; i++, w += 2) out[i] = words[w + 1] * 4294967296 + (words[w] >>> 0);
  } else {
    for (let i = 0; i < out.length; i++) out[i] = Number(a[start + i]);
  }
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

/** Whether every element's interval is a point (lo = hi), as a constant's bounds are. */
export function isPoint(x: ReadInterval): boolean {
  return x.lo === x.hi || sameInt64(x.lo, x.hi);
}

/** y = x·W + B for x [rows, K] (int64 values), exact. */
export function linearInt(x: ArrayLike<bigint>, w: ArrayLike<bigint>, b: ArrayLike<bigint> | undefined, rows: number, k: number, n: number): bigint[] {
  const [xWords, wWords] = [wordsOf(x), wordsOf(w)];
  const xf = new Float64Array(rows * k);
  readFloats(x, xWords, 0, xf);
  const rowMax = Array.from({ length: rows }, (_, r) => maxAbs(xf.subarray(r * k, (r + 1) * k)));
  const colSum = new Float64Array(n);
  const acc = new Float64Array(rows * n);
  // Column blocks keep every row's accumulators of the block in cache while W's rows stream by.
  const wRow = new Float64Array(Math.min(n, COLUMN_BLOCK));
  for (let j0 = 0; j0 < n; j0 += COLUMN_BLOCK) {
    const width = Math.min(COLUMN_BLOCK, n - j0);
    const wPart = wRow.subarray(0, width);
    for (let i = 0; i < k; i++) {
      readFloats(w, wWords, i * n + j0, wPart);
      for (let j = 0; j < width; j++) colSum[j0 + j] += Math.abs(wPart[j]);
      let r = 0;
      for (; r + 4 <= rows; r += 4) { // four rows per pass over the block: one load of each weight
        const [x0, x1, x2, x3] = [xf[r * k + i], xf[(r + 1) * k + i], xf[(r + 2) * k + i], xf[(r + 3) * k + i]];
        const [b0, b1, b2, b3] = [r * n + j0, (r + 1) * n + j0, (r + 2) * n + j0, (r + 3) * n + j0];
        for (let j = 0; j < width; j++) {
          const wv = wPart[j];
          acc[b0 + j] += x0 * wv;
          acc[b1 + j] += x1 * wv;
          acc[b2 + j] += x2 * wv;
          acc[b3 + j] += x3 * wv;
        }
      }
      for (; r < rows; r++) {
        const xv = xf[r * k + i];
        const base = r * n + j0;
        for (let j = 0; j < width; j++) acc[base + j] += xv * wPart[j];
      }
    }
  }
  const y = new Array<bigint>(rows * n);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < n; j++) {
      let v: bigint;
      if (rowMax[r] * colSum[j] <= EXACT_LIMIT) v = BigInt(acc[r * n + j]);
      else {
        v = 0n;
        for (let i = 0; i < k; i++) v += x[r * k + i] * w[i * n + j];
      }
      y[r * n + j] = b ? v + b[j] : v;
    }
  }
  return y;
}

/**
 * Bounds of y = x·W + B for x ∈ [lo, hi] (per element) and a constant W: each output's interval
 * is B + Σ_i [min, max] of W[i, j]·x[r, i] over x's interval, exact. Rows of x with equal bounds
 * (all rows after a LayerNorm) have equal output bounds and are computed once.
 */
export function linearBounds(x: ReadInterval, w: ArrayLike<bigint>, b: ReadInterval | undefined, rows: number, k: number, n: number): Interval {
  const [loWords, hiWords, wWords] = [wordsOf(x.lo), wordsOf(x.hi), wordsOf(w)];
  const reps: number[] = [];
  const repOf = new Array<number>(rows);
  for (let r = 0; r < rows; r++) {
    let p = reps.findIndex((s) => sameInt64(x.lo, x.lo, r * k, s * k, k) && sameInt64(x.hi, x.hi, r * k, s * k, k));
    if (p < 0) p = reps.push(r) - 1;
    repOf[r] = p;
  }
  const read = (a: ArrayLike<bigint>, words: Int32Array | undefined, r: number) => {
    const out = new Float64Array(k);
    readFloats(a, words, r * k, out);
    return out;
  };
  const xLo = reps.map((r) => read(x.lo, loWords, r));
  const xHi = reps.map((r) => read(x.hi, hiWords, r));
  const repMax = reps.map((_, p) => Math.max(maxAbs(xLo[p]), maxAbs(xHi[p])));
  const accLo = reps.map(() => new Float64Array(n));
  const accHi = reps.map(() => new Float64Array(n));
  const colSum = new Float64Array(n);
  const wRow = new Float64Array(n);
  for (let i = 0; i < k; i++) {
    readFloats(w, wWords, i * n, wRow);
    for (let j = 0; j < n; j++) colSum[j] += Math.abs(wRow[j]);
    for (let p = 0; p < reps.length; p++) {
      const l = xLo[p][i];
      const h = xHi[p][i];
      const aLo = accLo[p];
      const aHi = accHi[p];
      if (l === 0 && h === 0) continue;
      for (let j = 0; j < n; j++) {
        const u = wRow[j] * l;
        const v = wRow[j] * h;
        aLo[j] += u < v ? u : v;
        aHi[j] += u < v ? v : u;
      }
    }
  }
  const repBounds = reps.map((r, p) => {
    const lo = new Array<bigint>(n);
    const hi = new Array<bigint>(n);
    for (let j = 0; j < n; j++) {
      let l = 0n;
      let h = 0n;
      if (repMax[p] * colSum[j] <= EXACT_LIMIT) {
        l = BigInt(accLo[p][j]);
        h = BigInt(accHi[p][j]);
      } else {
        for (let i = 0; i < k; i++) {
          const [pl, ph] = scaledRange(w[i * n + j], x.lo[r * k + i], x.hi[r * k + i]);
          l += pl;
          h += ph;
        }
      }
      lo[j] = b ? l + b.lo[j] : l;
      hi[j] = b ? h + b.hi[j] : h;
    }
    return { lo, hi };
  });
  const lo = new Array<bigint>(rows * n);
  const hi = new Array<bigint>(rows * n);
  for (let r = 0; r < rows; r++) {
    const { lo: rl, hi: rh } = repBounds[repOf[r]];
    for (let j = 0; j < n; j++) {
      lo[r * n + j] = rl[j];
      hi[r * n + j] = rh[j];
    }
  }
  return { lo, hi };
}
