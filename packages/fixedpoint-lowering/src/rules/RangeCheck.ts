import { assert, raise } from '@onnx-zk/tensor-ir';
import { Interval } from '../bounds/interval';
import { Errors } from '../errors';
import { Rule } from './types';

/** Fixed RangeCheck (select adds one per graph input): asserts lo ≤ x ≤ hi, x's declared bounds; no outputs. */
export const RangeCheck: Rule = {
  evalInt(node, [x], types): bigint[][] {
    const fixed = types.inputs[0]?.fixed;
    assert(fixed, `RangeCheck ${node.name} checks a value without FixedInfo`);
    for (let i = 0; i < x!.length; i++) {
      if (x![i] < fixed.lo[i] || x![i] > fixed.hi[i]) {
        const where = `'${node.inputs[0]}' element ${i} = ${x![i]} is outside [${fixed.lo[i]}, ${fixed.hi[i]}]`;
        raise(Errors.INPUT_OUT_OF_RANGE, { node: node.name, op: node.op }, where);
      }
    }
    return [];
  },

  bounds(): Interval[] {
    return [];
  },
};
