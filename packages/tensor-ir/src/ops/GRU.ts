import { RECURRENT_ATTRS, clipTo, inputPart, recurrentOp, recurrentPart } from './helpers';
import { attrInt } from '../attrs';

/**
 * ONNX GRU, gates z, r, h: z = f(..), r = f(..), h̃ = g(X·Whᵀ + (r ⊙ H)·Rhᵀ + Rbh + Wbh) or, with
 * linear_before_reset, g(X·Whᵀ + r ⊙ (H·Rhᵀ + Rbh) + Wbh); H' = (1 - z) ⊙ h̃ + z ⊙ H.
 */
export const GRU = recurrentOp({
  op: 'GRU',
  gates: 3,
  activations: ['Sigmoid', 'Tanh'],
  inputs: ['X', 'W', 'R', 'B', 'sequence_lens', 'initial_h'],
  outputs: ['Y', 'Y_h'],
  attrs: { ...RECURRENT_ATTRS, linear_before_reset: { type: 'int', default: 0 } },
  step(node, m, fns, clip) {
    const linearBeforeReset = attrInt(node, 'linear_before_reset') !== 0;
    const [xz, xr, xh, hz, hr, hh, rh] = Array.from({ length: 7 }, () => new Float64Array(m.hidden));
    return (d, x, h) => {
      const [f, g] = fns[d];
      [xz, xr, xh].forEach((out, gate) => inputPart(m, d, gate, x, out));
      recurrentPart(m, d, 0, h, hz);
      recurrentPart(m, d, 1, h, hr);
      const z = xz.map((v, i) => f(clipTo(v + hz[i], clip)));
      const r = xr.map((v, i) => f(clipTo(v + hr[i], clip)));
      if (linearBeforeReset) recurrentPart(m, d, 2, h, hh);
      else recurrentPart(m, d, 2, rh.map((_, i) => r[i] * h[i]), hh);
      for (let i = 0; i < m.hidden; i++) {
        const cand = g(clipTo(xh[i] + (linearBeforeReset ? r[i] * hh[i] : hh[i]), clip));
        h[i] = (1 - z[i]) * cand + z[i] * h[i];
      }
    };
  },
});
