import {
  GELU_ERF_POLY, GELU_ERF_TABLE, GELU_FORMS, GELU_MIN_FRAC, GELU_POLY_BITS, GELU_RANGE_LOG2, GELU_STRATEGIES,
  GELU_TABLE_INDEX_BITS, GELU_TANH_POLY, GELU_TANH_TABLE, GeluForm, GeluStrategy, geluBounds, geluErrorBound, geluHFrac,
  geluTableLowBits, raise,
} from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { bitLength } from '../r1cs/field';
import { Signal, signalAdd, signalConstant, signalScale } from '../r1cs/linear-combination';
import { caseInputs, caseTensor } from '../soundness/case-input';
import { checkFieldMargin, decompositionCost, fromBits, gadgetSite, sumCost } from './bits';
import { proveRange, rangeCost, rangeMode } from './blocks/range';
import { SignCase, signedAbs, signedAbsValue, signedAbsValueCost } from './blocks/signed-abs';
import {
  FunctionFamily, FunctionTable, addCost, fitsTables, mul, polyInField, productChain, productChainCost, quadInField, selectCost,
  selectRow, selectTables, splitPieces, splitWires, tableColumns, tableSelectCost, uniqueTables, zeroGate, zeroGateCost, zeroGateTables,
} from './exp-arith';
import { boundAt, labelOf, Params } from './params';
import { checkBounds, rescaleBits, rescaleBitsCost } from './rescale-bits';
import type { AbiParam, Cost, GadgetDef, ParamValue, SoundnessCase } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { input: 0 } } },
  { kind: 'int', name: 'frac', from: { frac: { input: 0 } } },
  { kind: 'int', name: 'form', from: { choice: 'approximate', of: ['none', 'tanh'] } },
  { kind: 'int', name: 'strategy', from: { strategy: true } },
  { kind: 'lo', name: 'lo', of: { input: 0 } },
  { kind: 'hi', name: 'hi', of: { input: 0 } },
  { kind: 'lo', name: 'ylo', of: { output: 0 } },
  { kind: 'hi', name: 'yhi', of: { output: 0 } },
];

interface Setting {
  frac: number;
  form: GeluForm;
  strategy: GeluStrategy;
}

/** Per element: the sign handling, the bits of a = |x| and of y − ylo, the rescale shift. */
interface ElementPlan {
  sign: SignCase;
  aBits: number;
  shift: number;
  yBits: number;
}

function plan(set: Setting, lo: bigint, hi: bigint, ylo: bigint, yhi: bigint): ElementPlan {
  const amax = -lo > hi ? -lo : hi;
  const sign = lo >= 0n ? 'pos' : hi <= 0n ? 'neg' : 'mixed';
  const aBits = Math.max(bitLength(amax), set.frac + GELU_RANGE_LOG2);
  const shift = geluHFrac(set.frac, set.strategy) - set.frac;
  checkFieldMargin(aBits, {});
  return { sign, aBits, shift, yBits: bitLength(yhi - ylo) };
}

/**
 * With lookups (groth16-cr), a = |x| is split into pieces instead of bits. Table: a = key·2^l + r
 * with the segment key = a >> l; the coefficients are looked up by key in `gelu_<form>_c<i>_k<kb>`,
 * kb = aBits − l, whose rows 32 and above are 0 (h = 0 beyond 4, as the gates make it), so no
 * gate is needed while 3·2^kb ≤ 2^12; wider keys are split into the 5 index bits (tables of
 * 32 rows) and the part above, which gates h (exp-arith zeroGate). Poly: a = hi·2^(f+2) + u·2^d +
 * rest, u the polynomial's input, hi gated as for the table. r, u and rest are range-proved by
 * limb lookups. The same integers as the bits, so the error bound is unchanged.
 */
