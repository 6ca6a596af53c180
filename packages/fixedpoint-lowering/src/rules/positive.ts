import { Node, raise } from '@onnx-zk/tensor-ir';
import { Interval, ReadInterval, findIndexOf } from '../bounds/interval';
import { Errors } from '../errors';

/** Refuses (FP013) an input whose bounds reach below 1: Reciprocal's and Rsqrt's divisor. */
export function checkPositive(node: Node, x: ReadInterval): void {
  const i = findIndexOf(x.lo, (l) => l < 1n);
  if (i >= 0) raise(Errors.NOT_POSITIVE, { node: node.name, op: node.op }, `element ${i} has bounds [${x.lo[i]}, ${x.hi[i]}]`);
}

/** Bounds of a monotone non-increasing f: [f(hi), f(lo)]. */
export function mapDecreasing(x: ReadInterval, f: (v: bigint) => bigint): Interval {
  return { lo: Array.from(x.hi, (v) => f(v)), hi: Array.from(x.lo, (v) => f(v)) };
}
