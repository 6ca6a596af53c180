import { Node, Tensor, makeTensor, numel, onnxOps, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { FixedValue, LowerContext } from './context';
import { emitSparseLinear, Tap } from './emit-sparse-linear';

/** Probing runs the float op once per input element: beyond this many input × output elements it refuses. */
export const PROBE_LIMIT = 1 << 26;

/**
 * Lowers an op that is affine in its first input with constant coefficients (Resize linear and
 * cubic) by probing its own float semantics: b = f(0) and column j = f(e_j) − b. The coefficients
 * become one SparseLinear (quantized at f) and a Rescale.
 */
export function lowerByProbing(node: Node, ctx: LowerContext, x: FixedValue, rest: (Tensor | undefined)[]): void {
  const site = ctx.siteOf(node);
  const n = numel(x.shape);
  const run = (values: Float64Array) => onnxOps[node.op].evalFloat!(node, [makeTensor('float64', x.shape, values), ...rest], ctx.source.opset)[0];
  const base = run(new Float64Array(n));
  const m = numel(base.shape);
  if (n * m > PROBE_LIMIT) raise(Errors.UNSUPPORTED_FORM, site, `${n} inputs × ${m} outputs is too large to derive the coefficients (limit ${PROBE_LIMIT})`);
  const b = Float64Array.from(base.data as ArrayLike<number>);
  const taps: Tap[][] = Array.from({ length: m }, () => []);
  const probe = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    probe[j] = 1;
    const col = run(probe).data as ArrayLike<number>;
    probe[j] = 0;
    for (let o = 0; o < m; o++) if (col[o] !== b[o]) taps[o].push({ i: j, w: col[o] - b[o] });
  }
  emitSparseLinear(ctx, node, x, taps, [...base.shape], { coefFrac: ctx.frac, bias: b });
}
