import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../../r1cs/constraint-system';
import { MAX_SAFE_BITS } from '../../r1cs/field';
import { Signal, signalAdd, signalConstant, signalScale } from '../../r1cs/linear-combination';
import { looseRangeCost, proveLooseRange } from './range';
import type { Cost } from '../types';
import { subLabel } from './label';

/**
 * Division blocks: q = floor(num / den) for num ∈ [0, 2^numBits), den ∈ [1, 2^denBits), proved by
 * q·den = num − r with r ∈ [0, 2^denBits), den − 1 − r ∈ [0, 2^denBits) (so 0 ≤ r < den) and
 * q ∈ [0, 2^numBits). With every factor bounded, q·den + r < 2^(numBits+denBits+1) ≪ p, so the
 * field equation is the integer one and (q, r) is unique. The caller proves num's and den's ranges.
 */

/** floor(a / b) for a ≥ 0, b ≥ 1 — the integer semantics of divFloor. */
export function divFloorValue(num: bigint, den: bigint): bigint {
  return num / den;
}

/** round-half-up(a / b) = floor((2a + b) / 2b) — the integer semantics of divRound. */
export function divRoundValue(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/** 1 product + bits of q + bits of r + bits of den − 1 − r; wires: q, r and their bits. */
export function divFloorCost(numBits: number, denBits: number, qBits = numBits): Cost {
  const [q, r] = [looseRangeCost(qBits), looseRangeCost(denBits)];
  return { constraints: 1 + q.constraints + 2 * r.constraints, wires: 2 + q.wires + 2 * r.wires };
}

/**
 * q = floor(num / den); labels `label_q`, `label_r`, `label_qbit[..][i]`, `label_rbit`, `label_gapbit`.
 * qBits (default numBits) may be lowered when the caller knows a tighter bound on q.
 */
export function divFloor(
  cs: ConstraintSystem, num: Signal, den: Signal, numBits: number, denBits: number, label: string, qBits = numBits,
): Signal {
  assert(Math.max(numBits, qBits + denBits) + 1 <= MAX_SAFE_BITS, `divFloor: ${numBits}/${denBits} bits exceed the field margin`);
  assert(num.value >= 0n && num.value < 1n << BigInt(numBits), `divFloor: num ${num.value} not in ${numBits} bits`);
  assert(den.value >= 1n && den.value < 1n << BigInt(denBits), `divFloor: den ${den.value} not in ${denBits} bits`);
  const qv = divFloorValue(num.value, den.value);
  assert(qv < 1n << BigInt(qBits), `divFloor: quotient ${qv} not in ${qBits} bits`);
  const q = cs.newWire(qv, subLabel(label, 'q'));
  const r = cs.newWire(num.value - qv * den.value, subLabel(label, 'r'));
  cs.constrain(q, den, signalAdd(num, r, -1n), subLabel(label, 'q'));
  // Bounds, not exact ranges (range.ts looseBits): r and den − 1 − r both ≥ 0 is what makes r < den.
  proveLooseRange(cs, q, qBits, subLabel(label, 'qbit'));
  proveLooseRange(cs, r, denBits, subLabel(label, 'rbit'));
  const gap = signalAdd(signalAdd(den, signalConstant(-1n)), signalScale(r, -1n));
  proveLooseRange(cs, gap, denBits, subLabel(label, 'gapbit'));
  return q;
}

/** Bits of divRound's numerator 2·num + den and denominator 2·den. */
function roundBits(numBits: number, denBits: number): [number, number] {
  return [Math.max(numBits + 1, denBits) + 1, denBits + 1];
}

export function divRoundCost(numBits: number, denBits: number, qBits?: number): Cost {
  const [nb, db] = roundBits(numBits, denBits);
  return divFloorCost(nb, db, qBits ?? nb);
}

/** q = round-half-up(num / den) = floor((2·num + den) / (2·den)), same proof as divFloor. */
export function divRound(
  cs: ConstraintSystem, num: Signal, den: Signal, numBits: number, denBits: number, label: string, qBits?: number,
): Signal {
  const [nb, db] = roundBits(numBits, denBits);
  return divFloor(cs, signalAdd(signalScale(num, 2n), den), signalScale(den, 2n), nb, db, label, qBits ?? nb);
}