const FAMILIES: Record<GeluForm, FunctionFamily> = {
  erf: { name: 'gelu_erf', columns: 3, value: (k, i) => (k < GELU_ERF_TABLE.length ? GELU_ERF_TABLE[k][i] : 0n) },
  tanh: { name: 'gelu_tanh', columns: 3, value: (k, i) => (k < GELU_TANH_TABLE.length ? GELU_TANH_TABLE[k][i] : 0n) },
};

/** The lookup layout of an element: the widths of a's pieces and how the gate above the table is made. */
function lookupLayout(set: Setting, pl: ElementPlan): { widths: number[]; keyBits: number; gateBits: number } {
  const top = set.frac + GELU_RANGE_LOG2;
  const high = pl.aBits - top;
  if (set.strategy === 'table') {
    const l = geluTableLowBits(set.frac);
    const kb = pl.aBits - l;
    if (fitsTables(FAMILIES[set.form], kb)) return { widths: [l, kb], keyBits: kb, gateBits: 0 };
    return { widths: [l, GELU_TABLE_INDEX_BITS, high], keyBits: GELU_TABLE_INDEX_BITS, gateBits: high };
  }
  const d = top - GELU_POLY_BITS;
  return { widths: d >= 1 ? [d, GELU_POLY_BITS, high] : [top, high], keyBits: 0, gateBits: high };
}

function lookupElementCost(set: Setting, pl: ElementPlan): Cost {
  const { widths, keyBits, gateBits } = lookupLayout(set, pl);
  const parts: Cost[] = [signedAbsValueCost(pl.sign), { constraints: 0, wires: splitWires(widths) }];
  if (set.strategy === 'table') {
    parts.push(rangeCost(widths[0]), selectCost(keyBits, 3), { constraints: 2, wires: 2 });
  } else {
    parts.push(rangeCost(widths[0]), widths.length === 3 ? rangeCost(widths[1]) : { constraints: 0, wires: 0 });
    parts.push({ constraints: GELU_ERF_POLY.length - 2, wires: GELU_ERF_POLY.length - 2 });
  }
  if (gateBits >= 1) parts.push(zeroGateCost(gateBits), { constraints: 1, wires: 1 });
  parts.push(rescaleBitsCost(pl.shift, pl.yBits));
  return addCost(...parts);
}

function elementTables(set: Setting, pl: ElementPlan): FunctionTable[] {
  const { keyBits, gateBits } = lookupLayout(set, pl);
  return [...(set.strategy === 'table' ? selectTables(FAMILIES[set.form], keyBits) : []), ...zeroGateTables(gateBits)];
}

/** Per element, in the current range mode (lookups: without the function tables' fixed cost, geluFunctionTables). */
function elementCost(set: Setting, pl: ElementPlan): Cost {
  if (rangeMode().kind === 'lookup') return lookupElementCost(set, pl);
  const high = pl.aBits - (set.frac + GELU_RANGE_LOG2);
  const approx = set.strategy === 'table' ? tableSelectCost(GELU_TABLE_INDEX_BITS) + 2 : GELU_ERF_POLY.length - 2;
  const products = (pl.sign === 'mixed' ? 2 : 0) + approx + productChainCost(high) + (high >= 1 ? 1 : 0);
  const [a, r] = [decompositionCost(pl.aBits), rescaleBitsCost(pl.shift, pl.yBits)];
  return { constraints: products + a.constraints + r.constraints, wires: products + a.wires + r.wires };
}

function read(values: ParamValue[], loc: string[]) {
  const p = new Params('gelu', abi, values);
  const set: Setting = { frac: p.int('frac'), form: GELU_FORMS[p.int('form')], strategy: GELU_STRATEGIES[p.int('strategy')] };
  if (set.frac < GELU_MIN_FRAC || set.frac > 40) raise(Errors.BAD_FRAC, gadgetSite(loc, 'Gelu'), `Gelu at frac ${set.frac}, supported ${GELU_MIN_FRAC}..40`);
  const b = ['lo', 'hi', 'ylo', 'yhi'].map((name) => p.bounds(name));
  const planAt = (i: number) => plan(set, boundAt(b[0], i), boundAt(b[1], i), boundAt(b[2], i), boundAt(b[3], i));
  return { p, set, n: p.int('n'), b, planAt };
}

