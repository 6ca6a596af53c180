import type { ConstraintSystem } from '../r1cs/constraint-system';
import { Signal, signalConstant } from '../r1cs/linear-combination';
import { checkFieldMargin, gadgetSite, signedBits, sumCost } from './bits';
import { signBit, signBitCost } from './blocks/range';
import { boundAt, labelOf, Params } from './params';
import { checkBounds } from './rescale-bits';
import type { AbiParam, Cost, GadgetDef, ParamValue } from './types';
import { caseInputs, caseTensor } from '../soundness/case-input';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { input: 0 } } },
  { kind: 'lo', name: 'lo', of: { input: 0 } },
  { kind: 'hi', name: 'hi', of: { input: 0 } },
];

/** Per element: identity when lo ≥ 0, constant 0 when hi ≤ 0, else k sign bits + one product. */
function elementCost(lo: bigint, hi: bigint): Cost {
  if (lo >= 0n || hi <= 0n) return { constraints: 0, wires: 0 };
  const k = signedBits(lo, hi);
  checkFieldMargin(k, {});
  const c = signBitCost(k);
  return { constraints: c.constraints + 1, wires: c.wires + 1 };
}

function cost(values: ParamValue[]): Cost {
  const p = new Params('relu', abi, values);
  const [n, lo, hi] = [p.int('n'), p.bounds('lo'), p.bounds('hi')];
  return sumCost(n, (i) => elementCost(boundAt(lo, i), boundAt(hi, i)));
}

/** y = max(x, 0): the top bit of x + 2^(k−1) is the sign s, and y = s·x. */
function reluElement(cs: ConstraintSystem, x: Signal, lo: bigint, hi: bigint, loc: string[], e: number): Signal {
  checkBounds(x.value, lo, hi, e, { loc, op: 'Relu' });
  if (lo >= 0n) return x;
  if (hi <= 0n) return signalConstant(0n);
  const k = signedBits(lo, hi);
  checkFieldMargin(k, gadgetSite(loc, 'Relu'));
  const sign = signBit(cs, x, k, labelOf(loc, 'relu', 'bit', e));
  const y = cs.newWire(sign.value === 1n ? x.value : 0n, labelOf(loc, 'relu', 'y', e));
  cs.constrain(sign, x, y, labelOf(loc, 'relu', 'y', e));
  return y;
}

function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('relu', abi, values);
  const [x, lo, hi] = [p.signals('x'), p.bounds('lo'), p.bounds('hi')];
  return x.map((xi, e) => reluElement(cs, xi, boundAt(lo, e), boundAt(hi, e), loc, e));
}

export const relu: GadgetDef = {
  name: 'relu',
  op: 'Relu',
  strategies: ['bits'],
  summary: 'y = max(x, 0): sign bit of a bounded decomposition, y = sign·x',
  abi,
  cost,
  synthesize,
  soundnessCases: () => [
    { params: [caseInputs([-3, 0, 5, 7, -8]), 5, 5, caseTensor([-8]), caseTensor([7])], note: 'signed 4-bit, both range ends' },
    { params: [caseInputs([2, -1]), 2, 2, caseTensor([0, -4]), caseTensor([3, 0])], note: 'identity and constant-zero elements' },
  ],
};
