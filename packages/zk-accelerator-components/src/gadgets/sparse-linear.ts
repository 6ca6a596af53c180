import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import type { Signal } from '../r1cs/linear-combination';
import { WeightedSum } from './blocks/weighted-sum';
import { caseInputs, caseTensor } from '../soundness/case-input';
import { Params } from './params';
import type { AbiParam, GadgetDef, ParamValue } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'const', name: 'index', input: 1 },
  { kind: 'const', name: 'W', input: 2 },
  { kind: 'const', name: 'B', input: 3, optional: true },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { output: 0 } } },
  { kind: 'int', name: 'taps', from: { dim: { input: 1 }, axis: -1 } },
];

/** y[o] = B[o] + Σ_t W[o, t]·x[index[o, t]] (index ≥ 0): a linear combination per output, no constraint. */
function synthesize(_cs: ConstraintSystem, values: ParamValue[]): Signal[] {
  const p = new Params('sparse_linear', abi, values);
  const [x, index, W, B] = [p.signals('x'), p.tensor('index'), p.tensor('W'), p.tensor('B')];
  const [n, taps] = [p.int('n'), p.int('taps')];
  assert(index !== null && W !== null && index.length === n * taps && W.length === n * taps && (B === null || B.length === n), 'sparse_linear: shapes');
  const y: Signal[] = [];
  for (let o = 0; o < n; o++) {
    const sum = new WeightedSum(B === null ? 0n : B[o]);
    for (let t = o * taps; t < (o + 1) * taps; t++) if (index[t] >= 0n) sum.add(x[Number(index[t])], W[t]);
    y.push(sum.signal());
  }
  return y;
}

export const sparseLinear: GadgetDef = {
  name: 'sparse_linear',
  op: 'SparseLinear',
  strategies: ['lc'],
  summary: 'y[o] = B[o] + sum_t W[o,t]*x[index[o,t]] with constant index and W (pools, affine maps; free)',
  abi,
  cost: () => ({ constraints: 0, wires: 0 }),
  synthesize,
  soundnessCases: () => [
    { params: [caseInputs([3, -2, 7]), caseTensor([0, 2, 1, -1]), caseTensor([2, -1, 5, 9]), caseTensor([1, -4]), 2, 2, 2], note: 'two outputs, a missing tap, bias' },
  ],
};
