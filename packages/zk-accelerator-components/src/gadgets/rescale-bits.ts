import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { floorDiv } from '../r1cs/field';
import { Signal, signalAdd, signalConstant } from '../r1cs/linear-combination';
import { checkFieldMargin, decompose, decompositionCost, fromBits, gadgetSite } from './bits';
import { labelOf } from './params';
import type { Cost } from './types';

/** The integer semantics of Rescale: floor((x + 2^(s−1)) / 2^s), round half up. */
export function rescaleValue(x: bigint, shift: number): bigint {
  return floorDiv(x + (1n << BigInt(shift - 1)), 1n << BigInt(shift));
}

export interface RescaleBits {
  /** The rescaled value q = qBase + Σ 2^j·qBits[j]. */
  q: Signal;
  qBits: Signal[];
}

/** Cost of `rescaleBits` with `qBitCount` bits for q − qBase. */
export function rescaleBitsCost(shift: number, qBitCount: number): Cost {
  checkFieldMargin(shift + qBitCount, {});
  return decompositionCost(shift + qBitCount);
}

/**
 * Proves q = floor((x + 2^(s−1)) / 2^s) with q − qBase ∈ [0, 2^qBitCount): one decomposition of
 * x + 2^(s−1) − 2^s·qBase into s remainder bits (r ∈ [0, 2^s)) and qBitCount quotient bits.
 * The caller has checked that q lies in its bounds.
 */
export function rescaleBits(
  cs: ConstraintSystem, x: Signal, shift: number, qBase: bigint, qBitCount: number,
  where: { loc: string[]; gadget: string; op: string; element: number },
): RescaleBits {
  checkFieldMargin(shift + qBitCount, gadgetSite(where.loc, where.op));
  const s = BigInt(shift);
  const t = signalAdd(x, signalConstant((1n << (s - 1n)) - (qBase << s)));
  const e = where.element;
  const label = (i: number) => (i < shift
    ? labelOf(where.loc, where.gadget, 'r_bit', e, i)
    : labelOf(where.loc, where.gadget, 'q_bit', e, i - shift));
  const bits = decompose(cs, t, shift + qBitCount, label);
  const qBits = bits.slice(shift);
  return { q: fromBits(qBits, qBase), qBits };
}

/** Raises ZK007 unless lo ≤ v ≤ hi. */
export function checkBounds(v: bigint, lo: bigint, hi: bigint, element: number, where: { loc: string[]; op: string }): void {
  if (v < lo || v > hi) {
    raise(Errors.OUT_OF_BOUNDS, gadgetSite(where.loc, where.op), `element ${element} is ${v}, bounds [${lo}, ${hi}]`);
  }
}
