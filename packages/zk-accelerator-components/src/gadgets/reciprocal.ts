import type { ConstraintSystem } from '../r1cs/constraint-system';
import { bitLength } from '../r1cs/field';
import { Signal, signalConstant } from '../r1cs/linear-combination';
import { checkFieldMargin, gadgetSite, sumCost } from './bits';
import { divRound, divRoundCost, divRoundValue } from './blocks/divide';
import { labelOf, Params } from './params';
import { checkPositive, checkShift, positiveBounds } from './positive';
import type { AbiParam, Cost, GadgetDef, ParamValue, SoundnessCase } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { input: 0 } } },
  { kind: 'int', name: 'shift', from: { attr: 'shift' } },
  { kind: 'lo', name: 'lo', of: { input: 0 } },
  { kind: 'hi', name: 'hi', of: { input: 0 } },
];

/** Bits of the numerator 2^shift, of x ≤ hi, and of the largest quotient round(2^shift / lo). */
function plan(shift: number, lo: bigint, hi: bigint, loc: string[]): [number, number, number] {
  const q = bitLength(divRoundValue(checkShift(shift, loc, 'Reciprocal'), lo));
  checkFieldMargin(Math.max(shift + 2, bitLength(hi)) + 2 + Math.max(q, 1), gadgetSite(loc, 'Reciprocal'));
  return [shift + 1, bitLength(hi), q];
}

function cost(values: ParamValue[]): Cost {
  const p = new Params('reciprocal', abi, values);
  const [n, shift, lo, hi] = [p.int('n'), p.int('shift'), p.bounds('lo'), p.bounds('hi')];
  return sumCost(n, (e) => divRoundCost(...plan(shift, ...positiveBounds(lo, hi, e, [], 'Reciprocal'), [])));
}

/** y = round-half-up(2^shift / x) for x ≥ 1: divRound with a constant numerator. */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('reciprocal', abi, values);
  const [x, shift, lo, hi] = [p.signals('x'), p.int('shift'), p.bounds('lo'), p.bounds('hi')];
  const num = signalConstant(1n << BigInt(shift));
  return x.map((xi, e) => {
    const [numBits, denBits, qBits] = plan(shift, ...checkPositive(xi.value, lo, hi, e, loc, 'Reciprocal'), loc);
    return divRound(cs, num, xi, numBits, denBits, labelOf(loc, 'reciprocal', 'y', e), qBits);
  });
}

function soundnessCases(): SoundnessCase[] {
  const b = (v: bigint): BigInt64Array => BigInt64Array.from([v]);
  return [
    { params: [[1n, 3n, 6n, 7n].map(signalConstant), 4, 4, 3, b(1n), b(7n)], note: '8 / x for x in [1, 7], a tie at 6' },
    { params: [[2n, 5n].map(signalConstant), 2, 2, 2, b(2n), b(5n)], note: '4 / x for x in [2, 5]' },
  ];
}

export const reciprocal: GadgetDef = {
  name: 'reciprocal',
  op: 'Reciprocal',
  strategies: ['divide'],
  summary: 'y = round(2^shift / x), x >= 1: q·(2x) = 2^(shift+1) + x - r with 0 <= r < 2x, all bits checked',
  abi,
  cost,
  synthesize,
  soundnessCases,
};
