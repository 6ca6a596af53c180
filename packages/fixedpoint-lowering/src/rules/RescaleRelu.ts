import { Interval, mapMonotone } from '../bounds/interval';
import { rescaleInt, shiftOf } from './Rescale';
import { reluInt } from './Relu';
import { Rule } from './types';

/** Fixed RescaleRelu (made by select's fusion): Relu(Rescale(x)); a composition of monotone maps. */
export const RescaleRelu: Rule = {
  evalInt(node, [x]): bigint[][] {
    const s = shiftOf(node);
    return [Array.from(x!, (v) => reluInt(rescaleInt(v, s)))];
  },

  bounds(node, [x]): Interval[] {
    const s = shiftOf(node);
    return [mapMonotone(x!, (v) => reluInt(rescaleInt(v, s)))];
  },
};
