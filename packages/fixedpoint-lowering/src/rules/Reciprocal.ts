import { attrInt, Node, raise } from '@onnx-zk/tensor-ir';
import { Interval } from '../bounds/interval';
import { Errors } from '../errors';
import { checkPositive, mapDecreasing } from './positive';
import { Rule } from './types';

const ONNX_REASON = 'the fixed Reciprocal exists; lowering of ONNX Reciprocal is not written yet';

/** round-half-up(2^shift / x) = floor((2^(shift+1) + x) / 2x), for x ≥ 1. */
export function reciprocalInt(x: bigint, shift: bigint): bigint {
  return ((2n << shift) + x) / (2n * x);
}

/** Fixed Reciprocal: y = round(2^shift / x), frac shift − f(x). Decreasing in x ≥ 1. */
export const Reciprocal: Rule = {
  unsupported: ONNX_REASON,

  evalInt(node, [x]): bigint[][] {
    const shift = BigInt(attrInt(node, 'shift'));
    return [Array.from(x!, (v) => {
      if (v < 1n) raise(Errors.NOT_POSITIVE, { node: node.name, op: node.op }, `divisor ${v}`);
      return reciprocalInt(v, shift);
    })];
  },

  bounds(node: Node, [x]): Interval[] {
    checkPositive(node, x!);
    const shift = BigInt(attrInt(node, 'shift'));
    return [mapDecreasing(x!, (v) => reciprocalInt(v, shift))];
  },
};
