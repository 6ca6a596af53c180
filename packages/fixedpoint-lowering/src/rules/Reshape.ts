import { Interval } from '../bounds/interval';
import { lowerAsReshape } from '../lower/as-reshape';
import { Rule } from './types';

/** ONNX Reshape lowers to fixed Reshape (static shape attr); fixed Reshape keeps data and bounds as they are. */
export const Reshape: Rule = {
  lower: lowerAsReshape,

  evalInt(_node, [x]): bigint[][] {
    return [Array.from(x!)];
  },

  bounds(_node, [x]): Interval[] {
    return [{ lo: Array.from(x!.lo), hi: Array.from(x!.hi) }];
  },
};
