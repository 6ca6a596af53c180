import { Node } from '@onnx-zk/tensor-ir';
import { quantizeValues } from '../scheme/quantize-values';
import { FixedValue, LowerContext } from './context';
import { emitAccumulated } from './emit-accumulated';

/** One tap of a sparse linear map: an element of x and its real coefficient. */
export interface Tap {
  i: number;
  w: number;
}

/**
 * y[o] = B[o] + Σ taps[o] w·x[i] as one SparseLinear: the tap lists padded to the widest with
 * index −1, the coefficients quantized at `coefFrac`, B at the accumulator's frac; then the Rescale
 * back to f (emitAccumulated). `shape` is y's shape (taps has one list per element).
 */
export function emitSparseLinear(ctx: LowerContext, node: Node, x: FixedValue, taps: Tap[][], shape: number[],
  options: { coefFrac: number; bias?: ArrayLike<number>; target?: string }): FixedValue {
  const site = ctx.siteOf(node);
  const width = Math.max(1, ...taps.map((t) => t.length));
  const index: bigint[] = [];
  const coefs: number[] = [];
  for (const t of taps) {
    for (let k = 0; k < width; k++) {
      index.push(k < t.length ? BigInt(t[k].i) : -1n);
      coefs.push(k < t.length ? t[k].w : 0);
    }
  }
  const idx = ctx.addConstant(`${node.name}.index`, [...shape, width], index, 0);
  const w = ctx.addConstant(`${node.name}.weight`, [...shape, width], quantizeValues(coefs, options.coefFrac, site, 'coefficient'), options.coefFrac);
  const accFrac = x.frac + options.coefFrac;
  const inputs = [x.name, idx.name, w.name];
  if (options.bias) inputs.push(ctx.addConstant(`${node.name}.bias`, shape, quantizeValues(options.bias, accFrac, site, 'bias'), accFrac).name);
  return emitAccumulated(ctx, node, { op: 'SparseLinear', inputs, accFrac, target: options.target, shape });
}
