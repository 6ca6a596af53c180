import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { floorDiv } from '../r1cs/field';
import { Signal, signalAdd, signalConstant } from '../r1cs/linear-combination';
import { checkFieldMargin, decompose, decompositionCost, fromBits, gadgetSite } from './bits';
import { looseRangeCost, proveLooseRange, proveRange, rangeCost, rangeMode, signBit, signBitCost } from './blocks/range';
import { labelOf } from './params';
import type { Cost } from './types';

/** The integer semantics of Rescale: floor((x + 2^(s−1)) / 2^s), round half up. */
export function rescaleValue(x: bigint, shift: number): bigint {
  return floorDiv(x + (1n << BigInt(shift - 1)), 1n << BigInt(shift));
}

export interface RescaleBits {
  /** The rescaled value q. */
  q: Signal;
  /** With `signed`: the top bit of q − qBase, i.e. [q ≥ qBase + 2^(qBitCount−1)]. */
  sign?: Signal;
}

/** Cost of `rescaleBits` with `qBitCount` bits for q − qBase (`signed`: the sign of q too). */
export function rescaleBitsCost(shift: number, qBitCount: number, signed = false): Cost {
  checkFieldMargin(shift + qBitCount, {});
  if (rangeMode().kind === 'bits') return decompositionCost(shift + qBitCount);
  if (qBitCount === 0) return rangeCost(shift);
  const [r, q] = [rangeCost(shift), signed ? signBitCost(qBitCount) : looseRangeCost(qBitCount)];
  return { constraints: r.constraints + q.constraints, wires: 1 + r.wires + q.wires };
}

/**
 * Proves q = floor((x + 2^(s−1)) / 2^s) with q − qBase ∈ [0, 2^qBitCount): with bits, one
 * decomposition of t = x + 2^(s−1) − 2^s·qBase into s remainder bits (r ∈ [0, 2^s)) and qBitCount
 * quotient bits; with lookups, q a wire, r = t − 2^s·(q − qBase) and the two ranges proved apart
 * (signed: q's range through the sign bit of q − qBase − 2^(qBitCount−1)). The caller has checked that q lies in its bounds.
 */
export function rescaleBits(
  cs: ConstraintSystem, x: Signal, shift: number, qBase: bigint, qBitCount: number,
  where: { loc: string[]; gadget: string; op: string; element: number }, signed = false,
): RescaleBits {
  checkFieldMargin(shift + qBitCount, gadgetSite(where.loc, where.op));
  const s = BigInt(shift);
  const t = signalAdd(x, signalConstant((1n << (s - 1n)) - (qBase << s)));
  const e = where.element;
  if (cs.lookups) {
    const rLabel = labelOf(where.loc, where.gadget, 'r_bit', e);
    if (qBitCount === 0) {
      proveRange(cs, t, shift, rLabel);
      return { q: signalConstant(qBase) };
    }
    const q = cs.newWire(qBase + (t.value >> s), labelOf(where.loc, where.gadget, 'q', e));
    const r = signalAdd(signalAdd(t, q, -(1n << s)), signalConstant(qBase << s));
    proveRange(cs, r, shift, rLabel);
    if (signed) {
      const centred = signalAdd(q, signalConstant(-qBase - (1n << BigInt(qBitCount - 1))));
      return { q, sign: signBit(cs, centred, qBitCount, labelOf(where.loc, where.gadget, 'q_bit', e)) };
    }
    // q's range only keeps it an integer far below p (the remainder's is the exact one): a bound.
    proveLooseRange(cs, signalAdd(q, signalConstant(-qBase)), qBitCount, labelOf(where.loc, where.gadget, 'q_bit', e));
    return { q };
  }
  const label = (i: number) => (i < shift
    ? labelOf(where.loc, where.gadget, 'r_bit', e, i)
    : labelOf(where.loc, where.gadget, 'q_bit', e, i - shift));
  const bits = decompose(cs, t, shift + qBitCount, label);
  const qBits = bits.slice(shift);
  return { q: fromBits(qBits, qBase), sign: signed ? qBits[qBitCount - 1] : undefined };
}

/** Raises ZK007 unless lo ≤ v ≤ hi. */
export function checkBounds(v: bigint, lo: bigint, hi: bigint, element: number, where: { loc: string[]; op: string }): void {
  if (v < lo || v > hi) {
    raise(Errors.OUT_OF_BOUNDS, gadgetSite(where.loc, where.op), `element ${element} is ${v}, bounds [${lo}, ${hi}]`);
  }
}
