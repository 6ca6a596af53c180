import { EXP_STRATEGIES, ExpStrategy, expHi, raise, softmaxErrorBound, softmaxExpFrac, softmaxMasked } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { bitLength } from '../r1cs/field';
import { Signal, signalAdd, signalConstant, signalScale } from '../r1cs/linear-combination';
import { caseInputs, caseTensor } from '../soundness/case-input';
import { checkFieldMargin, gadgetSite, signedBits, sumCost } from './bits';
import { maxOf, maxOfCost } from './blocks/compare';
import { divRound, divRoundCost } from './blocks/divide';
import { materializedSum, materializedSumCost } from './blocks/sum';
import { EXP_FRAC_RANGE } from './exp';
import { FunctionTable, uniqueTables } from './exp-arith';
import { expCore, expCoreCost, expCoreTables, expPlan, ExpPlan } from './exp-core';
import { boundAt, labelOf, Params } from './params';
import { checkBounds } from './rescale-bits';
import type { AbiParam, Cost, GadgetDef, ParamValue, SoundnessCase } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'const', name: 'mask', input: 1, optional: true },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'rows', from: { rows: { input: 0 } } },
  { kind: 'int', name: 'len', from: { dim: { input: 0 }, axis: -1 } },
  /** Elements of the mask (0 without one): it repeats over the leading dimensions of x. */
  { kind: 'int', name: 'mask_n', from: { numel: { input: 1 } } },
  { kind: 'int', name: 'frac', from: { frac: { input: 0 } } },
  { kind: 'int', name: 'strategy', from: { strategy: true } },
  { kind: 'lo', name: 'lo', of: { input: 0 } },
  { kind: 'hi', name: 'hi', of: { input: 0 } },
];

interface Shape {
  rows: number;
  len: number;
  frac: number;
  strategy: ExpStrategy;
  mask: BigInt64Array | null;
  lo: BigInt64Array;
  hi: BigInt64Array;
}

/**
 * One term of a row's max and sum: a computed element, or every live element whose bounds are one
 * point c (a constant, e.g. a causal mask's fill value) — those share one exp and one division,
 * since equal inputs give equal integers.
 */
interface RowUnit {
  members: number[];
  /** The constant value (x + mask) of the members, when they are constants. */
  constant?: bigint;
}

/** What one row spends: its live (unmasked) elements grouped into units, the max's bits, the exp and the division. */
interface RowPlan {
  live: number[];
  units: RowUnit[];
  maxBits: number;
  exp: ExpPlan;
  numBits: number;
  denBits: number;
  /** y ≤ 2^f since e ≤ Σe: the quotient needs f + 1 bits, not numBits. */
  qBits: number;
}

function read(values: ParamValue[], loc: string[]): Shape & { p: Params } {
  const p = new Params('softmax', abi, values);
  const frac = p.int('frac');
  if (frac < EXP_FRAC_RANGE[0] || frac > EXP_FRAC_RANGE[1]) raise(Errors.BAD_FRAC, gadgetSite(loc, 'Softmax'), `Softmax at frac ${frac}`);
  return {
    p, rows: p.int('rows'), len: p.int('len'), frac, strategy: EXP_STRATEGIES[p.int('strategy')],
    mask: p.tensor('mask'), lo: p.bounds('lo'), hi: p.bounds('hi'),
  };
}

const maskAt = (s: Shape, e: number): bigint => (s.mask ? s.mask[e % s.mask.length] : 0n);

function rowPlan(s: Shape, r: number): RowPlan {
  const base = r * s.len;
  const live = [...Array(s.len).keys()].map((i) => base + i).filter((e) => !s.mask || !softmaxMasked(maskAt(s, e), s.frac));
  const vlo = live.map((e) => boundAt(s.lo, e) + maskAt(s, e));
  const vhi = live.map((e) => boundAt(s.hi, e) + maskAt(s, e));
  const maxBits = Math.max(1, ...live.map((_, i) => signedBits(vlo[i], vhi[i])));
  checkFieldMargin(maxBits + 1, {});
  const dLo = live.length ? vlo.reduce((a, b) => (b < a ? b : a)) - vhi.reduce((a, b) => (b > a ? b : a)) : 0n;
  const fe = softmaxExpFrac(s.frac, s.len);
  const top = expHi(fe);
  const units: RowUnit[] = [];
  const constants = new Map<bigint, RowUnit>();
  live.forEach((e, i) => {
    if (vlo[i] !== vhi[i]) return units.push({ members: [e] });
    const unit = constants.get(vlo[i]);
    if (unit) return unit.members.push(e);
    const fresh = { members: [e], constant: vlo[i] };
    constants.set(vlo[i], fresh);
    units.push(fresh);
  });
  return {
    live, units, maxBits, exp: expPlan(dLo, s.frac, fe, s.strategy),
    numBits: bitLength(top << BigInt(s.frac)), denBits: bitLength(top * BigInt(Math.max(1, live.length))), qBits: s.frac + 1,
  };
}

