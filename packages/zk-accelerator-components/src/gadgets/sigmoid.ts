import {
  SIGMOID_COEF_FRAC, SIGMOID_FORMS, SIGMOID_MIN_FRAC, SIGMOID_TABLE_INDEX_BITS, SIGMOID_STRATEGIES, SIGMOID_TANH_TABLE, SigmoidForm,
  raise, sigmoidBounds, sigmoidErrorBound, sigmoidHalf, sigmoidInt, sigmoidShift, sigmoidTFrac, sigmoidTableLowBits,
  sigmoidTopBits,
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
  FunctionFamily, FunctionTable, addCost, fitsTables, mul, productChain, productChainCost, selectCost, selectRow, selectTables,
  splitPieces, splitWires, tableColumns, tableSelectCost, uniqueTables, zeroGate, zeroGateCost, zeroGateTables,
} from './exp-arith';
import { boundAt, labelOf, Params } from './params';
import { checkBounds, rescaleBits, rescaleBitsCost } from './rescale-bits';
import type { AbiParam, Cost, GadgetDef, ParamValue, SoundnessCase } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'x', input: 0 },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'n', from: { numel: { input: 0 } } },
  { kind: 'int', name: 'frac', from: { frac: { input: 0 } } },
  { kind: 'int', name: 'form', from: { choice: 'form', of: [...SIGMOID_FORMS] } },
  { kind: 'int', name: 'strategy', from: { strategy: true } },
  { kind: 'lo', name: 'lo', of: { input: 0 } },
  { kind: 'hi', name: 'hi', of: { input: 0 } },
  { kind: 'lo', name: 'ylo', of: { output: 0 } },
  { kind: 'hi', name: 'yhi', of: { output: 0 } },
];

/** The segment polynomials' degree: Horner spends one product per degree. */
const DEGREE = SIGMOID_TANH_TABLE[0].length - 1;

/**
 * Per element: the sign handling, the bits of a = |x| and of y − ylo. a gets only the bits its
 * bounds need: the table's index bits above them are constant 0, so a narrow input selects among
 * fewer rows (fewer monomial products), and bits above the table (gates) exist only when needed.
 */
interface ElementPlan {
  sign: SignCase;
  aBits: number;
  /** Index bits that are live (below aBits). */
  indexBits: number;
  /** Bits of a above the table: each a gate factor. */
  gateBits: number;
  yBits: number;
}

function plan(frac: number, form: SigmoidForm, lo: bigint, hi: bigint, ylo: bigint, yhi: bigint): ElementPlan {
  const amax = -lo > hi ? -lo : hi;
  const sign = lo >= 0n ? 'pos' : hi <= 0n ? 'neg' : 'mixed';
  const [aBits, top] = [bitLength(amax), sigmoidTopBits(frac, form)];
  const indexBits = Math.max(0, Math.min(aBits, top) - sigmoidTableLowBits(frac, form));
  return { sign, aBits, indexBits, gateBits: Math.max(0, aBits - top), yBits: bitLength(yhi - ylo) };
}

/**
 * With lookups (groth16-cr), a = |x| is split into pieces instead of bits: a = key·2^l + r with the
 * segment key = a >> l of kb = aBits − l bits. The coefficients are looked up by key in
 * `tanh_c<i>_k<kb>` (both forms: the segments are tanh's), whose rows 32 and above are the constant
 * segment [2^24, 0, 0, 0]: its value is exactly 2^F, the saturation, so no gate is needed while
 * 4·2^kb ≤ 2^12 (a key of 3 bits or fewer selects by its bits, which is cheaper). Wider keys are
 * split into the 5 index bits and the part above, a gate as with bits (exp-arith zeroGate). r is
 * range-proved by limb lookups. The same integers as the bits, so the error bound is unchanged.
 */
