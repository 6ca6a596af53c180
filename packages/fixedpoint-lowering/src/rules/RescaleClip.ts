import { attrInt, Node } from '@onnx-zk/tensor-ir';
import { Interval, mapMonotone } from '../bounds/interval';
import { clipInt } from './Clip';
import { rescaleInt, shiftOf } from './Rescale';
import { Rule } from './types';

/** Rescale of one element (q) and Clip of q (y), for this node's shift and limits. */
function maps(node: Node): { q: (x: bigint) => bigint; y: (x: bigint) => bigint } {
  const s = shiftOf(node);
  const [low, high] = [BigInt(attrInt(node, 'low')), BigInt(attrInt(node, 'high'))];
  return { q: (x) => rescaleInt(x, s), y: (x) => clipInt(rescaleInt(x, s), low, high) };
}

/**
 * Fixed RescaleClip (made by select's fusion): y = Clip(Rescale(x)) and, as the optional second
 * output, q = Rescale(x); each a composition of monotone maps.
 */
export const RescaleClip: Rule = {
  evalInt(node, [x]): bigint[][] {
    const { q, y } = maps(node);
    return [Array.from(x!, y), Array.from(x!, q)];
  },

  bounds(node, [x]): Interval[] {
    const { q, y } = maps(node);
    return [mapMonotone(x!, y), mapMonotone(x!, q)];
  },
};
