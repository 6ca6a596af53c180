import { Node, raise } from '@onnx-zk/tensor-ir';
import { Interval } from '../bounds/interval';
import { Errors } from '../errors';

/** Refuses (FP013) an input whose bounds reach below 1: Reciprocal's and Rsqrt's divisor. */
export function checkPositive(node: Node, x: Interval): void {
  const i = x.lo.findIndex((l) => l < 1n);
  if (i >= 0) raise(Errors.NOT_POSITIVE, { node: node.name, op: node.op }, `element ${i} has bounds [${x.lo[i]}, ${x.hi[i]}]`);
}

/** Bounds of a monotone non-increasing f: [f(hi), f(lo)]. */
export function mapDecreasing(x: Interval, f: (v: bigint) => bigint): Interval {
  return { lo: x.hi.map(f), hi: x.lo.map(f) };
}
