import { attrInt, Node } from '@onnx-zk/tensor-ir';
import { Interval, scaledRange } from '../bounds/interval';
import { FixedTypes, Rule } from './types';

/** The sizes of a ConvLinear (tensor-ir fixed-ops/ConvLinear.ts). */
function dims(node: Node, types: FixedTypes) {
  const x = types.inputs[0]!.shape;
  const [m, cg, k] = types.inputs[1]!.shape;
  const tapShape = types.inputs[2]!.shape;
  const taps = tapShape[tapShape.length - 1];
  const positions = tapShape.slice(0, -1).reduce((a, b) => a * b, 1);
  const inSize = x.slice(2).reduce((a, b) => a * b, 1);
  return { n: x[0], c: x[1], m, cg, k, taps, positions, inSize, mg: m / attrInt(node, 'group') };
}

/**
 * Runs the convolution with `tap(acc, w, xIndex)` folding one product into the accumulator, so
 * that the integer semantics and the interval rule walk the taps in one place.
 */
function convolve<A>(node: Node, types: FixedTypes, taps: ArrayLike<bigint>, w: ArrayLike<bigint>,
  start: (m: number) => A, tap: (acc: A, w: bigint, xIndex: number) => A): A[] {
  const d = dims(node, types);
  const out: A[] = new Array<A>(d.n * d.m * d.positions);
  for (let img = 0; img < d.n; img++) {
    for (let m = 0; m < d.m; m++) {
      const cBase = Math.floor(m / d.mg) * d.cg;
      for (let p = 0; p < d.positions; p++) {
        let acc = start(m);
        for (let t = p * d.taps; t < (p + 1) * d.taps; t++) {
          const code = Number(taps[t]);
          if (code < 0) continue;
          const [s, k] = [Math.floor(code / d.k), code % d.k];
          for (let c = 0; c < d.cg; c++) acc = tap(acc, w[(m * d.cg + c) * d.k + k], (img * d.c + cBase + c) * d.inSize + s);
        }
        out[(img * d.m + m) * d.positions + p] = acc;
      }
    }
  }
  return out;
}

/** Fixed ConvLinear: a convolution with constant weights, exact; bounds are each product's exact range summed. */
export const ConvLinear: Rule = {
  evalInt(node, [x, w, taps, b], types): bigint[][] {
    return [convolve(node, types, taps!, w!, (m) => (b ? b[m] : 0n), (acc, wv, i) => (wv === 0n ? acc : acc + wv * x![i]))];
  },

  bounds(node, [x, w, taps, b], types): Interval[] {
    const ranges = convolve<[bigint, bigint]>(node, types, taps!.lo, w!.lo, (m) => (b ? [b.lo[m], b.hi[m]] : [0n, 0n]), (acc, wv, i) => {
      const [l, h] = scaledRange(wv, x!.lo[i], x!.hi[i]);
      return [acc[0] + l, acc[1] + h];
    });
    return [{ lo: ranges.map((r) => r[0]), hi: ranges.map((r) => r[1]) }];
  },
};
