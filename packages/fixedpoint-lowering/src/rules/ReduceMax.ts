import { Interval } from '../bounds/interval';
import { FixedTypes, Rule } from './types';

const ONNX_REASON = 'the fixed ReduceMax (last axis, kept) exists; lowering of ONNX ReduceMax is not written yet';

/** Rows of the last axis: x [..., K] is `rows` rows of K. */
function rowsOf(types: FixedTypes): { rows: number; k: number } {
  const shape = types.inputs[0]!.shape;
  const k = shape[shape.length - 1];
  return { rows: types.outputs[0]!.shape.reduce((a, b) => a * b, 1), k };
}

function rowMax(v: ArrayLike<bigint>, r: number, k: number): bigint {
  let m = v[r * k];
  for (let i = r * k + 1; i < (r + 1) * k; i++) if (v[i] > m) m = v[i];
  return m;
}

/** Fixed ReduceMax: y[r] = max_i x[r][i] over the last axis; same frac. Bounds: the row's max lo and max hi (tight). */
export const ReduceMax: Rule = {
  unsupported: ONNX_REASON,

  evalInt(_node, [x], types): bigint[][] {
    const { rows, k } = rowsOf(types);
    return [Array.from({ length: rows }, (_, r) => rowMax(x!, r, k))];
  },

  bounds(_node, [x], types): Interval[] {
    const { rows, k } = rowsOf(types);
    return [{
      lo: Array.from({ length: rows }, (_, r) => rowMax(x!.lo, r, k)),
      hi: Array.from({ length: rows }, (_, r) => rowMax(x!.hi, r, k)),
    }];
  },
};
