import { RECURRENT_ATTRS, clipTo, floatData, inputPart, recurrentOp, recurrentPart } from './helpers';
import { attrInt } from '../attrs';

/**
 * ONNX LSTM, gates i, o, f, c with optional peepholes P (i, o, f): C' = f ⊙ C + i ⊙ g(c̃),
 * H' = o ⊙ h(C'); input_forget couples f = 1 - i.
 */
export const LSTM = recurrentOp({
  op: 'LSTM',
  gates: 4,
  activations: ['Sigmoid', 'Tanh', 'Tanh'],
  inputs: ['X', 'W', 'R', 'B', 'sequence_lens', 'initial_h', 'initial_c', 'P'],
  outputs: ['Y', 'Y_h', 'Y_c'],
  attrs: { ...RECURRENT_ATTRS, input_forget: { type: 'int', default: 0 } },
  step(node, m, fns, clip, [, p]) {
    const peep = p ? floatData(p) : undefined;
    const coupled = attrInt(node, 'input_forget') !== 0;
    const pre = Array.from({ length: 4 }, () => new Float64Array(m.hidden));
    const rec = new Float64Array(m.hidden);
    return (d, x, h, c) => {
      const [f, g, hAct] = fns[d];
      pre.forEach((out, gate) => {
        inputPart(m, d, gate, x, out);
        recurrentPart(m, d, gate, h, rec);
        for (let i = 0; i < m.hidden; i++) out[i] += rec[i];
      });
      const P = (k: number, i: number) => (peep ? peep[(d * 3 + k) * m.hidden + i] : 0);
      for (let i = 0; i < m.hidden; i++) {
        const it = f(clipTo(pre[0][i] + P(0, i) * c[i], clip));
        const ft = coupled ? 1 - it : f(clipTo(pre[2][i] + P(2, i) * c[i], clip));
        const ct = g(clipTo(pre[3][i], clip));
        c[i] = ft * c[i] + it * ct;
        const ot = f(clipTo(pre[1][i] + P(1, i) * c[i], clip));
        h[i] = ot * hAct(c[i]);
      }
    };
  },
});
