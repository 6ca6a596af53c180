import { attrInt, Node } from '@onnx-zk/tensor-ir';
import { Interval, mapMonotone } from '../bounds/interval';
import { Rule } from './types';

const ONNX_REASON = 'the fixed Clip (integer low/high) exists; lowering of ONNX Clip is not written yet';

/** min(max(x, low), high). */
export function clipInt(x: bigint, low: bigint, high: bigint): bigint {
  return x < low ? low : x > high ? high : x;
}

function limits(node: Node): [bigint, bigint] {
  return [BigInt(attrInt(node, 'low')), BigInt(attrInt(node, 'high'))];
}

/** Fixed Clip: monotone, so its bounds are the clipped input bounds. */
export const Clip: Rule = {
  unsupported: ONNX_REASON,

  evalInt(node, [x]): bigint[][] {
    const [low, high] = limits(node);
    return [Array.from(x!, (v) => clipInt(v, low, high))];
  },

  bounds(node, [x]): Interval[] {
    const [low, high] = limits(node);
    return [mapMonotone(x!, (v) => clipInt(v, low, high))];
  },
};
