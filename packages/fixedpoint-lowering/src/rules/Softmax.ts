import { Node, attrInt, raise, softmaxMasked, softmaxRowInt } from '@onnx-zk/tensor-ir';
import { Interval } from '../bounds/interval';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { fracOfInput, strategyOf } from './Exp';
import { FixedTypes, Rule } from './types';

function rowLength(types: FixedTypes): number {
  const shape = types.inputs[0]!.shape;
  return shape[shape.length - 1];
}

/** An additive fixed-point mask: `shape` (a trailing part of x's), values at x's frac. */
export interface SoftmaxMask {
  shape: number[];
  values: bigint[];
}

/** The additive mask value of a masked entry at frac f: −2^(f+16), the threshold of tensor-ir softmaxMasked. */
export function maskedValue(frac: number): bigint {
  return -(1n << BigInt(frac + 16));
}

/**
 * The lowering shared by ONNX Softmax and onnx-zk MaskedSoftmax: checks that `axis` is the last
 * one, then emits the fixed Softmax of x at x's frac, with the constant additive `mask` if given.
 */
export function emitSoftmax(node: Node, ctx: LowerContext, axis: number, mask?: SoftmaxMask): void {
  const site = ctx.siteOf(node);
  const x = ctx.value(node.inputs[0], site);
  const rank = x.shape.length;
  if (rank === 0 || (axis !== -1 && axis !== rank - 1)) raise(Errors.UNSUPPORTED_FORM, site, `${node.op} on axis ${axis} of rank ${rank}: only the last axis`);
  const inputs = [x.name];
  if (mask) inputs.push(ctx.addConstant(`${node.name}.mask`, mask.shape, mask.values, x.frac).name);
  const y = ctx.valueFor(node.outputs[0], x.frac);
  ctx.emit({ op: 'Softmax', name: node.name, inputs, loc: ctx.locOf(node), outputs: [y], attrs: {} });
  ctx.bind(node.outputs[0], y);
}

/** Softmax: ONNX Softmax on the last axis → fixed Softmax (no mask); semantics tensor-ir softmaxRowInt. */
export const Softmax: Rule = {
  lower(node: Node, ctx: LowerContext): void {
    emitSoftmax(node, ctx, attrInt(node, 'axis', ctx.source.opset >= 13 ? -1 : 1));
  },

  evalInt(node, [x, mask], types): bigint[][] {
    const [f, len] = [fracOfInput(types), rowLength(types)];
    const out: bigint[] = [];
    for (let r = 0; r * len < x!.length; r++) {
      const row = Array.from(x!.subarray(r * len, (r + 1) * len));
      const m = mask && Array.from({ length: len }, (_, i) => mask[(r * len + i) % mask.length]);
      out.push(...softmaxRowInt(row, m, f, strategyOf(node)));
    }
    return [out];
  },

  /** round(e·2^f / Σe) with e ≤ Σe: [0, 2^f] for every strategy; a masked entry is exactly 0. */
  bounds(_node, [x, mask], types): Interval[] {
    const f = fracOfInput(types);
    const one = 1n << BigInt(f);
    const masked = (i: number) => mask !== undefined && softmaxMasked(mask.hi[i % mask.hi.length], f);
    return [{ lo: new Array<bigint>(x!.lo.length).fill(0n), hi: Array.from({ length: x!.hi.length }, (_, i) => (masked(i) ? 0n : one)) }];
  },
};
