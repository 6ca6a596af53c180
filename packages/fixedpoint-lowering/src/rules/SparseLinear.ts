import { numel } from '@onnx-zk/tensor-ir';
import { Interval, scaledRange } from '../bounds/interval';
import { FixedTypes, Rule } from './types';

/** Outputs and taps per output of a SparseLinear: index is [..., T] with y = index.shape[:-1]. */
function dims(types: FixedTypes): { count: number; taps: number } {
  const shape = types.inputs[1]!.shape;
  return { count: numel(types.outputs[0]!.shape), taps: shape[shape.length - 1] };
}

/** Fixed SparseLinear: y[o] = B[o] + Σ_t W[o, t]·x[index[o, t]] over taps with index ≥ 0, exact. */
export const SparseLinear: Rule = {
  evalInt(_node, [x, index, w, b], types): bigint[][] {
    const { count, taps } = dims(types);
    return [Array.from({ length: count }, (_, o) => {
      let acc = b ? b[o] : 0n;
      for (let t = o * taps; t < (o + 1) * taps; t++) if (index![t] >= 0n) acc += w![t] * x![Number(index![t])];
      return acc;
    })];
  },

  /** Σ of each tap's exact range: tight for one layer (the corner inputs attain it). */
  bounds(_node, [x, index, w, b], types): Interval[] {
    const { count, taps } = dims(types);
    const lo: bigint[] = [];
    const hi: bigint[] = [];
    for (let o = 0; o < count; o++) {
      let [l, h] = b ? [b.lo[o], b.hi[o]] : [0n, 0n];
      for (let t = o * taps; t < (o + 1) * taps; t++) {
        const i = Number(index!.lo[t]);
        if (i < 0) continue;
        const [pl, ph] = scaledRange(w!.lo[t], x!.lo[i], x!.hi[i]);
        l += pl;
        h += ph;
      }
      lo.push(l);
      hi.push(h);
    }
    return [{ lo, hi }];
  },
};