export const TANH_FAMILY: FunctionFamily = {
  name: 'tanh',
  columns: DEGREE + 1,
  value: (k, i) => (k < SIGMOID_TANH_TABLE.length ? SIGMOID_TANH_TABLE[k][i] : i === 0 ? 1n << BigInt(SIGMOID_COEF_FRAC) : 0n),
};

function lookupLayout(frac: number, form: SigmoidForm, pl: ElementPlan): { widths: number[]; keyBits: number; gateBits: number } {
  const [top, l] = [sigmoidTopBits(frac, form), sigmoidTableLowBits(frac, form)];
  const kb = Math.max(0, pl.aBits - l);
  if (fitsTables(TANH_FAMILY, kb)) return { widths: [Math.min(pl.aBits, l), kb], keyBits: kb, gateBits: 0 };
  return { widths: [l, SIGMOID_TABLE_INDEX_BITS, pl.aBits - top], keyBits: SIGMOID_TABLE_INDEX_BITS, gateBits: pl.aBits - top };
}

function lookupElementCost(frac: number, form: SigmoidForm, pl: ElementPlan): Cost {
  const { widths, keyBits, gateBits } = lookupLayout(frac, form, pl);
  const mixed = pl.sign === 'mixed' ? 1 : 0;
  const products = DEGREE + (gateBits >= 1 ? 1 + mixed : mixed);
  return addCost(
    signedAbsValueCost(pl.sign), { constraints: 0, wires: splitWires(widths) }, rangeCost(widths[0]), selectCost(keyBits, TANH_FAMILY.columns),
    gateBits >= 1 ? zeroGateCost(gateBits) : { constraints: 0, wires: 0 }, { constraints: products, wires: products },
    rescaleBitsCost(sigmoidShift(frac, form), pl.yBits),
  );
}

function elementTables(frac: number, form: SigmoidForm, pl: ElementPlan): FunctionTable[] {
  const { keyBits, gateBits } = lookupLayout(frac, form, pl);
  return [...selectTables(TANH_FAMILY, keyBits), ...zeroGateTables(gateBits)];
}

/** Per element, in the current range mode (lookups: without the function tables' fixed cost, sigmoidFunctionTables). */
function elementCost(frac: number, form: SigmoidForm, pl: ElementPlan): Cost {
  if (rangeMode().kind === 'lookup') return lookupElementCost(frac, form, pl);
  const mixed = pl.sign === 'mixed' ? 1 : 0;
  const factors = mixed + pl.gateBits; // σ when it is not a constant, and the gates
  const gate = factors >= 1 ? productChainCost(factors) + 1 : 0;
  const products = 2 * mixed + tableSelectCost(pl.indexBits) + DEGREE + gate;
  const [a, r] = [decompositionCost(pl.aBits), rescaleBitsCost(sigmoidShift(frac, form), pl.yBits)];
  return { constraints: products + a.constraints + r.constraints, wires: products + a.wires + r.wires };
}

function read(values: ParamValue[], loc: string[]) {
  const p = new Params('sigmoid', abi, values);
  const [frac, form] = [p.int('frac'), SIGMOID_FORMS[p.int('form')]];
  if (frac < SIGMOID_MIN_FRAC || frac > 40) raise(Errors.BAD_FRAC, gadgetSite(loc, 'Sigmoid'), `Sigmoid at frac ${frac}, supported ${SIGMOID_MIN_FRAC}..40`);
  const b = ['lo', 'hi', 'ylo', 'yhi'].map((name) => p.bounds(name));
  const planAt = (i: number) => plan(frac, form, boundAt(b[0], i), boundAt(b[1], i), boundAt(b[2], i), boundAt(b[3], i));
  return { p, frac, form, n: p.int('n'), b, planAt };
}

function cost(values: ParamValue[]): Cost {
  const { frac, form, n, planAt } = read(values, []);
  return sumCost(n, (i) => elementCost(frac, form, planAt(i)));
}

type Label = (part: string, ...index: number[]) => string;

