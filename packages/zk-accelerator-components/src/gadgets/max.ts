import type { ConstraintSystem } from '../r1cs/constraint-system';
import { Signal, signalConstant } from '../r1cs/linear-combination';
import { checkFieldMargin, gadgetSite, signedBits, sumCost } from './bits';
import { maxOf, maxOfCost } from './blocks/compare';
import { boundAt, labelOf, Params } from './params';
import { checkBounds } from './rescale-bits';
import type { AbiParam, Cost, GadgetDef, ParamValue, SoundnessCase } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'rows', from: { rows: { input: 0 } } },
  { kind: 'int', name: 'k', from: { dim: { input: 0 }, axis: -1 } },
  { kind: 'lo', name: 'lo', of: { input: 0 } },
  { kind: 'hi', name: 'hi', of: { input: 0 } },
];

/** Bits that hold every element of row r: [lo, hi] ⊂ [−2^(bits−1), 2^(bits−1)). */
function rowBits(lo: BigInt64Array, hi: BigInt64Array, r: number, k: number): number {
  let bits = 1;
  for (let i = r * k; i < (r + 1) * k; i++) bits = Math.max(bits, signedBits(boundAt(lo, i), boundAt(hi, i)));
  return bits;
}

function cost(values: ParamValue[]): Cost {
  const p = new Params('max', abi, values);
  const [rows, k, lo, hi] = [p.int('rows'), p.int('k'), p.bounds('lo'), p.bounds('hi')];
  return sumCost(rows, (r) => {
    const bits = rowBits(lo, hi, r, k);
    checkFieldMargin(bits + 1, {});
    return maxOfCost(k, bits);
  });
}

/** y[r] = max_i x[r][i]: a running max, each step a sign decomposition of x − m and one select. */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('max', abi, values);
  const [x, rows, k, lo, hi] = [p.signals('x'), p.int('rows'), p.int('k'), p.bounds('lo'), p.bounds('hi')];
  x.forEach((xi, e) => checkBounds(xi.value, boundAt(lo, e), boundAt(hi, e), e, { loc, op: 'ReduceMax' }));
  const y: Signal[] = [];
  for (let r = 0; r < rows; r++) {
    const bits = rowBits(lo, hi, r, k);
    checkFieldMargin(bits + 1, gadgetSite(loc, 'ReduceMax'));
    y.push(maxOf(cs, x.slice(r * k, (r + 1) * k), bits, labelOf(loc, 'max', 'cmp', r)));
  }
  return y;
}

const sig = (vs: bigint[]): Signal[] => vs.map(signalConstant);
const b = (vs: bigint[]): BigInt64Array => BigInt64Array.from(vs);

function soundnessCases(): SoundnessCase[] {
  return [
    { params: [sig([3n, -2n, 3n]), 1, 1, 3, b([-4n]), b([3n])], note: 'one row of 3 in [-4, 3], a tie' },
    { params: [sig([-1n, 2n, 0n, 0n]), 2, 2, 2, b([-2n]), b([2n])], note: 'two rows of 2, a tie at 0' },
  ];
}

export const max: GadgetDef = {
  name: 'max',
  op: 'ReduceMax',
  strategies: ['chain'],
  summary: 'y = max over the last axis: per step, bits + 1 sign bits of x - m and one select',
  abi,
  cost,
  synthesize,
  soundnessCases,
};
