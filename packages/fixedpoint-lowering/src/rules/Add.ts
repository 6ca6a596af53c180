import { Node, attrInt, raise, sameShape } from '@onnx-zk/tensor-ir';
import { Interval } from '../bounds/interval';
import { Errors } from '../errors';
import { broadcastValues } from '../lower/broadcast';
import { FixedValue, LowerContext } from '../lower/context';
import { quantizeValues } from '../scheme/quantize-values';
import { Rule } from './types';

/** Fixed Add: y = a·2^shift_a + b·2^shift_b, so that both terms have the output's frac. */
function addInt(a: bigint, b: bigint, shiftA: bigint, shiftB: bigint): bigint {
  return (a << shiftA) + (b << shiftB);
}

function shifts(node: Node): [bigint, bigint] {
  return [BigInt(attrInt(node, 'shift_a', 0)), BigInt(attrInt(node, 'shift_b', 0))];
}

export const Add: Rule = {
  lower(node: Node, ctx: LowerContext): void {
    const site = ctx.siteOf(node);
    const [a, b] = node.inputs;
    const out = node.outputs[0];
    const shape = ctx.shapeOf(out);
    // Both constant: folded before lowering. The activation goes first: b may be a constant.
    const [x, other] = ctx.constant(a) ? [b, a] : [a, b];
    const xv = ctx.value(x, site);
    if (!sameShape(xv.shape, shape)) raise(Errors.UNSUPPORTED_FORM, site, `'${x}' [${xv.shape.join(',')}] is broadcast to [${shape.join(',')}]`);
    const c = ctx.constant(other);
    const yv = c
      ? ctx.addConstant(`${node.name}.const`, shape, quantizeValues(broadcastValues(c, shape), xv.frac, site, other), xv.frac)
      : ctx.value(other, site);
    if (!sameShape(yv.shape, shape)) raise(Errors.UNSUPPORTED_FORM, site, `'${other}' [${yv.shape.join(',')}] is broadcast to [${shape.join(',')}]`);
    emitAligned(ctx, node, xv, yv);
  },

  evalInt(node, [a, b]): bigint[][] {
    const [sa, sb] = shifts(node);
    return [Array.from(a!, (v, i) => addInt(v, b![i], sa, sb))];
  },

  bounds(node, [a, b]): Interval[] {
    const [sa, sb] = shifts(node);
    return [{ lo: Array.from(a!.lo, (v, i) => addInt(v, b!.lo[i], sa, sb)), hi: Array.from(a!.hi, (v, i) => addInt(v, b!.hi[i], sa, sb)) }];
  },
};

/** Emits Add(a, b) with the shifts that bring both operands to the larger frac. */
function emitAligned(ctx: LowerContext, node: Node, a: FixedValue, b: FixedValue): void {
  const frac = Math.max(a.frac, b.frac);
  const y = ctx.valueFor(node.outputs[0], frac);
  const attrs = {
    shift_a: { type: 'int' as const, value: frac - a.frac },
    shift_b: { type: 'int' as const, value: frac - b.frac },
  };
  ctx.emit({ op: 'Add', name: node.name, inputs: [a.name, b.name], attrs, loc: ctx.locOf(node), outputs: [y] });
  ctx.bind(node.outputs[0], y);
}