/** Σ c_i·r^i·2^((d−i)·l), Horner from c_d: d products (tensor-ir hornerSegmentQ). */
function hornerInField(cs: ConstraintSystem, c: Signal[], r: Signal, l: number, label: (i: number) => string): Signal {
  let acc = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) acc = signalAdd(mul(cs, acc, r, label(i)), c[i], 1n << BigInt((c.length - 1 - i) * l));
  return acc;
}

/** σ·T from the pieces of a (lookups; see lookupLayout). */
function lookupSignedT(cs: ConstraintSystem, x: Signal, frac: number, form: SigmoidForm, pl: ElementPlan, label: Label): Signal {
  const [l, bigF] = [sigmoidTableLowBits(frac, form), sigmoidTFrac(frac, form)];
  const { sigma, a } = signedAbsValue(cs, x, pl.sign, label);
  const { widths, keyBits, gateBits } = lookupLayout(frac, form, pl);
  const pieces = splitPieces(cs, a, widths, ['r', 'seg', 'hi'].map((n) => label(n)));
  proveRange(cs, pieces[0], widths[0], label('r'));
  const cols = selectRow(cs, pieces[1], keyBits, TANH_FAMILY, (part, ...i) => label(`seg_${part}`, ...i));
  const t = hornerInField(cs, cols, pieces[0], l, (i) => label('horner', i));
  // σ·T = σ·2^F + (σ·w)·(t − 2^F) with w = [a < 2^top] (1 when the table saturates by itself).
  const one = 1n << BigInt(bigF);
  const factors = gateBits >= 1 ? [zeroGate(cs, pieces[2], gateBits, (part, ...i) => label(`hi_${part}`, ...i))] : [];
  if (pl.sign === 'mixed') factors.unshift(sigma);
  if (factors.length === 0) return signalScale(t, sigma.value);
  const w = productChain(cs, factors, (i) => label('gate', i));
  const p = mul(cs, w, signalAdd(t, signalConstant(-one)), label('t_gated'));
  return pl.sign === 'mixed' ? signalAdd(signalScale(sigma, one), p) : signalScale(signalAdd(signalConstant(one), p), sigma.value);
}

function sigmoidElement(cs: ConstraintSystem, x: Signal, frac: number, form: SigmoidForm, pl: ElementPlan, ylo: bigint, where: { loc: string[]; e: number }): Signal {
  const label: Label = (part, ...i) => labelOf(where.loc, 'sigmoid', part, where.e, ...i);
  const [top, l, bigF] = [sigmoidTopBits(frac, form), sigmoidTableLowBits(frac, form), sigmoidTFrac(frac, form)];
  if (cs.lookups) {
    const z = signalAdd(signalConstant(BigInt(sigmoidHalf(form)) << BigInt(bigF)), lookupSignedT(cs, x, frac, form, pl, label));
    return rescaleBits(cs, z, sigmoidShift(frac, form), ylo, pl.yBits, { loc: where.loc, gadget: 'sigmoid', op: 'Sigmoid', element: where.e }).q;
  }
  const { sigma, bits } = signedAbs(cs, x, pl.sign, pl.aBits, label);
  const rows = SIGMOID_TANH_TABLE.slice(0, 1 << pl.indexBits); // a < 2^aBits reaches only these
  const cols = tableColumns(cs, bits.slice(l, l + pl.indexBits), rows, (u) => label('mono', u));
  const t = hornerInField(cs, cols, fromBits(bits.slice(0, l), 0n), l, (i) => label('horner', i));
  // σ·T with T = t below 2^top and 2^F above: σ·2^F + (σ·Π(1 − b))·(t − 2^F), σ a factor when not constant.
  const one = 1n << BigInt(bigF);
  const gates = bits.slice(top).map((b) => signalAdd(signalConstant(1n), b, -1n));
  const factors = pl.sign === 'mixed' ? [sigma, ...gates] : gates;
  let signedT = signalScale(t, sigma.value);
  if (factors.length > 0) {
    const w = productChain(cs, factors, (i) => label('gate', i));
    const p = mul(cs, w, signalAdd(t, signalConstant(-one)), label('t_gated'));
    signedT = pl.sign === 'mixed' ? signalAdd(signalScale(sigma, one), p) : signalScale(signalAdd(signalConstant(one), p), sigma.value);
  }
  const z = signalAdd(signalConstant(BigInt(sigmoidHalf(form)) << BigInt(bigF)), signedT);
  return rescaleBits(cs, z, sigmoidShift(frac, form), ylo, pl.yBits, { loc: where.loc, gadget: 'sigmoid', op: 'Sigmoid', element: where.e }).q;
}