/** Per row of n units (computed elements, distinct constants): the max, n exps, the row sum on one wire (n ≥ 2), n divisions. */
function rowCost(plan: RowPlan): Cost {
  const n = plan.units.length;
  if (n === 0) return { constraints: 0, wires: 0 };
  const [m, e, d] = [maxOfCost(n, plan.maxBits), expCoreCost(plan.exp), divRoundCost(plan.numBits, plan.denBits, plan.qBits)];
  const s = materializedSumCost(n);
  return {
    constraints: m.constraints + s.constraints + n * (e.constraints + d.constraints),
    wires: m.wires + s.wires + n * (e.wires + d.wires),
  };
}

function cost(values: ParamValue[]): Cost {
  const s = read(values, []);
  return sumCost(s.rows, (r) => rowCost(rowPlan(s, r)));
}

/** The function tables softmax's exps look up in under groth16-cr (by name, each once; their fixed cost is not in cost()). */
export function softmaxFunctionTables(values: ParamValue[]): FunctionTable[] {
  const s = read(values, []);
  const rows = [...Array(s.rows).keys()].map((r) => rowPlan(s, r)).filter((p) => p.live.length > 0);
  return uniqueTables(rows.flatMap((p) => expCoreTables(p.exp)));
}

/**
 * Row r of x (all of x, indexed globally): v = x + mask on live elements, m = max v, e = exp(v − m),
 * y = round(e·2^f / Σe). Live elements with point bounds are the constant c: each distinct c is
 * one term of the max, one exp and one division, counted k times in the sum (the same integers
 * as k separate ones). The running max is a wire at every step and Σe is put on one wire
 * `sum[r]`, so every exp and division reads one-term signals: building a row is linear in its length.
 */
function softmaxRow(cs: ConstraintSystem, x: Signal[], s: Shape, r: number, loc: string[]): Signal[] {
  const plan = rowPlan(s, r);
  const y: Signal[] = Array.from({ length: s.len }, () => signalConstant(0n));
  if (plan.live.length === 0) return y;
  const v = plan.units.map((u) => (u.constant !== undefined ? signalConstant(u.constant) : signalAdd(x[u.members[0]], signalConstant(maskAt(s, u.members[0])))));
  const m = maxOf(cs, v, plan.maxBits, labelOf(loc, 'softmax', 'max', r));
  const e = plan.units.map((u, i) => expCore(cs, signalAdd(v[i], m, -1n), plan.exp, { loc, gadget: 'softmax', element: u.members[0] },
    (part, ...idx) => labelOf(loc, 'softmax', `exp_${part}`, u.members[0], ...idx)));
  const sum = materializedSum(cs, e.map((ei, i) => signalScale(ei, BigInt(plan.units[i].members.length))), labelOf(loc, 'softmax', 'sum', r));
  plan.units.forEach((u, i) => {
    const num = signalScale(e[i], 1n << BigInt(s.frac));
    const q = divRound(cs, num, sum, plan.numBits, plan.denBits, labelOf(loc, 'softmax', 'div', u.members[0]), plan.qBits);
    for (const el of u.members) y[el - r * s.len] = q;
  });
  return y;
}

/** Softmax along the last axis, bit-exact with tensor-ir softmaxRowInt. */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const s = read(values, loc);
  const x = s.p.signals('x');
  x.forEach((xi, e) => checkBounds(xi.value, boundAt(s.lo, e), boundAt(s.hi, e), e, { loc, op: 'Softmax' }));
  checkFieldMargin(Math.max(...[...Array(s.rows).keys()].map((r) => rowPlan(s, r).maxBits)) + 1, gadgetSite(loc, 'Softmax'));
  const out: Signal[] = [];
  for (let r = 0; r < s.rows; r++) out.push(...softmaxRow(cs, x, s, r, loc));
  return out;
}

/**
 * |y − softmax(x)| per element (tensor-ir softmaxErrorBound, which grows slowly with the row
 * length); the same on both backends, whose exps compute the same integers (exp-core.ts).
 */
function errorBound(values: ParamValue[]): number {
  const s = read(values, []);
  return softmaxErrorBound(s.frac, s.len, s.strategy);
}

/** Two rows of 3 at frac 3 over [−1, 1], a causal mask (row 0 has one live entry), each strategy; then constant entries. */
function soundnessCases(): SoundnessCase[] {
  const masked = -(1n << 19n);
  const cases: SoundnessCase[] = EXP_STRATEGIES.map((name, strategy) => ({
    params: [caseInputs([5, -8, 2, 0, 0, -3]), caseTensor([0, masked, masked, 0, 0, masked]), 6, 2, 3, 6, 3, strategy, caseTensor([-8]), caseTensor([8])],
    note: `softmax ${name}, frac 3, rows of 3, causal mask, a tie in row 1`,
  }));
  cases.push({
    params: [caseInputs([5, -2, -2, 0, -2, 1]), null, 6, 2, 3, 0, 3, 0, caseTensor([-8, -2, -2, -8, -2, -8]), caseTensor([8, -2, -2, 8, -2, 8])],
    note: 'softmax, frac 3, constant entries (point bounds, a finite mask fill) sharing one exp and division',
  });
  return cases;
}

export const softmax: GadgetDef = {
  name: 'softmax',
  op: 'Softmax',
  strategies: [...EXP_STRATEGIES],
  summary: 'softmax on the last axis: exact max, exp of x - max (exp strategies), round(e*2^f / sum e); masked entries free and 0',
  abi,
  cost,
  synthesize,
  soundnessCases,
  errorBound,
};
