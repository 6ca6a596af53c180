import { OpDef } from '../types';
import { attrInt } from '../../attrs';
import { FLOAT_TYPES, inputOfType, normalizeAxis } from './checks';
import { floatData, floatTensor } from './float';
import { axisSplit } from './reduce';

/** Lanes of n elements, `inner` apart, `outer` blocks of them. */
export interface LaneSplit {
  outer: number;
  n: number;
  inner: number;
}

/**
 * An op that maps each lane of its input to a lane of the same shape (Softmax, LogSoftmax,
 * Hardmax). From opset 13 a lane runs along one axis (default -1); before, the input is coerced to
 * 2-D [d0·…·d(axis-1), d(axis)·…] and a lane is a row of that matrix (axis default 1).
 */
export function laneWiseOp(op: string, apply: (d: Float64Array, split: LaneSplit) => Float64Array): OpDef {
  return {
    op,
    inputs: [{ name: 'input' }],
    outputs: [{ name: 'output' }],
    attrs: { axis: { type: 'int' } },
    infer(ctx) {
      const x = inputOfType(ctx, 0, FLOAT_TYPES);
      normalizeAxis(ctx, attrInt(ctx.node, 'axis', ctx.opset < 13 ? 1 : -1), x.shape.length);
      return [{ dtype: x.dtype, shape: [...x.shape] }];
    },
    evalFloat(node, [x], opset) {
      const shape = x!.shape;
      const a = attrInt(node, 'axis', opset < 13 ? 1 : -1);
      const axis = a < 0 ? a + shape.length : a;
      const split = opset < 13 ? { ...axisSplit(shape, axis), n: shape.slice(axis).reduce((p, q) => p * q, 1), inner: 1 } : axisSplit(shape, axis);
      return [floatTensor(x!.dtype, shape, apply(floatData(x!), split))];
    },
  };
}

/** Softmax / LogSoftmax (see laneWiseOp for the axis rules). */
export function softmaxOp(op: string, log: boolean): OpDef {
  return laneWiseOp(op, (d, split) => softmax(d, split, log));
}

/** Numerically stable (log-)softmax of each lane of n elements, `inner` apart. */
function softmax(d: Float64Array, { outer, n, inner }: LaneSplit, log: boolean): Float64Array {
  const out = new Float64Array(d.length);
  for (let i = 0; i < outer; i++) {
    for (let j = 0; j < inner; j++) {
      const base = i * n * inner + j;
      let max = -Infinity;
      for (let k = 0; k < n; k++) max = Math.max(max, d[base + k * inner]);
      // e^(x - max) is computed once per element and kept in `out` until the sum is known.
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const e = Math.exp(d[base + k * inner] - max);
        out[base + k * inner] = e;
        sum += e;
      }
      if (log) {
        const logSum = Math.log(sum);
        for (let k = 0; k < n; k++) out[base + k * inner] = d[base + k * inner] - max - logSum;
      } else {
        for (let k = 0; k < n; k++) out[base + k * inner] /= sum;
      }
    }
  }
  return out;
}
