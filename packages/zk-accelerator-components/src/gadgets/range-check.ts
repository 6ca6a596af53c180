import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { bitLength } from '../r1cs/field';
import { Signal, signalAdd, signalConstant, signalScale } from '../r1cs/linear-combination';
import { checkFieldMargin, decompose, fromBits, gadgetSite, sumCost } from './bits';
import { proveRange, rangeCost, rangeMode } from './blocks/range';
import { boundAt, labelOf, Params } from './params';
import type { AbiParam, Cost, GadgetDef, ParamValue } from './types';
import { caseInputs, caseTensor } from '../soundness/case-input';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'int', name: 'n', from: { numel: { input: 0 } } },
  { kind: 'lo', name: 'lo', of: { input: 0 } },
  { kind: 'hi', name: 'hi', of: { input: 0 } },
];

/**
 * How lo ≤ x ≤ hi is proved for a width w = hi − lo + 1:
 * - exact: w = 2^k, the k bits of x − lo say it all;
 * - top: w = 2^(k−1) + 1 (the common closed ranges [0, 1], [−8, 8] at any frac): k bits of x − lo
 *   plus one constraint b_top · (the lower bits' value) = 0, so x − lo may reach 2^(k−1) only exactly;
 * - two-sided: otherwise, k bits of x − lo and k bits of hi − x.
 * With lookups (groth16-cr) the bits become limb lookups; `top` is then a flag f = [x − lo = 2^(k−1)]
 * (boolean), u = x − lo − f·2^(k−1) ∈ [0, 2^(k−1)) and f·u = 0.
 */
type Mode = 'exact' | 'top' | 'two-sided';

function plan(lo: bigint, hi: bigint): { k: number; mode: Mode } {
  const width = hi - lo + 1n;
  const k = bitLength(hi - lo);
  if ((width & (width - 1n)) === 0n) return { k, mode: 'exact' };
  if (k > 0 && hi - lo === 1n << BigInt(k - 1)) return { k, mode: 'top' };
  return { k, mode: 'two-sided' };
}

function elementCost(lo: bigint, hi: bigint): Cost {
  const { k, mode } = plan(lo, hi);
  checkFieldMargin(k, {});
  const c = rangeCost(k);
  if (mode === 'exact') return c;
  if (mode === 'top' && rangeMode().kind === 'lookup') {
    const u = rangeCost(k - 1);
    return { constraints: u.constraints + 2, wires: u.wires + 1 };
  }
  if (mode === 'top') return { constraints: c.constraints + 1, wires: c.wires };
  return { constraints: 2 * c.constraints, wires: 2 * c.wires };
}

function cost(values: ParamValue[]): Cost {
  const p = new Params('range_check', abi, values);
  const [n, lo, hi] = [p.int('n'), p.bounds('lo'), p.bounds('hi')];
  return sumCost(n, (i) => elementCost(boundAt(lo, i), boundAt(hi, i)));
}

function checkElement(cs: ConstraintSystem, x: Signal, lo: bigint, hi: bigint, loc: string[], e: number): void {
  const site = gadgetSite(loc, 'RangeCheck');
  if (x.value < lo || x.value > hi) raise(Errors.INPUT_OUT_OF_RANGE, site, `element ${e} is ${x.value}, range [${lo}, ${hi}]`);
  const { k, mode } = plan(lo, hi);
  checkFieldMargin(k, site);
  if (cs.lookups) {
    const t = signalAdd(x, signalConstant(-lo));
    if (mode === 'top') {
      const top = 1n << BigInt(k - 1);
      const f = cs.newWire(t.value === top ? 1n : 0n, labelOf(loc, 'range_check', 'top', e));
      cs.constrain(f, signalAdd(f, cs.one, -1n), new Map(), labelOf(loc, 'range_check', 'top', e));
      const u = signalAdd(t, f, -top);
      cs.constrain(f, u, new Map(), labelOf(loc, 'range_check', 'top_only', e));
      proveRange(cs, u, k - 1, labelOf(loc, 'range_check', 'low_bit', e));
      return;
    }
    proveRange(cs, t, k, labelOf(loc, 'range_check', 'low_bit', e));
    if (mode === 'two-sided') proveRange(cs, signalAdd(signalConstant(hi), signalScale(x, -1n)), k, labelOf(loc, 'range_check', 'high_bit', e));
    return;
  }
  const bits = decompose(cs, signalAdd(x, signalConstant(-lo)), k, (i) => labelOf(loc, 'range_check', 'low_bit', e, i));
  if (mode === 'top') {
    // x − lo ≤ 2^(k−1): when the top bit is set, every lower bit must be 0.
    const lower = fromBits(bits.slice(0, k - 1), 0n);
    cs.constrain(bits[k - 1].lc, lower.lc, new Map(), labelOf(loc, 'range_check', 'top', e, 0));
  } else if (mode === 'two-sided') {
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
  summary: 'lo <= x <= hi: bits of x - lo; a top-bit product when hi - lo is a power of two; else bits of hi - x too',
  abi,
  cost,
  synthesize,
  soundnessCases: () => [
    { params: [caseInputs([-3, 3, 0]), 3, caseTensor([-3]), caseTensor([3])], note: 'two-sided [-3, 3]' },
    { params: [caseInputs([8, -8]), 2, caseTensor([-8]), caseTensor([8])], note: 'top mode [-8, 8]' },
    { params: [caseInputs([0, 7, 5]), 3, caseTensor([0]), caseTensor([7])], note: 'exact [0, 7]' },
  ],
};
