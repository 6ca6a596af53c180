import { numel } from '@onnx-zk/tensor-ir';
import { Interval, mulRange } from '../bounds/interval';
import { isPoint, linearBounds, linearInt } from './linear-exact';
import { FixedTypes, Rule } from './types';

/** Sizes of a Linear: x [..., K] is `rows` rows of K, W is [K, N]. */
function dims(types: FixedTypes): { rows: number; k: number; n: number } {
  const [k, n] = types.inputs[1]!.shape;
  const size = numel(types.inputs[0]!.shape);
  return { rows: k === 0 ? 0 : size / k, k, n };
}

/**
 * Fixed Linear: y = x·W + B, exact. W is a constant, so in the circuit this is a linear
 * combination; the interval of each output is B + Σ_k [min, max] of w·x over x's interval,
 * which is attained by the corner inputs and so is tight for a single layer.
 */
export const Linear: Rule = {
  evalInt(_node, [x, w, b], types): bigint[][] {
    const { rows, k, n } = dims(types);
    return [linearInt(x!, w!, b, rows, k, n)];
  },

  bounds(_node, [x, w, b], types): Interval[] {
    const { rows, k, n } = dims(types);
    // W is a constant: the point interval of each weight (its bounds are its data).
    if (isPoint(w!)) return [linearBounds(x!, w!.lo, b, rows, k, n)];
    const lo = new Array<bigint>(rows * n);
    const hi = new Array<bigint>(rows * n);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < n; j++) {
        let l = b ? b.lo[j] : 0n;
        let h = b ? b.hi[j] : 0n;
        for (let i = 0; i < k; i++) {
          const [pl, ph] = mulRange(x!.lo[r * k + i], x!.hi[r * k + i], w!.lo[i * n + j], w!.hi[i * n + j]);
          l += pl;
          h += ph;
        }
        lo[r * n + j] = l;
        hi[r * n + j] = h;
      }
    }
    return [{ lo, hi }];
  },
};
