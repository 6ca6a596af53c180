import {
  EXP2_POLY, EXP2_TABLE, EXP_C, EXP_C_BITS, EXP_POLY_BITS, EXP_TABLE_INDEX_BITS, EXP_TABLE_LOW_BITS,
  ExpStrategy, assert, expHi, expQFrac,
} from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { bitLength } from '../r1cs/field';
import { Signal, signalAdd, signalConstant, signalScale } from '../r1cs/linear-combination';
import { checkFieldMargin, decompose, decompositionCost, fromBits, gadgetSite } from './bits';
import { proveRange, rangeCost, rangeMode } from './blocks/range';
import {
  FunctionFamily, FunctionTable, addCost, fitsTables, mul, polyInField, productChain, productChainCost, quadInField, selectCost,
  selectRow, selectTables, splitPieces, splitWires, tableColumns, tableSelectCost, zeroGate, zeroGateCost, zeroGateTables,
} from './exp-arith';
import { rescaleBits, rescaleBitsCost } from './rescale-bits';
import type { Cost } from './types';

/**
 * The exp circuit for one x ∈ [lo, 0] (frac fIn) → y (frac fOut), bit-exact with tensor-ir's
 * expInt. V = −x·C is decomposed into fraction bits t and integer bits k (V = k·2^(fIn+14) + t);
 * Q ≈ 2^(−t)·2^F from the top bits of t (poly: powers of S; table: monomials of the index bits);
 * M = 2^(K−k) from the low m bits of k (each bit a linear factor, chained), w = [no high bit of k
 * set] (k ≥ 2^m gives 0); y = round(Q·M·w / 2^(F+K−fOut)) by one remainder decomposition.
 *
 * With lookups (groth16-cr) the same integers come from pieces of V instead of its bits:
 * V = k·2^(fIn+14) + j·2^(fIn+11) + r·2^fIn + rest (table; poly: S·2^fIn + rest for the top 14
 * bits S of t), rest the linear combination. rest and r (or S) are range-proved by limb lookups,
 * the segment's coefficients are looked up by j in `exp2_table_c<i>_k3` (8 rows each), and
 * M·w = 2^(K−k)·[k < 2^m] is one lookup by k in `exp2_scale_m<m>_k<kBits>` (2^kBits rows) when
 * 2 ≤ kBits ≤ 12 (one bit: k a boolean, M·w = 2 − k); wider k is split k = k_lo + 2^m·k_hi, M from
 * `exp2_scale_m<m>_k<m>` by k_lo and w = [k_hi = 0] (exp-arith zeroGate), cheaper than the chain over
 * k's bits. The rounding is rescaleBits' (q a wire, both ranges by limbs). Every value is the one
 * the bits give, so the error bound (expErrorBound) is unchanged.
 */
export interface ExpPlan {
  fIn: number;
  fOut: number;
  strategy: ExpStrategy;
  /** Bits of k for inputs down to lo. */
  kBits: number;
  /** Bits of k that scale (2^(K−k), K = 2^m − 1); the kBits − m above them zero the output. */
  m: number;
  shift: number;
  qBits: number;
}

export type ExpLabel = (part: string, ...index: number[]) => string;

export function expPlan(lo: bigint, fIn: number, fOut: number, strategy: ExpStrategy): ExpPlan {
  const tb = fIn + EXP_C_BITS;
  const kBits = lo < 0n ? bitLength((-lo * EXP_C) >> BigInt(tb)) : 0;
  const m = Math.min(kBits, bitLength(BigInt(fOut + 1)));
  const shift = expQFrac(strategy) + (2 ** m - 1) - fOut;
  return { fIn, fOut, strategy, kBits, m, shift, qBits: bitLength(expHi(fOut)) };
}

function approxCost(strategy: ExpStrategy): number {
  return strategy === 'poly' ? EXP2_POLY.length - 2 : tableSelectCost(EXP_TABLE_INDEX_BITS) + 2;
}

/** The table strategy's coefficient rows, EXP2_TABLE[j] for j ∈ [0, 8). */
export const EXP2_TABLE_FAMILY: FunctionFamily = { name: 'exp2_table', columns: 3, value: (j, i) => EXP2_TABLE[j][i] };

