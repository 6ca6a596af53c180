import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../../r1cs/constraint-system';
import { bitLength, MAX_SAFE_BITS } from '../../r1cs/field';
import { Signal, signalAdd, signalConstant, signalScale } from '../../r1cs/linear-combination';
import { looseRangeCost, proveLooseRange } from './range';
import type { Cost } from '../types';
import { subLabel } from './label';

/** floor(√v) for v ≥ 0 (Newton's method on integers). */
export function isqrt(v: bigint): bigint {
  assert(v >= 0n, `isqrt of negative ${v}`);
  if (v < 2n) return v;
  let y = 1n << BigInt((bitLength(v) + 1) >> 1);
  for (;;) {
    const next = (y + v / y) >> 1n;
    if (next >= y) return y;
    y = next;
  }
}

/** floor(√(n / x)) for n ≥ 0, x ≥ 1: the largest y with y²·x ≤ n. */
export function rsqrtValue(n: bigint, x: bigint): bigint {
  return isqrt(n / x);
}

/** Bits of the two gaps n − y²x and (y+1)²x − n − 1, both < (2y + 1)·x. */
function gapBits(xBits: number, yBits: number): number {
  return xBits + yBits + 1;
}

/** y bits, the products y·y, y²·x, (2y+1)·x, and the bits of both gaps. */
export function rsqrtFloorCost(xBits: number, yBits: number): Cost {
  const [y, g] = [looseRangeCost(yBits), looseRangeCost(gapBits(xBits, yBits))];
  return { constraints: y.constraints + 3 + 2 * g.constraints, wires: 1 + y.wires + 3 + 2 * g.wires };
}

/**
 * y = floor(√(n / x)) for a constant n and x ∈ [1, 2^xBits), y < 2^yBits, proved by
 * y²·x ≤ n < (y + 1)²·x: y's bits, t = y·y·x (two products), u = (2y + 1)·x, and the bits of
 * n − t and t + u − n − 1. All values stay below 2^(2·yBits + xBits + 2) ≪ p, so the field
 * equations are the integer ones. Labels `label_y`, `label_ybit[i]`, `label_sq`, `label_t`, ...
 */
export function rsqrtFloor(cs: ConstraintSystem, x: Signal, n: bigint, xBits: number, yBits: number, label: string): Signal {
  const g = gapBits(xBits, yBits);
  assert(2 * yBits + xBits + 2 <= MAX_SAFE_BITS && bitLength(n) <= MAX_SAFE_BITS, 'rsqrtFloor: exceeds the field margin');
  assert(x.value >= 1n && x.value < 1n << BigInt(xBits), `rsqrtFloor: x ${x.value} not in [1, 2^${xBits})`);
  const yv = rsqrtValue(n, x.value);
  assert(yv < 1n << BigInt(yBits), `rsqrtFloor: y ${yv} not in ${yBits} bits`);
  const y = cs.newWire(yv, subLabel(label, 'y'));
  proveLooseRange(cs, y, yBits, subLabel(label, 'ybit'));
  const sq = cs.newWire(yv * yv, subLabel(label, 'sq'));
  cs.constrain(y, y, sq, subLabel(label, 'sq'));
  const t = cs.newWire(sq.value * x.value, subLabel(label, 't'));
  cs.constrain(sq, x, t, subLabel(label, 't'));
  const twoYPlusOne = signalAdd(signalScale(y, 2n), signalConstant(1n));
  const u = cs.newWire(twoYPlusOne.value * x.value, subLabel(label, 'u'));
  cs.constrain(twoYPlusOne, x, u, subLabel(label, 'u'));
  proveLooseRange(cs, signalAdd(signalConstant(n), t, -1n), g, subLabel(label, 'lowbit'));
  proveLooseRange(cs, signalAdd(signalAdd(t, u), signalConstant(-n - 1n)), g, subLabel(label, 'highbit'));
  return y;
}
