import { Node, attrInt } from '@onnx-zk/tensor-ir';
import { Interval, mapMonotone } from '../bounds/interval';
import { Rule } from './types';

/**
 * Fixed Rescale: y = floor((x + 2^(shift-1)) / 2^shift), i.e. x / 2^shift rounded half up.
 * BigInt's >> is an arithmetic shift (it floors), which is exactly this floor for negative x too.
 */
export function rescaleInt(x: bigint, shift: bigint): bigint {
  return (x + (1n << (shift - 1n))) >> shift;
}

export function shiftOf(node: Node): bigint {
  return BigInt(attrInt(node, 'shift'));
}

/** The rounding is monotone non-decreasing, so it maps the bounds' ends to the result's ends. */
export const Rescale: Rule = {
  evalInt(node, [x]): bigint[][] {
    const s = shiftOf(node);
    return [Array.from(x!, (v) => rescaleInt(v, s))];
  },

  bounds(node, [x]): Interval[] {
    const s = shiftOf(node);
    return [mapMonotone(x!, (v) => rescaleInt(v, s))];
  },
};