/** M·w = 2^(K−k)·[k < 2^m], K = 2^m − 1, for k ∈ [0, 2^kBits). */
export function expScaleFamily(m: number): FunctionFamily {
  const K = 2 ** m - 1;
  return { name: `exp2_scale_m${m}`, columns: 1, value: (k) => (k <= K ? 1n << BigInt(K - k) : 0n) };
}

/** Widths of V's pieces with lookups: rest, then r and j (table) or S (poly), then k (or k_lo, k_hi). */
function lookupWidths(plan: ExpPlan): number[] {
  const t = plan.strategy === 'table' ? [EXP_TABLE_LOW_BITS, EXP_TABLE_INDEX_BITS] : [EXP_POLY_BITS];
  const k = fitsTables(expScaleFamily(plan.m), plan.kBits) ? [plan.kBits] : [plan.m, plan.kBits - plan.m];
  return [plan.fIn, ...t, ...k];
}

function expLookupCost(plan: ExpPlan): Cost {
  const widths = lookupWidths(plan);
  const parts: Cost[] = [{ constraints: 0, wires: splitWires(widths) }, rangeCost(plan.fIn)];
  if (plan.strategy === 'table') {
    parts.push(rangeCost(EXP_TABLE_LOW_BITS), selectCost(EXP_TABLE_INDEX_BITS, EXP2_TABLE_FAMILY.columns), { constraints: 2, wires: 2 });
  } else {
    parts.push(rangeCost(EXP_POLY_BITS), { constraints: EXP2_POLY.length - 2, wires: EXP2_POLY.length - 2 });
  }
  if (plan.kBits >= 1) {
    if (fitsTables(expScaleFamily(plan.m), plan.kBits)) parts.push(selectCost(plan.kBits, 1));
    else parts.push(selectCost(plan.m, 1), zeroGateCost(plan.kBits - plan.m), { constraints: 1, wires: 1 });
    parts.push({ constraints: 1, wires: 1 });
  }
  parts.push(rescaleBitsCost(plan.shift, plan.qBits));
  return addCost(...parts);
}

/** The function tables expCore looks up in with lookups (the circuit pays each once, by name). */
export function expCoreTables(plan: ExpPlan): FunctionTable[] {
  const tables = plan.strategy === 'table' ? selectTables(EXP2_TABLE_FAMILY, EXP_TABLE_INDEX_BITS) : [];
  if (plan.kBits === 0) return tables;
  const scale = expScaleFamily(plan.m);
  if (fitsTables(scale, plan.kBits)) return [...tables, ...selectTables(scale, plan.kBits)];
  return [...tables, ...selectTables(scale, plan.m), ...zeroGateTables(plan.kBits - plan.m)];
}

/**
 * Constraints of expCore in the current range mode (lookups: without the function tables' own
 * fixed cost, expCoreTables); with bits every one but the decompositions' first bits allocates a wire.
 */
export function expCoreCost(plan: ExpPlan): Cost {
  if (rangeMode().kind === 'lookup') return expLookupCost(plan);
  const high = plan.kBits - plan.m;
  const products = approxCost(plan.strategy) + productChainCost(plan.m) + productChainCost(high)
    + (plan.m >= 1 && high >= 1 ? 1 : 0) + (plan.kBits >= 1 ? 1 : 0);
  const v = decompositionCost(plan.fIn + EXP_C_BITS + plan.kBits);
  const r = rescaleBitsCost(plan.shift, plan.qBits);
  return { constraints: v.constraints + products + r.constraints, wires: v.wires + products + r.wires };
}

/** Q ≈ 2^(−t)·2^F from the bits of t (least significant first, fIn + 14 of them). */
function approxQ(cs: ConstraintSystem, tBits: Signal[], strategy: ExpStrategy, label: ExpLabel): Signal {
  const tb = tBits.length;
  if (strategy === 'poly') {
    const s = fromBits(tBits.slice(tb - EXP_POLY_BITS), 0n);
    return polyInField(cs, s, EXP2_POLY, EXP_POLY_BITS, (i) => label('pow', i));
  }
  const h = EXP_TABLE_INDEX_BITS;
  const coeffs = tableColumns(cs, tBits.slice(tb - h), EXP2_TABLE, (u) => label('mono', u));
  const r = fromBits(tBits.slice(tb - h - EXP_TABLE_LOW_BITS, tb - h), 0n);
  return quadInField(cs, coeffs, r, EXP_TABLE_LOW_BITS, (part) => label(part));
}

