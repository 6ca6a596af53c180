import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { LinearCombination, ONE_WIRE, Signal, lcAccumulate, lcConstant, lcWire } from '../r1cs/linear-combination';
import { caseInputs, caseTensor } from '../soundness/case-input';
import { boundAt, labelOf, Params } from './params';
import { checkBounds } from './rescale-bits';
import type { AbiParam, Cost, GadgetDef, ParamValue } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'ids', input: 1 },
  { kind: 'const', name: 'table', input: 0 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { input: 1 } } },
  { kind: 'int', name: 'rows', from: { dim: { input: 0 }, axis: 0 } },
  { kind: 'int', name: 'size', from: { numel: { input: 0 } } },
  { kind: 'lo', name: 'lo', of: { input: 1 } },
  { kind: 'hi', name: 'hi', of: { input: 1 } },
];

/**
 * Per id, with V table rows of width d: V − 1 selector wires s_1..s_{V−1} (s_0 = 1 − Σ s_v is a
 * combination), V booleanity constraints, one Σ v·s_v = id, and d output wires y_j = Σ_v T[v, j]·s_v
 * (one linear constraint each).
 */
function cost(values: ParamValue[]): Cost {
  const p = new Params('table_gather', abi, values);
  const [n, rows, size] = [p.int('n'), p.int('rows'), p.int('size')];
  const d = size / rows;
  return { constraints: n * (rows + 1 + d), wires: n * (rows - 1 + d) };
}

/**
 * y[t] = T[ids[t]] by a one-hot selector: booleans s_v with Σ s_v = 1 (s_0 is defined so) and
 * Σ v·s_v = id pick exactly row id, which also proves 0 ≤ id < V; each output is Σ_v T[v, j]·s_v.
 */
function gatherOne(cs: ConstraintSystem, id: Signal, table: BigInt64Array, rows: number, d: number, loc: string[], t: number): Signal[] {
  const row = Number(id.value);
  const label = (part: string, ...i: number[]) => labelOf(loc, 'table_gather', part, t, ...i);
  const selectors: LinearCombination[] = [lcConstant(1n)];
  for (let v = 1; v < rows; v++) {
    const s = cs.newWire(v === row ? 1n : 0n, label('select', v));
    selectors.push(s.lc);
    lcAccumulate(selectors[0], s.lc, -1n);
  }
  const weighted: LinearCombination = new Map();
  selectors.forEach((s, v) => {
    const minusOne = new Map(s);
    lcAccumulate(minusOne, lcWire(ONE_WIRE), -1n);
    cs.constrain(s, minusOne, new Map(), label('bool', v));
    lcAccumulate(weighted, s, BigInt(v));
  });
  lcAccumulate(weighted, id.lc, -1n);
  cs.constrain(weighted, cs.one, new Map(), label('index'));
  return Array.from({ length: d }, (_, j) => {
    const sum: LinearCombination = new Map();
    selectors.forEach((s, v) => lcAccumulate(sum, s, table[v * d + j]));
    const y = cs.newWire(table[row * d + j], label('y', j));
    cs.constrain(sum, cs.one, y, label('y', j));
    return y;
  });
}

function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('table_gather', abi, values);
  const [ids, table, rows, lo, hi] = [p.signals('ids'), p.tensor('table'), p.int('rows'), p.bounds('lo'), p.bounds('hi')];
  assert(table !== null && table.length % rows === 0, 'table_gather: a constant table of whole rows');
  const d = table.length / rows;
  return ids.flatMap((id, t) => {
    checkBounds(id.value, boundAt(lo, t), boundAt(hi, t), t, { loc, op: 'TableGather' });
    checkBounds(id.value, 0n, BigInt(rows - 1), t, { loc, op: 'TableGather' });
    return gatherOne(cs, id, table, rows, d, loc, t);
  });
}

export const tableGather: GadgetDef = {
  name: 'table_gather',
  op: 'TableGather',
  strategies: ['onehot'],
  summary: 'y[t] = T[ids[t]] (token embedding): one-hot selector over the V rows, V + 1 + d constraints per id',
  abi,
  cost,
  synthesize,
  soundnessCases: () => [
    { params: [caseInputs([2, 0, 1]), caseTensor([5, -1, 7, 3, -4, 9]), 6, 3, 3, 6, caseTensor([0]), caseTensor([2])], note: '3 ids over a 3×2 table, first and last rows' },
    { params: [caseInputs([3]), caseTensor([1, 1, 2, 2]), 1, 1, 4, 4, caseTensor([0]), caseTensor([3])], note: 'repeated table values (rows 0/1 and 2/3 equal)' },
  ],
};
