import { broadcastShapes } from './broadcast';

/** The shapes numpy's matmul works with: 1-D operands promoted, batch dims broadcast. */
export interface MatMulPlan {
  m: number;
  k: number;
  n: number;
  /** Broadcast batch shape. */
  batch: number[];
  aBatch: number[];
  bBatch: number[];
  /** The result shape (promoted 1-D dims removed again). */
  out: number[];
}

/** Plans a numpy matmul of shapes a and b, or returns why they do not multiply. */
export function planMatMul(a: readonly number[], b: readonly number[]): MatMulPlan | string {
  if (a.length === 0 || b.length === 0) return 'MatMul operands must have rank >= 1';
  const a2 = a.length === 1 ? [1, a[0]] : [...a];
  const b2 = b.length === 1 ? [b[0], 1] : [...b];
  const [m, k] = a2.slice(-2);
  const [k2, n] = b2.slice(-2);
  if (k !== k2) return `inner dimensions differ: [${a.join(',')}] x [${b.join(',')}]`;
  const aBatch = a2.slice(0, -2);
  const bBatch = b2.slice(0, -2);
  const batch = broadcastShapes(aBatch, bBatch);
  if (!batch) return `batch dimensions [${aBatch.join(',')}] and [${bBatch.join(',')}] do not broadcast`;
  const out = [...batch];
  if (a.length > 1) out.push(m);
  if (b.length > 1) out.push(n);
  return { m, k, n, batch, aBatch, bBatch, out };
}

/** Operand storage the kernels read directly (every numeric typed array but the bigint ones). */
export type NumberArray = Float32Array | Float64Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array;

/** A tensor's data as numbers without a copy, or a float64 copy when it holds bigints. */
export function numberData(data: NumberArray | BigInt64Array | BigUint64Array): NumberArray {
  return data instanceof BigInt64Array || data instanceof BigUint64Array ? Float64Array.from(data, Number) : data;
}

/** One matrix product of a batch: A [m, k] at offA, B [k, n] at offB, Y [m, n] at offY. */
export interface MatMulBlock {
  a: NumberArray;
  offA: number;
  b: NumberArray;
  offB: number;
  out: Float64Array;
  offY: number;
}

/** Column and depth block sizes: a 128×128 float32 panel of B stays in L2 while every row of A passes. */
const JB = 128;
const KB = 128;

/**
 * Y[i, :] = Σ_p A[i, p]·B[p, :] for rows lo..hi. Blocked over columns and depth, with 4×4 tiles of
 * Y held in registers; each Y element still accumulates its products in float64 in ascending p,
 * exactly the sum of the reference definition (a tile reloads its partial sums between depth blocks).
 */
export function matmulRows(blk: MatMulBlock, k: number, n: number, lo: number, hi: number): void {
  blk.out.fill(0, blk.offY + lo * n, blk.offY + hi * n);
  const i4 = lo + ((hi - lo) & ~3);
  const n4 = n & ~3;
  for (let j0 = 0; j0 < n; j0 += JB) {
    const j1 = Math.min(n, j0 + JB);
    const j4 = Math.min(j1, n4);
    for (let p0 = 0; p0 < k; p0 += KB) {
      const p1 = Math.min(k, p0 + KB);
      for (let i = lo; i < i4; i += 4) for (let j = j0; j < j4; j += 4) tile4x4(blk, k, n, i, j, p0, p1);
      edge(blk, k, n, [lo, i4, j4, j1], p0, p1);
      edge(blk, k, n, [i4, hi, j0, j1], p0, p1);
    }
  }
}

/** The rows/columns left over by the 4×4 tiles: [i0, i1, j0, j1], one element at a time. */
function edge(blk: MatMulBlock, k: number, n: number, [i0, i1, j0, j1]: number[], p0: number, p1: number): void {
  const { a, b, out } = blk;
  for (let i = i0; i < i1; i++) {
    for (let j = j0; j < j1; j++) {
      const y = blk.offY + i * n + j;
      let c = out[y];
      for (let p = p0; p < p1; p++) c += a[blk.offA + i * k + p] * b[blk.offB + p * n + j];
      out[y] = c;
    }
  }
}

/** Continues the sums of the 4×4 tile of Y at (i, j) over depths p0..p1. */
function tile4x4(blk: MatMulBlock, k: number, n: number, i: number, j: number, p0: number, p1: number): void {
  const { a, b, out } = blk;
  const a0 = blk.offA + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
  const y0 = blk.offY + i * n + j, y1 = y0 + n, y2 = y1 + n, y3 = y2 + n;
  let c00 = out[y0], c01 = out[y0 + 1], c02 = out[y0 + 2], c03 = out[y0 + 3];
  let c10 = out[y1], c11 = out[y1 + 1], c12 = out[y1 + 2], c13 = out[y1 + 3];
  let c20 = out[y2], c21 = out[y2 + 1], c22 = out[y2 + 2], c23 = out[y2 + 3];
  let c30 = out[y3], c31 = out[y3 + 1], c32 = out[y3 + 2], c33 = out[y3 + 3];
  for (let p = p0, rb = blk.offB + p0 * n + j; p < p1; p++, rb += n) {
    const b0 = b[rb], b1 = b[rb + 1], b2 = b[rb + 2], b3 = b[rb + 3];
    let x = a[a0 + p];
    c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
    x = a[a1 + p];
    c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
    x = a[a2 + p];
    c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
    x = a[a3 + p];
    c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
  }
  out[y0] = c00; out[y0 + 1] = c01; out[y0 + 2] = c02; out[y0 + 3] = c03;
  out[y1] = c10; out[y1 + 1] = c11; out[y1 + 2] = c12; out[y1 + 3] = c13;
  out[y2] = c20; out[y2 + 1] = c21; out[y2 + 2] = c22; out[y2 + 3] = c23;
  out[y3] = c30; out[y3 + 1] = c31; out[y3 + 2] = c32; out[y3 + 3] = c33;
}

/** Y[i, j] = Σ_p A[i, p]·Bᵀ[p, j] with B stored [n, k]: rows of A and B are both contiguous. */
export function matmulTransBRows(blk: MatMulBlock, k: number, n: number, lo: number, hi: number): void {
  const { a, b, out } = blk;
  for (let i = lo; i < hi; i++) {
    const rowA = blk.offA + i * k;
    for (let j = 0; j < n; j++) {
      const rowB = blk.offB + j * k;
      let acc = 0;
      for (let p = 0; p < k; p++) acc += a[rowA + p] * b[rowB + p];
      out[blk.offY + i * n + j] = acc;
    }
  }
}

/** A [rows, cols] stored transposed (as [cols, rows]) copied into row-major float64. */
export function transposed(data: NumberArray, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = data[c * rows + r];
  return out;
}

/** The kernel's compiled source, for the helper thread of matmul-pool.ts (one definition, two threads). */
export const MATMUL_KERNEL_SOURCE = [`const JB = ${JB};`, `const KB = ${KB};`, String(edge), String(tile4x4), String(matmulRows)].join('\n');
