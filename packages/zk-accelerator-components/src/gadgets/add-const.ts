import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { Signal, signalAdd, signalConstant, signalScale } from '../r1cs/linear-combination';
import { Params } from './params';
import type { AbiParam, GadgetDef, ParamValue } from './types';
import { caseInputs, caseTensor } from '../soundness/case-input';

const abi: AbiParam[] = [
  { kind: 'in', name: 'a', input: 0 },
  { kind: 'const', name: 'b', input: 1 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { output: 0 } } },
  { kind: 'int', name: 'shift_a', from: { attr: 'shift_a', default: 0 } },
  { kind: 'int', name: 'shift_b', from: { attr: 'shift_b', default: 0 } },
];

/** y = a·2^shift_a + b·2^shift_b with b a constant tensor: linear, free. */
function synthesize(_cs: ConstraintSystem, values: ParamValue[]): Signal[] {
  const p = new Params('add_const', abi, values);
  const [a, b, n] = [p.signals('a'), p.tensor('b'), p.int('n')];
  assert(b !== null && a.length === n && b.length === n, 'add_const: operand sizes');
  const [ka, kb] = [1n << BigInt(p.int('shift_a')), 1n << BigInt(p.int('shift_b'))];
  return a.map((ai, i) => signalAdd(signalScale(ai, ka), signalConstant(b[i] * kb)));
}

/** Add whose second operand is a constant (select picks it when input 1 is a constant). */
export const addConst: GadgetDef = {
  name: 'add_const',
  op: 'Add',
  strategies: ['lc'],
  summary: 'y = a·2^shift_a + b·2^shift_b with constant b (free)',
  abi,
  cost: () => ({ constraints: 0, wires: 0 }),
  synthesize,
  soundnessCases: () => [
    { params: [caseInputs([1, -2]), caseTensor([3, 4]), 2, 2, 0, 2], note: 'shift_b 2' },
  ],
};