/** An element plan's identity: elements with equal plans have equal costs and tables. */
function planKey(pl: ElementPlan): string {
  return `${pl.sign}:${pl.aBits}:${pl.shift}:${pl.yBits}`;
}

function cost(values: ParamValue[]): Cost {
  const { set, n, planAt } = read(values, []);
  // a layer's elements share a few plans: each plan is costed once (in the current range mode)
  const costs = new Map<string, Cost>();
  return sumCost(n, (i) => {
    const pl = planAt(i);
    const key = planKey(pl);
    let c = costs.get(key);
    if (!c) costs.set(key, (c = elementCost(set, pl)));
    return c;
  });
}

type Label = (part: string, ...index: number[]) => string;

/** H ≈ h(a)·2^F from the bits of a below 2^(f+2). */
function approxH(cs: ConstraintSystem, bits: Signal[], set: Setting, label: Label): Signal {
  const top = set.frac + GELU_RANGE_LOG2;
  if (set.strategy === 'poly') {
    const d = top - GELU_POLY_BITS;
    const u = d >= 0 ? fromBits(bits.slice(d, top), 0n) : signalScale(fromBits(bits.slice(0, top), 0n), 1n << BigInt(-d));
    return polyInField(cs, u, set.form === 'erf' ? GELU_ERF_POLY : GELU_TANH_POLY, GELU_POLY_BITS, (i) => label('pow', i));
  }
  const l = geluTableLowBits(set.frac);
  const coeffs = tableColumns(cs, bits.slice(l, top), set.form === 'erf' ? GELU_ERF_TABLE : GELU_TANH_TABLE, (u) => label('mono', u));
  return quadInField(cs, coeffs, fromBits(bits.slice(0, l), 0n), l, (part) => label(part));
}

/** a = |x| and H gated to 0 from 4 on, from the pieces of a (lookups; see lookupLayout). */
function lookupH(cs: ConstraintSystem, x: Signal, set: Setting, pl: ElementPlan, label: Label): { a: Signal; h: Signal } {
  const { a } = signedAbsValue(cs, x, pl.sign, label);
  const { widths, keyBits, gateBits } = lookupLayout(set, pl);
  const table = set.strategy === 'table';
  const names = table ? ['r', 'seg', 'hi'] : widths.length === 3 ? ['rest', 'u', 'hi'] : ['u', 'hi'];
  const pieces = splitPieces(cs, a, widths, names.map((n) => label(n)));
  proveRange(cs, pieces[0], widths[0], label(names[0]));
  let h: Signal;
  if (table) {
    const l = widths[0];
    const coeffs = selectRow(cs, pieces[1], keyBits, FAMILIES[set.form], (part, ...i) => label(`seg_${part}`, ...i));
    h = quadInField(cs, coeffs, pieces[0], l, (part) => label(part));
  } else {
    if (widths.length === 3) proveRange(cs, pieces[1], GELU_POLY_BITS, label('u'));
    // Without a rest (top ≤ 14 bits), u = (a mod 2^top)·2^(14 − top).
    const u = widths.length === 3 ? pieces[1] : signalScale(pieces[0], 1n << BigInt(GELU_POLY_BITS - widths[0]));
    h = polyInField(cs, u, set.form === 'erf' ? GELU_ERF_POLY : GELU_TANH_POLY, GELU_POLY_BITS, (i) => label('pow', i));
  }
  if (gateBits >= 1) {
    const gate = zeroGate(cs, pieces[pieces.length - 1], gateBits, (part, ...i) => label(`hi_${part}`, ...i));
    h = mul(cs, h, gate, label('h_gated'));
  }
  return { a, h };
}

