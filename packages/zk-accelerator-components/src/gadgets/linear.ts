import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import type { Signal } from '../r1cs/linear-combination';
import { WeightedSum } from './blocks/weighted-sum';
import { Params } from './params';
import type { AbiParam, GadgetDef, ParamValue } from './types';
import { caseInputs, caseTensor } from '../soundness/case-input';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'const', name: 'W', input: 1 },
  { kind: 'const', name: 'B', input: 2, optional: true },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'rows', from: { rows: { input: 0 } } },
  { kind: 'int', name: 'k', from: { dim: { input: 0 }, axis: -1 } },
  { kind: 'int', name: 'n', from: { dim: { input: 1 }, axis: -1 } },
];

/** y[r][j] = Σ_k x[r][k]·W[k][j] + B[j]: constant weights make every output a linear
 * combination of the inputs, so a dense layer costs no constraint and no wire. */
function synthesize(_cs: ConstraintSystem, values: ParamValue[]): Signal[] {
  const p = new Params('linear', abi, values);
  const [x, W, B] = [p.signals('x'), p.tensor('W'), p.tensor('B')];
  const [rows, k, n] = [p.int('rows'), p.int('k'), p.int('n')];
  assert(W !== null && x.length === rows * k && W.length === k * n && (B === null || B.length === n), 'linear: shapes');
  const y: Signal[] = [];
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < n; j++) {
      const sum = new WeightedSum(B === null ? 0n : B[j]);
      for (let i = 0; i < k; i++) sum.add(x[r * k + i], W[i * n + j]);
      y.push(sum.signal());
    }
  }
  return y;
}

export const linear: GadgetDef = {
  name: 'linear',
  op: 'Linear',
  strategies: ['lc'],
  summary: 'y = x·W + B with constant W, B as linear combinations (free)',
  abi,
  cost: () => ({ constraints: 0, wires: 0 }),
  synthesize,
  soundnessCases: () => [
    { params: [caseInputs([3, -2, 7, 0]), caseTensor([1, 2, -3, 4]), caseTensor([5, -1]), 4, 2, 2, 2], note: '2×2 by 2×2 with bias' },
    { params: [caseInputs([1, 2]), caseTensor([0, 1]), null, 1, 1, 2, 1], note: 'a zero weight, no bias' },
  ],
};
