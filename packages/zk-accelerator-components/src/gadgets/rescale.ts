import type { ConstraintSystem } from '../r1cs/constraint-system';
import { bitLength } from '../r1cs/field';
import type { Signal } from '../r1cs/linear-combination';
import { sumCost } from './bits';
import { boundAt, Params } from './params';
import { checkBounds, rescaleBits, rescaleBitsCost, rescaleValue } from './rescale-bits';
import type { AbiParam, Cost, GadgetDef, ParamValue } from './types';
import { caseInputs, caseTensor } from '../soundness/case-input';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { input: 0 } } },
  { kind: 'int', name: 'shift', from: { attr: 'shift' } },
  { kind: 'lo', name: 'lo', of: { output: 0 } },
  { kind: 'hi', name: 'hi', of: { output: 0 } },
];

function cost(values: ParamValue[]): Cost {
  const p = new Params('rescale', abi, values);
  const [n, shift, lo, hi] = [p.int('n'), p.int('shift'), p.bounds('lo'), p.bounds('hi')];
  return sumCost(n, (i) => rescaleBitsCost(shift, bitLength(boundAt(hi, i) - boundAt(lo, i))));
}

/** y = floor((x + 2^(s−1)) / 2^s) with remainder bits r ∈ [0, 2^s) and bits of y − lo. */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('rescale', abi, values);
  const [x, shift, lo, hi] = [p.signals('x'), p.int('shift'), p.bounds('lo'), p.bounds('hi')];
  return x.map((xi, e) => {
    const [l, h] = [boundAt(lo, e), boundAt(hi, e)];
    checkBounds(rescaleValue(xi.value, shift), l, h, e, { loc, op: 'Rescale' });
    return rescaleBits(cs, xi, shift, l, bitLength(h - l), { loc, gadget: 'rescale', op: 'Rescale', element: e }).q;
  });
}

export const rescale: GadgetDef = {
  name: 'rescale',
  op: 'Rescale',
  strategies: ['bits'],
  summary: 'y = floor((x + 2^(s-1)) / 2^s): s remainder bits + bits of y - lo',
  abi,
  cost,
  synthesize,
  soundnessCases: () => [
    { params: [caseInputs([45, -5, 4, -12]), 4, 4, 3, caseTensor([-8]), caseTensor([7])], note: 'shift 3, ties of both signs' },
    { params: [caseInputs([3, -3]), 2, 2, 1, caseTensor([-2, -1]), caseTensor([2, 0])], note: 'shift 1, per-element bounds' },
  ],
};
