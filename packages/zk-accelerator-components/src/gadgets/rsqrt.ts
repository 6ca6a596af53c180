import type { ConstraintSystem } from '../r1cs/constraint-system';
import { bitLength } from '../r1cs/field';
import type { Signal } from '../r1cs/linear-combination';
import { signalConstant } from '../r1cs/linear-combination';
import { checkFieldMargin, gadgetSite, sumCost } from './bits';
import { rsqrtFloor, rsqrtFloorCost, rsqrtValue } from './blocks/rsqrt';
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

/** Bits of x ≤ hi and of the largest result floor(√(2^shift / lo)). */
function plan(shift: number, lo: bigint, hi: bigint, loc: string[]): [number, number] {
  const y = bitLength(rsqrtValue(checkShift(shift, loc, 'Rsqrt'), lo));
  checkFieldMargin(2 * y + bitLength(hi) + 2, gadgetSite(loc, 'Rsqrt'));
  return [bitLength(hi), y];
}

function cost(values: ParamValue[]): Cost {
  const p = new Params('rsqrt', abi, values);
  const [n, shift, lo, hi] = [p.int('n'), p.int('shift'), p.bounds('lo'), p.bounds('hi')];
  return sumCost(n, (e) => rsqrtFloorCost(...plan(shift, ...positiveBounds(lo, hi, e, [], 'Rsqrt'), [])));
}

/** y = floor(√(2^shift / x)) for x ≥ 1: y²·x ≤ 2^shift < (y + 1)²·x. */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('rsqrt', abi, values);
  const [x, shift, lo, hi] = [p.signals('x'), p.int('shift'), p.bounds('lo'), p.bounds('hi')];
  const n = 1n << BigInt(shift);
  return x.map((xi, e) => {
    const [xBits, yBits] = plan(shift, ...checkPositive(xi.value, lo, hi, e, loc, 'Rsqrt'), loc);
    return rsqrtFloor(cs, xi, n, xBits, yBits, labelOf(loc, 'rsqrt', 'y', e));
  });
}

function soundnessCases(): SoundnessCase[] {
  const b = (v: bigint): BigInt64Array => BigInt64Array.from([v]);
  return [
    { params: [[1n, 4n, 5n, 7n].map(signalConstant), 4, 4, 4, b(1n), b(7n)], note: '√(16 / x) for x in [1, 7], exact squares' },
    { params: [[3n].map(signalConstant), 1, 1, 3, b(2n), b(3n)], note: '√(8 / 3)' },
  ];
}

export const rsqrt: GadgetDef = {
  name: 'rsqrt',
  op: 'Rsqrt',
  strategies: ['bracket'],
  summary: 'y = floor(sqrt(2^shift / x)), x >= 1: y^2·x <= 2^shift < (y+1)^2·x, 3 products + bits',
  abi,
  cost,
  synthesize,
  soundnessCases,
};
