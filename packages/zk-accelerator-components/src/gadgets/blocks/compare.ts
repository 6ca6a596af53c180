import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../../r1cs/constraint-system';
import { Signal, signalAdd, signalConstant, signalScale } from '../../r1cs/linear-combination';
import { signedBits } from '../bits';
import { signBit, signBitCost } from './range';
import type { Cost } from '../types';
import { subLabel } from './label';

/**
 * Comparison blocks. A value x ∈ [−2^(bits−1), 2^(bits−1)) is compared with zero by decomposing
 * x + 2^(bits−1) into `bits` booleans: the top one is [x ≥ 0]. The decomposition proves the
 * range too, so a prover can neither flip the bit nor wrap x around p (bits ≤ 200).
 */

/** Cost of isNonNegative (range.ts signBit): bits booleans, or a sign bit and limb lookups. */
export function isNonNegativeCost(bits: number): Cost {
  return signBitCost(bits);
}

/** Boolean b = [x ≥ 0] for x ∈ [−2^(bits−1), 2^(bits−1)); bits labelled `label[i]`. */
export function isNonNegative(cs: ConstraintSystem, x: Signal, bits: number, label: string): Signal {
  return signBit(cs, x, bits, label);
}

/**
 * a + b·(c − a): c when b = 1, a when b = 0; one constraint b·(c − a) = out − a and one wire
 * `label`, the result itself. Allocating the result (not the product b·(c − a)) keeps a chain of
 * selects (a running max) a single wire instead of a linear combination that grows by one term a step.
 */
export function select(cs: ConstraintSystem, b: Signal, a: Signal, c: Signal, label: string): Signal {
  const diff = signalAdd(c, a, -1n);
  const out = cs.newWire(a.value + b.value * diff.value, label);
  cs.constrain(b, diff, signalAdd(out, a, -1n), label);
  return out;
}

/** Cost of maxOf over n values: per comparison, bits + 1 sign bits of a difference and one select. */
export function maxOfCost(n: number, bits: number): Cost {
  const c = isNonNegativeCost(bits + 1);
  return { constraints: (n - 1) * (c.constraints + 1), wires: (n - 1) * (c.wires + 1) };
}

/**
 * The exact max of xs, each in [−2^(bits−1), 2^(bits−1)): a running max m, and for each next x
 * b = [x − m ≥ 0] (bits + 1 bits: the difference spans twice the range), m ← m + b·(x − m).
 * Ties take x, which has m's value. Labels: `label_bit[..][k][i]`, `label_m[..][k]`.
 */
export function maxOf(cs: ConstraintSystem, xs: Signal[], bits: number, label: string): Signal {
  assert(xs.length >= 1, 'maxOf: no values');
  let m = xs[0];
  for (let k = 1; k < xs.length; k++) {
    const b = isNonNegative(cs, signalAdd(xs[k], m, -1n), bits + 1, subLabel(label, 'bit', k));
    m = select(cs, b, m, xs[k], subLabel(label, 'm', k));
  }
  return m;
}

/** What clamp spends for x ∈ [−2^(bits−1), 2^(bits−1)) and [lo, hi]: the bits of each side it needs. */
function clampPlan(lo: bigint, hi: bigint, bits: number): { low?: number; high?: number } {
  assert(lo <= hi, `clamp: lo ${lo} > hi ${hi}`);
  const [xMin, xMax] = [-(1n << BigInt(bits - 1)), (1n << BigInt(bits - 1)) - 1n];
  const plan: { low?: number; high?: number } = {};
  if (lo > xMin) plan.low = signedBits(xMin - lo, xMax - lo);
  const tMin = lo > xMin ? lo : xMin;
  const tMax = xMax > lo ? xMax : lo;
  if (hi < tMax) plan.high = signedBits(hi - tMax, hi - tMin);
  return plan;
}

export function clampCost(lo: bigint, hi: bigint, bits: number): Cost {
  const total = { constraints: 0, wires: 0 };
  for (const k of Object.values(clampPlan(lo, hi, bits))) {
    const c = isNonNegativeCost(k);
    total.constraints += c.constraints + 1;
    total.wires += c.wires + 1;
  }
  return total;
}

/**
 * min(max(x, lo), hi) for x ∈ [−2^(bits−1), 2^(bits−1)): t = max(x, lo) by the sign of x − lo,
 * then y = min(t, hi) by the sign of hi − t; a side the range never crosses costs nothing.
 * Labels: `label_lo[..][i]`, `label_t[..]`, `label_hi[..][i]`, `label_y[..]`.
 */
export function clamp(cs: ConstraintSystem, x: Signal, lo: bigint, hi: bigint, bits: number, label: string): Signal {
  const plan = clampPlan(lo, hi, bits);
  let t = x;
  if (plan.low !== undefined) {
    const above = isNonNegative(cs, signalAdd(x, signalConstant(-lo)), plan.low, subLabel(label, 'lo'));
    t = select(cs, above, signalConstant(lo), x, subLabel(label, 't'));
  }
  if (plan.high === undefined) return t;
  const below = isNonNegative(cs, signalAdd(signalConstant(hi), signalScale(t, -1n)), plan.high, subLabel(label, 'hi'));
  return select(cs, below, signalConstant(hi), t, subLabel(label, 'y'));
}
