import { RECURRENT_ATTRS, clipTo, inputPart, recurrentOp, recurrentPart } from './helpers';

/** ONNX RNN: H_t = f(X_t·Wᵀ + H_{t-1}·Rᵀ + Wb + Rb), f = Tanh by default. */
export const RNN = recurrentOp({
  op: 'RNN',
  gates: 1,
  activations: ['Tanh'],
  inputs: ['X', 'W', 'R', 'B', 'sequence_lens', 'initial_h'],
  outputs: ['Y', 'Y_h'],
  attrs: RECURRENT_ATTRS,
  step(_node, m, fns, clip) {
    const xi = new Float64Array(m.hidden);
    const hi = new Float64Array(m.hidden);
    return (d, x, h) => {
      inputPart(m, d, 0, x, xi);
      recurrentPart(m, d, 0, h, hi);
      for (let i = 0; i < m.hidden; i++) h[i] = fns[d][0](clipTo(xi[i] + hi[i], clip));
    };
  },
});
