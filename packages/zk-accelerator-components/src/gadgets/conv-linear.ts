import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import type { Signal } from '../r1cs/linear-combination';
import { WeightedSum } from './blocks/weighted-sum';
import { caseInputs, caseTensor } from '../soundness/case-input';
import { Params } from './params';
import type { AbiParam, GadgetDef, ParamValue } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'const', name: 'W', input: 1 },
  { kind: 'const', name: 'taps', input: 2 },
  { kind: 'const', name: 'B', input: 3, optional: true },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'batch', from: { dim: { input: 0 }, axis: 0 } },
  { kind: 'int', name: 'c', from: { dim: { input: 0 }, axis: 1 } },
  { kind: 'int', name: 'm', from: { dim: { input: 1 }, axis: 0 } },
  { kind: 'int', name: 'k', from: { dim: { input: 1 }, axis: 2 } },
  { kind: 'int', name: 'positions', from: { rows: { input: 2 } } },
  { kind: 'int', name: 'width', from: { dim: { input: 2 }, axis: -1 } },
  { kind: 'int', name: 'group', from: { attr: 'group', default: 1 } },
  { kind: 'int', name: 'nx', from: { numel: { input: 0 } } },
];

/**
 * Convolution with constant weights (tensor-ir fixed-ops/ConvLinear.ts): every output is a linear
 * combination of its window's inputs, so the layer spends no constraint; its Rescale pays.
 */
function synthesize(_cs: ConstraintSystem, values: ParamValue[]): Signal[] {
  const p = new Params('conv_linear', abi, values);
  const [x, W, taps, B] = [p.signals('x'), p.tensor('W'), p.tensor('taps'), p.tensor('B')];
  const [batch, c, m, k, positions, width, group] = ['batch', 'c', 'm', 'k', 'positions', 'width', 'group'].map((n) => p.int(n));
  const cg = c / group;
  const inSize = p.int('nx') / (batch * c);
  assert(W !== null && taps !== null && W.length === m * cg * k && taps.length === positions * width && (B === null || B.length === m), 'conv_linear: shapes');
  const y: Signal[] = [];
  for (let img = 0; img < batch; img++) {
    for (let oc = 0; oc < m; oc++) {
      const cBase = Math.floor(oc / (m / group)) * cg;
      for (let pos = 0; pos < positions; pos++) {
        const sum = new WeightedSum(B === null ? 0n : B[oc]);
        for (let t = pos * width; t < (pos + 1) * width; t++) {
          const code = Number(taps[t]);
          if (code < 0) continue;
          const [s, kk] = [Math.floor(code / k), code % k];
          for (let ic = 0; ic < cg; ic++) sum.add(x[(img * c + cBase + ic) * inSize + s], W[(oc * cg + ic) * k + kk]);
        }
        y.push(sum.signal());
      }
    }
  }
  return y;
}

export const convLinear: GadgetDef = {
  name: 'conv_linear',
  op: 'ConvLinear',
  strategies: ['lc'],
  summary: 'y = conv(x, W) + B with constant W, B (Conv, ConvTranspose) as linear combinations (free)',
  abi,
  cost: () => ({ constraints: 0, wires: 0 }),
  synthesize,
  soundnessCases: () => [
    // x [1, 2, 3] (two channels of 3), W [1, 2, 2], taps: out position 0 ← s0k0, s1k1; position 1 ← s1k0, s2k1.
    { params: [caseInputs([1, -2, 3, 4, 0, -5]), caseTensor([2, -1, 3, 1]), caseTensor([0, 3, 2, 5]), caseTensor([6]), 2, 1, 2, 1, 2, 2, 2, 1, 6], note: 'a 1-D conv, two channels, kernel 2, bias' },
  ],
};
