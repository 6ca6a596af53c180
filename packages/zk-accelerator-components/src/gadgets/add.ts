import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { Signal, signalAdd, signalScale } from '../r1cs/linear-combination';
import { Params } from './params';
import type { AbiParam, GadgetDef, ParamValue } from './types';
import { caseInputs } from '../soundness/case-input';

const abi: AbiParam[] = [
  { kind: 'in', name: 'a', input: 0 },
  { kind: 'in', name: 'b', input: 1 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { output: 0 } } },
  { kind: 'int', name: 'shift_a', from: { attr: 'shift_a', default: 0 } },
  { kind: 'int', name: 'shift_b', from: { attr: 'shift_b', default: 0 } },
];

/** y = a·2^shift_a + b·2^shift_b for two values: linear, free. */
function synthesize(_cs: ConstraintSystem, values: ParamValue[]): Signal[] {
  const p = new Params('add', abi, values);
  const [a, b, n] = [p.signals('a'), p.signals('b'), p.int('n')];
  assert(a.length === n && b.length === n, 'add: operand sizes');
  const [ka, kb] = [1n << BigInt(p.int('shift_a')), 1n << BigInt(p.int('shift_b'))];
  return a.map((ai, i) => signalAdd(signalScale(ai, ka), b[i], kb));
}

/** Add of two values; `add_const` covers a constant b. */
export const add: GadgetDef = {
  name: 'add',
  op: 'Add',
  strategies: ['lc'],
  summary: 'y = a·2^shift_a + b·2^shift_b (free)',
  abi,
  cost: () => ({ constraints: 0, wires: 0 }),
  synthesize,
  soundnessCases: () => [
    { params: [caseInputs([1, -2]), caseInputs([3, 4]), 2, 2, 1, 0], note: 'shift_a 1' },
  ],
};
