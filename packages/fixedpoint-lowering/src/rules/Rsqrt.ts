import { attrInt, Node, raise } from '@onnx-zk/tensor-ir';
import { Interval } from '../bounds/interval';
import { Errors } from '../errors';
import { checkPositive, mapDecreasing } from './positive';
import { Rule } from './types';

/** floor(√v) for v ≥ 0 (integer Newton). */
export function isqrtInt(v: bigint): bigint {
  if (v < 2n) return v;
  let y = 1n << BigInt((v.toString(2).length + 1) >> 1);
  for (;;) {
    const next = (y + v / y) >> 1n;
    if (next >= y) return y;
    y = next;
  }
}

/** floor(√(n / x)) for x ≥ 1: the largest y with y²·x ≤ n. */
export function rsqrtInt(n: bigint, x: bigint): bigint {
  return isqrtInt(n / x);
}

/** Fixed Rsqrt (no ONNX counterpart): y = floor(√(2^shift / x)), frac (shift − f(x)) / 2. Decreasing. */
export const Rsqrt: Rule = {
  evalInt(node, [x]): bigint[][] {
    const n = 1n << BigInt(attrInt(node, 'shift'));
    return [Array.from(x!, (v) => {
      if (v < 1n) raise(Errors.NOT_POSITIVE, { node: node.name, op: node.op }, `argument ${v}`);
      return rsqrtInt(n, v);
    })];
  },

  bounds(node: Node, [x]): Interval[] {
    checkPositive(node, x!);
    const n = 1n << BigInt(attrInt(node, 'shift'));
    return [mapDecreasing(x!, (v) => rsqrtInt(n, v))];
  },
};
