import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { Signal, signalConstant } from '../r1cs/linear-combination';
import { caseInputs, caseTensor } from '../soundness/case-input';
import { Params } from './params';
import type { AbiParam, GadgetDef, ParamValue } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'const', name: 'map', input: 1 },
  { kind: 'const', name: 'fill', input: 2, optional: true },
  { kind: 'in', name: 'x2', input: 3, optional: true },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { output: 0 } } },
  { kind: 'int', name: 'nx', from: { numel: { input: 0 } } },
];

/** Data movement: each output is a source's signal or a fill constant, so it costs nothing. */
function synthesize(_cs: ConstraintSystem, values: ParamValue[]): Signal[] {
  const p = new Params('index_map', abi, values);
  const [x, x2, map, fill] = [p.signals('x'), p.signals('x2'), p.tensor('map'), p.tensor('fill')];
  assert(map !== null && map.length === p.int('n'), 'index_map: map has the output size');
  return Array.from(map, (m) => {
    const i = Number(m);
    const s = i < 0 ? (fill ? signalConstant(fill[-i - 1]) : undefined) : i < x.length ? x[i] : x2[i - x.length];
    assert(s !== undefined, `index_map: map entry ${i} has no source`);
    return s;
  });
}

export const indexMap: GadgetDef = {
  name: 'index_map',
  op: 'IndexMap',
  strategies: ['alias'],
  summary: 'y[i] = x[map[i]], x2[map[i] - |x|] or fill[-map[i] - 1] (Pad, Slice, Concat, Transpose, ...; free)',
  abi,
  cost: () => ({ constraints: 0, wires: 0 }),
  synthesize,
  soundnessCases: () => [
    { params: [caseInputs([4, -3, 9]), caseTensor([2, -1, 0, 0]), caseTensor([7]), [], 4, 4, 3], note: 'gather with a fill and a repeat' },
    { params: [caseInputs([1, 2]), caseTensor([3, 0, 2]), null, caseInputs([5, 6]), 3, 3, 2], note: 'two sources (Concat)' },
  ],
};
