import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { bitLength } from '../r1cs/field';
import { Signal, signalAdd, signalConstant, signalScale } from '../r1cs/linear-combination';
import { checkFieldMargin, decompose, decompositionCost, gadgetSite, sumCost } from './bits';
import { boundAt, labelOf, Params } from './params';
import type { AbiParam, Cost, GadgetDef, ParamValue } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'int', name: 'n', from: { numel: { input: 0 } } },
  { kind: 'lo', name: 'lo', of: { input: 0 } },
  { kind: 'hi', name: 'hi', of: { input: 0 } },
];

/** x − lo ∈ [0, 2^k) with k = bitlen(hi − lo); when hi − lo + 1 is not a power of two that
 * allows values above hi, so hi − x ∈ [0, 2^k) is proved as well. */
function plan(lo: bigint, hi: bigint): { k: number; twoSided: boolean } {
  const width = hi - lo + 1n;
  return { k: bitLength(hi - lo), twoSided: (width & (width - 1n)) !== 0n };
}

function cost(values: ParamValue[]): Cost {
  const p = new Params('range_check', abi, values);
  const [n, lo, hi] = [p.int('n'), p.bounds('lo'), p.bounds('hi')];
  return sumCost(n, (i) => {
    const { k, twoSided } = plan(boundAt(lo, i), boundAt(hi, i));
    checkFieldMargin(k, {});
    const c = decompositionCost(k);
    const times = twoSided ? 2 : 1;
    return { constraints: c.constraints * times, wires: c.wires * times };
  });
}

function checkElement(cs: ConstraintSystem, x: Signal, lo: bigint, hi: bigint, loc: string[], e: number): void {
  const site = gadgetSite(loc, 'RangeCheck');
  if (x.value < lo || x.value > hi) raise(Errors.INPUT_OUT_OF_RANGE, site, `element ${e} is ${x.value}, range [${lo}, ${hi}]`);
  const { k, twoSided } = plan(lo, hi);
  checkFieldMargin(k, site);
  decompose(cs, signalAdd(x, signalConstant(-lo)), k, (i) => labelOf(loc, 'range_check', 'low_bit', e, i));
  if (twoSided) {
    const above = signalAdd(signalConstant(hi), signalScale(x, -1n));
    decompose(cs, above, k, (i) => labelOf(loc, 'range_check', 'high_bit', e, i));
  }
}

/** Asserts lo ≤ x ≤ hi for every element (graph inputs); no outputs. */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('range_check', abi, values);
  const [x, lo, hi] = [p.signals('x'), p.bounds('lo'), p.bounds('hi')];
  x.forEach((xi, e) => checkElement(cs, xi, boundAt(lo, e), boundAt(hi, e), loc, e));
  return [];
}

export const rangeCheck: GadgetDef = {
  name: 'range_check',
  op: 'RangeCheck',
  strategies: ['bits'],
  summary: 'lo <= x <= hi: bits of x - lo (and of hi - x unless the range is a power of two)',
  abi,
  cost,
  synthesize,
};