/** The function tables sigmoid looks up in under groth16-cr (by name, each once; their fixed cost is not in cost()). */
export function sigmoidFunctionTables(values: ParamValue[]): FunctionTable[] {
  const { frac, form, n, b, planAt } = read(values, []);
  const elements = [...Array(Math.min(n, Math.max(...b.map((x) => x.length)))).keys()];
  return uniqueTables(elements.flatMap((i) => elementTables(frac, form, planAt(i))));
}

/** σ(x) or tanh(x) per element, bit-exact with tensor-ir sigmoidInt, by bits or (groth16-cr) by lookups: the same integers. */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const { p, frac, form, b, planAt } = read(values, loc);
  return p.signals('x').map((x, e) => {
    const site = { loc, op: 'Sigmoid' };
    checkBounds(x.value, boundAt(b[0], e), boundAt(b[1], e), e, site);
    // The output's bounds are checked before its decomposition is built on them.
    checkBounds(sigmoidInt(x.value, frac, form), boundAt(b[2], e), boundAt(b[3], e), e, site);
    const pl = planAt(e);
    checkFieldMargin(pl.aBits, gadgetSite(loc, 'Sigmoid'));
    return sigmoidElement(cs, x, frac, form, pl, boundAt(b[2], e), { loc, e });
  });
}

/** |y − σ(x)| or |y − tanh(x)| (tensor-ir sigmoidErrorBound); the same on both backends (same integers). */
function errorBound(values: ParamValue[]): number {
  const { frac, form } = read(values, []);
  return sigmoidErrorBound(frac, form);
}

/** Frac 4: each form over a range reaching past the table (gates live), narrow ranges (fewer live index bits), a fixed sign. */
function soundnessCases(): SoundnessCase[] {
  const kase = (form: SigmoidForm, xs: number[], lo: number, hi: number): SoundnessCase => {
    const [ylo, yhi] = sigmoidBounds(BigInt(lo), BigInt(hi), 4, form);
    const params = [caseInputs(xs), xs.length, xs.length, 4, SIGMOID_FORMS.indexOf(form), 0, caseTensor([lo]), caseTensor([hi]), caseTensor([ylo]), caseTensor([yhi])];
    return { params, note: `sigmoid ${form}, frac 4, x ∈ [${lo / 16}, ${hi / 16}]` };
  };
  return [kase('sigmoid', [-320, -12, 0, 300], -320, 320), kase('tanh', [-160, -12, 0, 130], -160, 160), kase('sigmoid', [-40, 0, 33], -40, 40), kase('tanh', [-40, -1], -40, -1)];
}

export const sigmoid: GadgetDef = {
  name: 'sigmoid',
  op: 'Sigmoid',
  strategies: [...SIGMOID_STRATEGIES],
  summary: 'y = 1/2 + sign(x)*tanh(|x|/2)/2 (sigmoid) or sign(x)*tanh(|x|) (tanh); tanh by 32 cubic segments on the top bits of |x|, 1 beyond 8',
  abi,
  cost,
  synthesize,
  soundnessCases,
  errorBound,
};
