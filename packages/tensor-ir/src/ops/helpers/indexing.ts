import { Tensor } from '../../model';
import { makeTensor, stridesOf, tensorValues } from '../../tensor';
import { IrErrors, raise } from '../../errors';
import { InferContext } from '../types';

/**
 * Calls `fn` once per element of `shape` in row-major order with its coordinates (one array,
 * updated in place — copy it to keep it) and its flat index.
 */
export function forEachIndex(shape: readonly number[], fn: (coord: number[], flat: number) => void): void {
  const n = shape.reduce((a, b) => a * b, 1);
  if (n === 0) return;
  const coord = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    fn(coord, k);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++coord[d] < shape[d]) break;
      coord[d] = 0;
    }
  }
}

/** For each element of `outShape`, the flat source index `src(coord)` (-1 selects the fill value). */
export function indexMap(outShape: readonly number[], src: (coord: number[], flat: number) => number): Int32Array {
  const idx = new Int32Array(outShape.reduce((a, b) => a * b, 1));
  forEachIndex(outShape, (c, k) => { idx[k] = src(c, k); });
  return idx;
}

/** A tensor of `shape` whose element k is x's element idx[k], or `fill` where idx[k] is -1. */
export function takeElements(x: Tensor, shape: number[], idx: Int32Array, fill: number | bigint = 0): Tensor {
  const out = makeTensor(x.dtype, shape);
  const src = x.data as ArrayLike<number | bigint> & { [i: number]: number | bigint };
  const dst = out.data as unknown as { [i: number]: number | bigint };
  const f = out.data instanceof BigInt64Array || out.data instanceof BigUint64Array ? BigInt(fill) : Number(fill);
  for (let k = 0; k < idx.length; k++) dst[k] = idx[k] < 0 ? f : src[idx[k]];
  return out;
}

/** Flat index of `coord` for row-major `strides`. */
export function flatIndex(coord: readonly number[], strides: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < coord.length; i++) s += coord[i] * strides[i];
  return s;
}

/** Float results at least this large live in shared memory, so MatMul's helper thread reads them in place. */
const SHARED_MIN_ELEMENTS = 1 << 20;

/** Permutes x's axes: output axis i is input axis perm[i]. Elements are copied, never converted. */
export function transposeTensor(x: Tensor, perm: readonly number[]): Tensor {
  const strides = stridesOf(x.shape);
  // Size-1 axes do not move anything; without them a permutation is often the 2-D swap.
  const axes = perm.filter((p) => x.shape[p] !== 1);
  const outShape = perm.map((p) => x.shape[p]);
  const n = x.data.length;
  const out = makeTensor(x.dtype, outShape, transposeStorage(x.data, n));
  const src = x.data as unknown as Float32Array;
  const dst = out.data as unknown as Float32Array;
  if (axes.length === 2 && axes[0] > axes[1]) {
    transpose2d(src, dst, x.shape[axes[1]], x.shape[axes[0]]);
    return out;
  }
  // Otherwise: one output row (the last axis) at a time, reading the source with that axis' stride.
  const shape = axes.map((p) => x.shape[p]);
  const step = axes.map((p) => strides[p]);
  const rank = shape.length;
  if (rank === 0) {
    if (n > 0) dst[0] = src[0];
    return out;
  }
  const len = shape[rank - 1];
  const s = step[rank - 1];
  const counter = new Array<number>(rank).fill(0);
  for (let o = 0, p = 0; o < n; o += len) {
    for (let i = 0; i < len; i++) dst[o + i] = src[p + i * s];
    for (let d = rank - 2; d >= 0; d--) {
      counter[d]++;
      p += step[d];
      if (counter[d] < shape[d]) break;
      p -= step[d] * counter[d];
      counter[d] = 0;
    }
  }
  return out;
}

/** The output storage of a transpose: x's class, in shared memory for large float tensors. */
function transposeStorage(d: Tensor['data'], n: number): Tensor['data'] {
  const C = d.constructor as new (b: ArrayBufferLike | number) => Tensor['data'];
  if ((d instanceof Float32Array || d instanceof Float64Array) && n >= SHARED_MIN_ELEMENTS) return new C(new SharedArrayBuffer(n * d.BYTES_PER_ELEMENT));
  return new C(n);
}

/** dst [cols, rows] = srcᵀ of src [rows, cols], in 32×32 tiles so both sides stay in cache. */
function transpose2d(src: Float32Array, dst: Float32Array, rows: number, cols: number): void {
  const T = 32;
  for (let r0 = 0; r0 < rows; r0 += T) {
    const r1 = Math.min(rows, r0 + T);
    for (let c0 = 0; c0 < cols; c0 += T) {
      const c1 = Math.min(cols, c0 + T);
      for (let c = c0; c < c1; c++) {
        for (let r = r0, o = c * rows + r0, i = r0 * cols + c; r < r1; r++, o++, i += cols) dst[o] = src[i];
      }
    }
  }
}

/** The values of a 1-D (or scalar) constant input as numbers; fails when the input is not constant. */
export function constInts(ctx: InferContext, i: number, what: string): number[] {
  const t = ctx.constants[i];
  if (!t) return ctx.fail(`the ${what} input must be a graph constant (static shapes only)`);
  return tensorValues(t);
}

/** Normalises ONNX axes against a rank (negative counts from the end); undefined when one is out of range. */
export function normalizeAxes(axes: readonly number[], rank: number): number[] | undefined {
  const out = axes.map((a) => (a < 0 ? a + rank : a));
  return out.every((a) => a >= 0 && a < rank) ? out : undefined;
}

/** The input's scalar value as a number (first element). */
export function scalarOf(t: Tensor): number {
  return Number(t.data[0]);
}

/** Raises IR009 (invalid operands) at a node while it runs. */
export function evalFail(node: { name: string; op: string }, details: string): never {
  return raise(IrErrors.BAD_OPERANDS, { node: node.name, op: node.op }, details);
}
