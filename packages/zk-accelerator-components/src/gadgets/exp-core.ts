import {
  EXP2_POLY, EXP2_TABLE, EXP_C, EXP_C_BITS, EXP_POLY_BITS, EXP_TABLE_INDEX_BITS, EXP_TABLE_LOW_BITS,
  ExpStrategy, assert, expHi, expQFrac,
} from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { bitLength } from '../r1cs/field';
import { Signal, signalAdd, signalConstant, signalScale } from '../r1cs/linear-combination';
import { checkFieldMargin, decompose, decompositionCost, fromBits, gadgetSite } from './bits';
import { mul, polyInField, productChain, productChainCost, quadInField, tableColumns, tableSelectCost } from './exp-arith';
import { rescaleBits, rescaleBitsCost } from './rescale-bits';
import type { Cost } from './types';

/**
 * The exp circuit for one x ∈ [lo, 0] (frac fIn) → y (frac fOut), bit-exact with tensor-ir's
 * expInt. V = −x·C is decomposed into fraction bits t and integer bits k (V = k·2^(fIn+14) + t);
 * Q ≈ 2^(−t)·2^F from the top bits of t (poly: powers of S; table: monomials of the index bits);
 * M = 2^(K−k) from the low m bits of k (each bit a linear factor, chained), w = [no high bit of k
 * set] (k ≥ 2^m gives 0); y = round(Q·M·w / 2^(F+K−fOut)) by one remainder decomposition.
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

/** Constraints of expCore; every one but the decompositions' first bits allocates a wire. */
export function expCoreCost(plan: ExpPlan): Cost {
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

/** y ≈ e^x for x ∈ [lo, 0] as planned; the caller has checked x's bounds. */
export function expCore(cs: ConstraintSystem, x: Signal, plan: ExpPlan, where: ExpWhere, label: ExpLabel): Signal {
  const tb = plan.fIn + EXP_C_BITS;
  checkFieldMargin(tb + plan.kBits, gadgetSite(where.loc, 'Exp'));
  const v = signalScale(x, -EXP_C);
  const bits = decompose(cs, v, tb + plan.kBits, (i) => label('v_bit', i));
  const q = approxQ(cs, bits.slice(0, tb), plan.strategy, label);
  const z = plan.kBits >= 1 ? mul(cs, q, scaleAndGate(cs, bits.slice(tb), plan.m, label), label('z')) : q;
  const y = rescaleBits(cs, z, plan.shift, 0n, plan.qBits, { ...where, op: 'Exp' }).q;
  assert(y.value <= expHi(plan.fOut), `exp: ${y.value} above its bound`);
  return y;
}
