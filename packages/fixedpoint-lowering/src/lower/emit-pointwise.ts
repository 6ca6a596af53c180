import { Node, numel } from '@onnx-zk/tensor-ir';
import { alignFrac } from './align-frac';
import { FixedValue, LowerContext } from './context';
import { emitSparseLinear } from './emit-sparse-linear';
import { packValues } from './pack';

/** One term of a pointwise linear combination: coef[i]·value[i] (value and coef have y's element count). */
export interface PointwiseTerm {
  value: FixedValue;
  coef: ArrayLike<number>;
}

/**
 * y[i] = Σ_terms coef[i]·value[i] + shift[i] with constant real coefficients, as one SparseLinear
 * (the term values packed side by side by a free IndexMap) and a Rescale when the coefficients are
 * not all integers (then they are quantized at `coefFrac`, default f). Binds y to the node's output.
 */
export function emitPointwise(ctx: LowerContext, node: Node, terms: PointwiseTerm[], shift?: ArrayLike<number>, options: { target?: string; coefFrac?: number } = {}): FixedValue {
  const target = options.target ?? node.outputs[0];
  const shape = ctx.shapeOf(target);
  const n = numel(shape);
  const integral = terms.every((t) => Array.from(t.coef).every(Number.isInteger));
  const wFrac = integral ? 0 : options.coefFrac ?? ctx.frac;
  const frac = Math.max(...terms.map((t) => t.value.frac));
  const sources = terms.map((t) => alignFrac(ctx, node, t.value, frac));
  const x = sources.length === 1 ? sources[0] : packValues(ctx, node, sources);
  const taps = Array.from({ length: n }, (_, i) => terms.map((t, k) => ({ i: k * n + i, w: t.coef[i] })));
  return emitSparseLinear(ctx, node, x, taps, shape, { coefFrac: wFrac, bias: shift, target });
}

/** A per-channel vector (axis 1 of [N, C, ...]) spread over every element of `shape`. */
export function perChannel(values: ArrayLike<number>, shape: number[]): Float64Array {
  const inner = shape.slice(2).reduce((a, b) => a * b, 1);
  const c = shape[1] ?? 1;
  const out = new Float64Array(numel(shape));
  for (let i = 0; i < out.length; i++) out[i] = values[Math.floor(i / inner) % c];
  return out;
}
