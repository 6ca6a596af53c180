import { attrInt, Node } from '@onnx-zk/tensor-ir';
import { Interval, mapMonotone } from '../bounds/interval';
import { clipInt } from './Clip';
import { rescaleInt, shiftOf } from './Rescale';
import { Rule } from './types';

/** Clip(Rescale(x)) of one element, for this node's shift and limits. */
function rescaleClipOf(node: Node): (x: bigint) => bigint {
  const s = shiftOf(node);
  const [low, high] = [BigInt(attrInt(node, 'low')), BigInt(attrInt(node, 'high'))];
  return (x) => clipInt(rescaleInt(x, s), low, high);
}

/** Fixed RescaleClip (made by select's fusion): Clip(Rescale(x)); a composition of monotone maps. */
export const RescaleClip: Rule = {
  evalInt(node, [x]): bigint[][] {
    return [Array.from(x!, rescaleClipOf(node))];
  },

  bounds(node, [x]): Interval[] {
    return [mapMonotone(x!, rescaleClipOf(node))];
  },
};
