import { Node } from '@onnx-zk/tensor-ir';
import { quantizeValues } from '../scheme/quantize-values';
import { FixedValue, LowerContext } from './context';
import { emitAccumulated } from './emit-accumulated';
import { findBiasAdd } from './fold-bias';

/** A product with constant weights, in real numbers: y = x·W (+ bias), W row-major [K, N]. */
export interface LinearSpec {
  x: FixedValue;
  weight: ArrayLike<number>;
  k: number;
  n: number;
  /** Real bias along the last axis, [N]. */
  bias?: ArrayLike<number>;
}

/**
 * Emits Linear(x, W_q, B_q) then Rescale back to the default frac: W_q = quantize(W, f), the
 * accumulator has frac f(x) + f and B_q is quantized at that frac. A following Add of a constant
 * is folded into B_q (see findBiasAdd); the result then stands for the Add's output.
 */
export function emitLinear(ctx: LowerContext, node: Node, spec: LinearSpec): void {
  const site = ctx.siteOf(node);
  const folded = findBiasAdd(ctx, node, spec.n);
  const loc = ctx.locOf(node);
  if (folded) {
    ctx.absorb(folded.add);
    loc.push(...ctx.locOf(folded.add));
  }
  const target = folded ? folded.add.outputs[0] : node.outputs[0];
  const bias = sumBias(spec.n, spec.bias, folded?.bias);
  const w = ctx.addConstant(`${node.name}.weight`, [spec.k, spec.n], quantizeValues(spec.weight, ctx.frac, site, 'weight'), ctx.frac);
  const accFrac = spec.x.frac + w.frac;
  const inputs = [spec.x.name, w.name];
  if (bias) inputs.push(ctx.addConstant(`${node.name}.bias`, [spec.n], quantizeValues(bias, accFrac, site, 'bias'), accFrac).name);
  emitAccumulated(ctx, node, { op: 'Linear', inputs, accFrac, target, loc });
}

function sumBias(n: number, a?: ArrayLike<number>, b?: ArrayLike<number>): number[] | undefined {
  if (!a && !b) return undefined;
  return Array.from({ length: n }, (_, j) => (a ? a[j] : 0) + (b ? b[j] : 0));
}