/** 2^(K−k) for the low m bits of k, and w = Π (1 − b) over the others. */
function scaleAndGate(cs: ConstraintSystem, kBits: Signal[], m: number, label: ExpLabel): Signal {
  const factors = kBits.slice(0, m).map((b, j) => signalAdd(signalConstant(1n << (1n << BigInt(j))), b, -((1n << (1n << BigInt(j))) - 1n)));
  const gates = kBits.slice(m).map((b) => signalAdd(signalConstant(1n), b, -1n));
  const scale = productChain(cs, factors, (i) => label('scale', i));
  const gate = productChain(cs, gates, (i) => label('gate', i));
  if (factors.length && gates.length) return mul(cs, scale, gate, label('scale_gate'));
  return factors.length ? scale : gate;
}

export interface ExpWhere {
  loc: string[];
  gadget: string;
  element: number;
}

/** Q·M·w from the pieces of V (lookups; see the comment at the top). */
function expLookupZ(cs: ConstraintSystem, v: Signal, plan: ExpPlan, label: ExpLabel): Signal {
  const widths = lookupWidths(plan);
  const table = plan.strategy === 'table';
  const names = [...(table ? ['rest', 'r', 'j'] : ['rest', 's']), ...(widths.length === (table ? 5 : 4) ? ['k_lo', 'k_hi'] : ['k'])];
  const pieces = splitPieces(cs, v, widths, names.map((n) => label(n)));
  proveRange(cs, pieces[0], plan.fIn, label('rest'));
  let q: Signal;
  if (table) {
    proveRange(cs, pieces[1], EXP_TABLE_LOW_BITS, label('r'));
    const coeffs = selectRow(cs, pieces[2], EXP_TABLE_INDEX_BITS, EXP2_TABLE_FAMILY, (part, ...i) => label(`j_${part}`, ...i));
    q = quadInField(cs, coeffs, pieces[1], EXP_TABLE_LOW_BITS, (part) => label(part));
  } else {
    proveRange(cs, pieces[1], EXP_POLY_BITS, label('s'));
    q = polyInField(cs, pieces[1], EXP2_POLY, EXP_POLY_BITS, (i) => label('pow', i));
  }
  if (plan.kBits === 0) return q;
  const [k, kHi] = pieces.slice(table ? 3 : 2);
  const scale = expScaleFamily(plan.m);
  let m: Signal;
  if (fitsTables(scale, plan.kBits)) {
    m = selectRow(cs, k, plan.kBits, scale, (part, ...i) => label(`k_${part}`, ...i))[0];
  } else {
    const low = selectRow(cs, k, plan.m, scale, (part, ...i) => label(`k_lo_${part}`, ...i))[0];
    const gate = zeroGate(cs, kHi, plan.kBits - plan.m, (part, ...i) => label(`k_hi_${part}`, ...i));
    m = mul(cs, low, gate, label('scale_gate'));
  }
  return mul(cs, q, m, label('z'));
}

/** y ≈ e^x for x ∈ [lo, 0] as planned; the caller has checked x's bounds. */
export function expCore(cs: ConstraintSystem, x: Signal, plan: ExpPlan, where: ExpWhere, label: ExpLabel): Signal {
  const tb = plan.fIn + EXP_C_BITS;
  checkFieldMargin(tb + plan.kBits, gadgetSite(where.loc, 'Exp'));
  const v = signalScale(x, -EXP_C);
  if (cs.lookups) {
    const y = rescaleBits(cs, expLookupZ(cs, v, plan, label), plan.shift, 0n, plan.qBits, { ...where, op: 'Exp' }).q;
    assert(y.value <= expHi(plan.fOut), `exp: ${y.value} above its bound`);
    return y;
  }
  const bits = decompose(cs, v, tb + plan.kBits, (i) => label('v_bit', i));
  const q = approxQ(cs, bits.slice(0, tb), plan.strategy, label);
  const z = plan.kBits >= 1 ? mul(cs, q, scaleAndGate(cs, bits.slice(tb), plan.m, label), label('z')) : q;
  const y = rescaleBits(cs, z, plan.shift, 0n, plan.qBits, { ...where, op: 'Exp' }).q;
  assert(y.value <= expHi(plan.fOut), `exp: ${y.value} above its bound`);
  return y;
}