function geluElement(cs: ConstraintSystem, x: Signal, set: Setting, pl: ElementPlan, ylo: bigint, where: { loc: string[]; e: number }): Signal {
  const label: Label = (part, ...i) => labelOf(where.loc, 'gelu', part, where.e, ...i);
  let a: Signal;
  let h: Signal;
  if (cs.lookups) {
    ({ a, h } = lookupH(cs, x, set, pl, label));
  } else {
    const abs = signedAbs(cs, x, pl.sign, pl.aBits, label);
    a = abs.a;
    h = approxH(cs, abs.bits, set, label);
    const gates = abs.bits.slice(set.frac + GELU_RANGE_LOG2).map((b) => signalAdd(signalConstant(1n), b, -1n));
    if (gates.length) h = mul(cs, h, productChain(cs, gates, (i) => label('gate', i)), label('h_gated'));
  }
  const s = BigInt(pl.shift);
  // relu(x)·2^(F−f): x, 0, or (a + x)/2 when x takes both signs.
  const relu = pl.sign === 'neg' ? signalConstant(0n) : pl.sign === 'pos' ? signalScale(x, 1n << s) : signalScale(signalAdd(a, x), 1n << (s - 1n));
  const z = signalAdd(relu, h, -1n);
  return rescaleBits(cs, z, pl.shift, ylo, pl.yBits, { loc: where.loc, gadget: 'gelu', op: 'Gelu', element: where.e }).q;
}

/** The function tables gelu looks up in under groth16-cr (by name, each once; their fixed cost is not in cost()). */
export function geluFunctionTables(values: ParamValue[]): FunctionTable[] {
  const { set, n, b, planAt } = read(values, []);
  const seen = new Set<string>();
  const tables: FunctionTable[] = [];
  for (let i = 0; i < Math.min(n, Math.max(...b.map((x) => x.length))); i++) {
    const pl = planAt(i);
    const key = planKey(pl);
    if (seen.has(key)) continue;
    seen.add(key);
    tables.push(...elementTables(set, pl));
  }
  return uniqueTables(tables);
}

/** GELU per element, bit-exact with tensor-ir geluInt, by bits or (groth16-cr) by lookups: the same integers. */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const { p, set, b, planAt } = read(values, loc);
  return p.signals('x').map((x, e) => {
    checkBounds(x.value, boundAt(b[0], e), boundAt(b[1], e), e, { loc, op: 'Gelu' });
    const pl = planAt(e);
    checkFieldMargin(pl.aBits, gadgetSite(loc, 'Gelu'));
    const y = geluElement(cs, x, set, pl, boundAt(b[2], e), { loc, e });
    checkBounds(y.value, boundAt(b[2], e), boundAt(b[3], e), e, { loc, op: 'Gelu' });
    return y;
  });
}

/** |y − GELU(x)| for the node's form (tensor-ir geluErrorBound); the same on both backends (same integers). */
function errorBound(values: ParamValue[]): number {
  const { set } = read(values, []);
  return geluErrorBound(set.frac, set.form, set.strategy);
}

/** Four elements at frac 4 over [−6, 6] (the gate beyond 4 included), each form and strategy. */
function soundnessCases(): SoundnessCase[] {
  const [ylo, yhi] = geluBounds(-96n, 96n, 4);
  return GELU_FORMS.flatMap((form, f) => GELU_STRATEGIES.map((s, strategy) => ({
    params: [caseInputs([-96, -12, 0, 70]), 4, 4, 4, f, strategy, caseTensor([-96]), caseTensor([96]), caseTensor([ylo]), caseTensor([yhi])],
    note: `gelu ${form} ${s}, frac 4, x ∈ [−6, 6]`,
  })));
}

export const gelu: GadgetDef = {
  name: 'gelu',
  op: 'Gelu',
  strategies: [...GELU_STRATEGIES],
  summary: 'y = relu(x) - h(|x|), h(a) = a*Phi(-a) (erf or tanh form) by a table on the top bits of |x| or a polynomial in the field',
  abi,
  cost,
  synthesize,
  soundnessCases,
  errorBound,
};
