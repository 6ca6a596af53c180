import { ExpStrategy, FixedInfo, Node, attrString, expHi, expInt, raise } from '@onnx-zk/tensor-ir';
import { Interval, findIndexOf } from '../bounds/interval';
import { Errors } from '../errors';
import { FixedTypes, Rule } from './types';

const ONNX_REASON = 'the fixed Exp covers x <= 0 (the shifted inputs of Softmax); lowering of ONNX Exp on any range is not written yet';

export function strategyOf(node: Node): ExpStrategy {
  return attrString(node, 'strategy') as ExpStrategy;
}

export function fracOfInput(types: FixedTypes, i = 0): number {
  return (types.inputs[i]!.fixed as FixedInfo).frac;
}

/** Fixed Exp: tensor-ir expInt (x ≤ 0, same frac). */
export const Exp: Rule = {
  unsupported: ONNX_REASON,

  evalInt(node, [x], types): bigint[][] {
    const f = fracOfInput(types);
    return [Array.from(x!, (v) => expInt(v, f, f, strategyOf(node)))];
  },

  bounds(node, [x], types): Interval[] {
    const i = findIndexOf(x!.hi, (h) => h > 0n);
    if (i >= 0) raise(Errors.EXP_POSITIVE, { node: node.name, op: node.op }, `element ${i} has bounds [${x!.lo[i]}, ${x!.hi[i]}]`);
    // [0, expHi] holds for every strategy (select may change it), so it is sound after select too.
    const top = expHi(fracOfInput(types));
    return [{ lo: new Array<bigint>(x!.lo.length).fill(0n), hi: new Array<bigint>(x!.hi.length).fill(top) }];
  },
};

