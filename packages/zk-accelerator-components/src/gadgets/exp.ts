import { EXP_STRATEGIES, ExpStrategy, expErrorBound, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import type { Signal } from '../r1cs/linear-combination';
import { gadgetSite, sumCost } from './bits';
import { FunctionTable, uniqueTables } from './exp-arith';
import { expCore, expCoreCost, expCoreTables, expPlan } from './exp-core';
import { boundAt, labelOf, Params } from './params';
import { caseInputs, caseTensor } from '../soundness/case-input';
import { checkBounds } from './rescale-bits';
import type { AbiParam, Cost, GadgetDef, ParamValue, SoundnessCase } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { input: 0 } } },
  { kind: 'int', name: 'frac', from: { frac: { input: 0 } } },
  { kind: 'int', name: 'strategy', from: { strategy: true } },
  { kind: 'lo', name: 'lo', of: { input: 0 } },
  { kind: 'hi', name: 'hi', of: { input: 0 } },
];

/** The frac range the exp circuit is built for (tables read 14 bits of fIn + 14). */
export const EXP_FRAC_RANGE: [number, number] = [1, 40];

/** Reads and checks the common params; raises ZK020 when an element's bound allows x > 0. */
function read(values: ParamValue[], loc: string[]) {
  const p = new Params('exp', abi, values);
  const [n, frac, lo, hi] = [p.int('n'), p.int('frac'), p.bounds('lo'), p.bounds('hi')];
  const site = gadgetSite(loc, 'Exp');
  if (frac < EXP_FRAC_RANGE[0] || frac > EXP_FRAC_RANGE[1]) raise(Errors.BAD_FRAC, site, `Exp at frac ${frac}, supported ${EXP_FRAC_RANGE.join('..')}`);
  for (let i = 0; i < n; i++) {
    if (boundAt(hi, i) > 0n) raise(Errors.EXP_POSITIVE, site, `element ${i} has bounds [${boundAt(lo, i)}, ${boundAt(hi, i)}]`);
  }
  const strategy: ExpStrategy = EXP_STRATEGIES[p.int('strategy')];
  return { p, n, frac, lo, hi, strategy };
}

function cost(values: ParamValue[]): Cost {
  const { n, frac, lo, strategy } = read(values, []);
  return sumCost(n, (i) => expCoreCost(expPlan(boundAt(lo, i), frac, frac, strategy)));
}

/** The function tables exp looks up in under groth16-cr (by name, each once; their fixed cost is not in cost()). */
export function expFunctionTables(values: ParamValue[]): FunctionTable[] {
  const { n, frac, lo, strategy } = read(values, []);
  // Per-element bounds give per-element plans; one bound for all (lo.length 1) gives one.
  const elements = [...Array(Math.min(n, lo.length)).keys()];
  return uniqueTables(elements.flatMap((i) => expCoreTables(expPlan(boundAt(lo, i), frac, frac, strategy))));
}

/**
 * y ≈ e^x per element (frac unchanged), bit-exact with tensor-ir expInt, by bits or (groth16-cr)
 * by lookups (exp-core.ts): the same integers either way.
 */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const { p, frac, lo, hi, strategy } = read(values, loc);
  return p.signals('x').map((x, e) => {
    const [l, h] = [boundAt(lo, e), boundAt(hi, e)];
    checkBounds(x.value, l, h, e, { loc, op: 'Exp' });
    const label = (part: string, ...i: number[]) => labelOf(loc, 'exp', part, e, ...i);
    return expCore(cs, x, expPlan(l, frac, frac, strategy), { loc, gadget: 'exp', element: e }, label);
  });
}

/**
 * |y − e^x| over x ≤ 0 (tensor-ir expErrorBound): approximation, truncation, C and rounding. The
 * same on both backends: lookups compute the same integers as the bits.
 */
function errorBound(values: ParamValue[]): number {
  const { frac, strategy } = read(values, []);
  return expErrorBound(frac, strategy);
}

/** Three elements at frac 4 over [−2, 0] (k up to 2; both range ends), each strategy. */
function soundnessCases(): SoundnessCase[] {
  return EXP_STRATEGIES.map((s, strategy) => ({
    params: [caseInputs([-32, -7, 0]), 3, 3, 4, strategy, caseTensor([-32]), caseTensor([0])],
    note: `exp ${s}, frac 4, x ∈ [−2, 0]`,
  }));
}

export const exp: GadgetDef = {
  name: 'exp',
  op: 'Exp',
  strategies: [...EXP_STRATEGIES],
  summary: 'y = e^x for x <= 0: bits of -x*log2(e) (range reduction), 2^-t by table or polynomial in the field, one rounding',
  abi,
  cost,
  synthesize,
  soundnessCases,
  errorBound,
};
