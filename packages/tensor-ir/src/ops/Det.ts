import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, floatData, floatTensor, inputOfType } from './helpers';

/**
 * ONNX Det (opsets 11, 22): the determinant of each square matrix in the trailing two axes of
 * [..., M, M], giving shape [...]. LU decomposition with partial pivoting in float64; a singular
 * matrix (an exactly zero pivot column) gives 0.
 */
export const Det: OpDef = {
  op: 'Det',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attrs: {},
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    const r = x.shape.length;
    if (r < 2 || x.shape[r - 1] !== x.shape[r - 2]) ctx.fail(`X must be [..., M, M] (square in the last two axes), got [${x.shape.join(',')}]`);
    return [{ dtype: x.dtype, shape: x.shape.slice(0, r - 2) }];
  },
  evalFloat(_node, [x]) {
    const shape = x!.shape;
    const m = shape[shape.length - 1];
    const batch = shape.slice(0, -2);
    const count = batch.reduce((p, q) => p * q, 1);
    const d = floatData(x!);
    const out = new Float64Array(count);
    for (let b = 0; b < count; b++) out[b] = determinant(d.slice(b * m * m, (b + 1) * m * m), m);
    return [floatTensor(x!.dtype, batch, out)];
  },
};

/** Determinant of the m×m row-major matrix `a` (overwritten) by Gaussian elimination with partial pivoting. */
function determinant(a: Float64Array, m: number): number {
  let det = 1;
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(a[r * m + c]) > Math.abs(a[p * m + c])) p = r;
    const pivot = a[p * m + c];
    if (pivot === 0) return 0;
    if (p !== c) {
      for (let k = c; k < m; k++) {
        const t = a[c * m + k];
        a[c * m + k] = a[p * m + k];
        a[p * m + k] = t;
      }
      det = -det;
    }
    det *= pivot;
    for (let r = c + 1; r < m; r++) {
      const f = a[r * m + c] / pivot;
      if (f === 0) continue;
      for (let k = c + 1; k < m; k++) a[r * m + k] -= f * a[c * m + k];
    }
  }
  return det;
}
