/** Reduction plumbing shared by the Reduce* ops and ArgMax/ArgMin: axes, output shapes, kernels. */
import { Node, Tensor } from '../../model';
import { attrInt, attrInts } from '../../attrs';
import { stridesOf, tensorValues } from '../../tensor';

/** What Reduce* reduces: listed axes (normalized, sorted), every axis, or nothing (null: noop_with_empty_axes). */
export type ReduceAxes = number[] | null;

/**
 * The axes a Reduce* node reduces, or the reason they are invalid. Before `sinceInput` they are
 * the `axes` attribute; from it, the optional second input (`axesInput`, which must be known).
 * No axes means every axis, unless noop_with_empty_axes is set (only an input-era attribute).
 */
export function reduceAxes(node: Node, rank: number, opset: number, sinceInput: number, axesInput: Tensor | undefined): ReduceAxes | string {
  let listed: number[];
  if (opset >= sinceInput) {
    listed = axesInput ? tensorValues(axesInput) : [];
    if (listed.length === 0 && attrInt(node, 'noop_with_empty_axes', 0) !== 0) return null;
  } else {
    listed = attrInts(node, 'axes', []);
  }
  if (listed.length === 0) return Array.from({ length: rank }, (_, i) => i);
  const out = new Set<number>();
  for (const a of listed) {
    if (a < -rank || a >= rank) return `axis ${a} is out of range for rank ${rank}`;
    out.add(a < 0 ? a + rank : a);
  }
  return [...out].sort((a, b) => a - b);
}

/** The shape after reducing `axes` (kept as 1s when keepdims). */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepdims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepdims) out.push(1);
  });
  return out;
}

export interface Reducer {
  init: number;
  step: (acc: number, v: number) => number;
  finish?: (acc: number, count: number) => number;
}

/** Reduces float64 `data` of `shape` over `axes` into the keepdims layout (same element order either way). */
export function reduceData(data: Float64Array, shape: readonly number[], axes: readonly number[], r: Reducer): Float64Array {
  const kept = reducedShape(shape, axes, true);
  const keptStrides = stridesOf(kept);
  const outStride = shape.map((_, d) => (axes.includes(d) ? 0 : keptStrides[d]));
  const nOut = kept.reduce((a, b) => a * b, 1);
  const acc = new Float64Array(nOut).fill(r.init);
  const trailing = axes.every((a, i) => a === shape.length - axes.length + i);
  if (trailing && nOut > 0) {
    // Reducing the last axes: each output folds one contiguous lane, in the same element order.
    const lane = data.length / nOut;
    for (let o = 0, k = 0; o < nOut; o++) {
      let v = acc[o];
      for (const end = k + lane; k < end; k++) v = r.step(v, data[k]);
      acc[o] = v;
    }
  } else reduceStrided(data, shape, outStride, acc, r);
  if (r.finish) {
    const count = nOut === 0 ? 0 : data.length / nOut;
    for (let i = 0; i < nOut; i++) acc[i] = r.finish(acc[i], count);
  }
  return acc;
}

function reduceStrided(data: Float64Array, shape: readonly number[], outStride: number[], acc: Float64Array, r: Reducer): void {
  forEachReduced(shape, outStride, (k, o) => { acc[o] = r.step(acc[o], data[k]); });
}

/**
 * Visits every element k of `shape` (row-major) with the output element o it reduces into, for
 * per-axis output strides (0 on a reduced axis): the keepdims layout.
 */
function forEachReduced(shape: readonly number[], outStride: readonly number[], visit: (k: number, o: number) => void): void {
  const n = shape.reduce((a, b) => a * b, 1);
  const counter = new Array<number>(shape.length).fill(0);
  let o = 0;
  for (let k = 0; k < n; k++) {
    visit(k, o);
    for (let d = shape.length - 1; d >= 0; d--) {
      counter[d]++;
      o += outStride[d];
      if (counter[d] < shape[d]) break;
      o -= outStride[d] * counter[d];
      counter[d] = 0;
    }
  }
}

/** For each output element of a reduction over `axes` (keepdims order), the input elements that reduce into it. */
export function reduceGroups(shape: readonly number[], axes: readonly number[]): number[][] {
  const kept = reducedShape(shape, axes, true);
  const keptStrides = stridesOf(kept);
  const groups: number[][] = Array.from({ length: kept.reduce((a, b) => a * b, 1) }, () => []);
  forEachReduced(shape, shape.map((_, d) => (axes.includes(d) ? 0 : keptStrides[d])), (k, o) => groups[o].push(k));
  return groups;
}

/** Sizes around one axis: elements before it, along it, after it. */
export function axisSplit(shape: readonly number[], axis: number): { outer: number; n: number; inner: number } {
  const prod = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);
  return { outer: prod(shape.slice(0, axis)), n: shape[axis], inner: prod(shape.slice(axis + 1)) };
}
