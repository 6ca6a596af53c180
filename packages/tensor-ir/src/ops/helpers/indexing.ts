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

/** Permutes x's axes: output axis i is input axis perm[i]. */
export function transposeTensor(x: Tensor, perm: readonly number[]): Tensor {
  const strides = stridesOf(x.shape);
  const outShape = perm.map((p) => x.shape[p]);
  const permStrides = perm.map((p) => strides[p]);
  return takeElements(x, outShape, indexMap(outShape, (c) => flatIndex(c, permStrides)));
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
