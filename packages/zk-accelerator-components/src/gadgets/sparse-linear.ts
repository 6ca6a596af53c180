import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import type { Signal } from '../r1cs/linear-combination';
import { WeightedSum } from './blocks/weighted-sum';
import { caseInputs, caseTensor } from '../soundness/case-input';
import { labelOf, Params } from './params';
import type { AbiParam, GadgetDef, ParamValue } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'const', name: 'index', input: 1 },
  { kind: 'const', name: 'W', input: 2 },
  { kind: 'const', name: 'B', input: 3, optional: true },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { output: 0 } } },
  { kind: 'int', name: 'taps', from: { dim: { input: 1 }, axis: -1 } },
  { kind: 'int', name: 'strategy', from: { strategy: true } },
];

/**
 * Strategies: `lc` leaves each output a linear combination of the inputs' (free); `wire` puts it
 * on one wire with one linear constraint. select picks `wire` when a wide linear map (a
 * convolution, a dense layer) reads the output: there every output is copied into many
 * combinations, and its terms — each an input's own combination — would multiply.
 */
const STRATEGIES = ['lc', 'wire'];

function cost(values: ParamValue[]) {
  const p = new Params('sparse_linear', abi, values);
  const wired = STRATEGIES[p.int('strategy')] === 'wire' ? p.int('n') : 0;
  return { constraints: wired, wires: wired };
}

/** y[o] = B[o] + Σ_t W[o, t]·x[index[o, t]] (index ≥ 0): a linear combination per output, on a wire with strategy `wire`. */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('sparse_linear', abi, values);
  const [x, index, W, B] = [p.signals('x'), p.tensor('index'), p.tensor('W'), p.tensor('B')];
  const [n, taps, wire] = [p.int('n'), p.int('taps'), STRATEGIES[p.int('strategy')] === 'wire'];
  assert(index !== null && W !== null && index.length === n * taps && W.length === n * taps && (B === null || B.length === n), 'sparse_linear: shapes');
  const y: Signal[] = [];
  for (let o = 0; o < n; o++) {
    const sum = new WeightedSum(B === null ? 0n : B[o]);
    for (let t = o * taps; t < (o + 1) * taps; t++) if (index[t] >= 0n) sum.add(x[Number(index[t])], W[t]);
    y.push(wire ? onWire(cs, sum.signal(), labelOf(loc, 'sparse_linear', 'y', o)) : sum.signal());
  }
  return y;
}

/** s on a wire of its own: one linear constraint s·1 = w. */
function onWire(cs: ConstraintSystem, s: Signal, label: string): Signal {
  const w = cs.newWire(s.value, label);
  cs.constrain(s.lc, cs.one, w.lc, label);
  return w;
}

export const sparseLinear: GadgetDef = {
  name: 'sparse_linear',
  op: 'SparseLinear',
  strategies: STRATEGIES,
  summary: 'y[o] = B[o] + sum_t W[o,t]*x[index[o,t]] with constant index and W (pools, affine maps; free, or one wire each)',
  abi,
  cost,
  synthesize,
  soundnessCases: () => [0, 1].map((strategy) => (
    { params: [caseInputs([3, -2, 7]), caseTensor([0, 2, 1, -1]), caseTensor([2, -1, 5, 9]), caseTensor([1, -4]), 2, 2, 2, strategy], note: `two outputs, a missing tap, bias (${STRATEGIES[strategy]})` }
  )),
};
