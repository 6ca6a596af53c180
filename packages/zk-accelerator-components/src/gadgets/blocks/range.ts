import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../../r1cs/constraint-system';
import { LinearCombination, Signal, lcAccumulate, signalAdd, signalConstant, signalScale } from '../../r1cs/linear-combination';
import { lookupCost } from '../../r1cs/lookup';
import { MAX_SAFE_BITS } from '../../r1cs/field';
import { decompose, decompositionCost } from '../bits';
import type { Cost } from '../types';
import { indexLabel, subLabel } from './label';

/**
 * Range blocks, the one place that knows how a backend proves t ∈ [0, 2^bits):
 * - plain Groth16 (bits): `bits` booleans, bit 0 a linear combination (bits.ts decompose);
 * - groth16-cr (lookup, limb width w): limbs l_k of w bits, l_0 the linear combination
 *   t − Σ_{k≥1} 2^(wk)·l_k, each looked up in the table [0, 2^w); a top limb of b < w bits is
 *   looked up twice, as l and as 2^(w−b)·l, so that l < 2^b (both < 2^w and l an integer).
 * Synthesis follows the builder (cs.lookups present: lookup). Cost formulas follow the mode the
 * caller set with withRangeMode (select costs a circuit under each candidate limb width).
 */
export type RangeMode = { kind: 'bits' } | { kind: 'lookup'; limbBits: number };

let current: RangeMode = { kind: 'bits' };

/** The mode cost formulas use now. */
export function rangeMode(): RangeMode {
  return current;
}

/** Runs fn with cost formulas in `mode` (restored afterwards). */
export function withRangeMode<T>(mode: RangeMode, fn: () => T): T {
  const saved = current;
  current = mode;
  try {
    return fn();
  } finally {
    current = saved;
  }
}

/** The mode of a builder: lookups when it has a lookup argument. */
export function modeOf(cs: ConstraintSystem): RangeMode {
  return cs.lookups ? { kind: 'lookup', limbBits: cs.lookups.limbBits } : { kind: 'bits' };
}

/** Lookups of one range proof of `bits` bits with limb width w. */
export function rangeLookups(bits: number, w: number): number {
  if (bits === 0) return 0;
  const limbs = Math.ceil(bits / w);
  return limbs + (bits % w === 0 ? 0 : 1);
}

/** Constraints and wires of proveRange(t, bits) in the current mode. */
export function rangeCost(bits: number, mode: RangeMode = current): Cost {
  if (mode.kind === 'bits' || bits === 0) return decompositionCost(bits);
  const n = rangeLookups(bits, mode.limbBits);
  const per = lookupCost(false);
  return { constraints: n * per.constraints, wires: Math.ceil(bits / mode.limbBits) - 1 + n * per.wires };
}

/** Proves t ∈ [0, 2^bits) (bits = 0: t = 0). The caller checks t's value first and raises the user error that fits. */
export function proveRange(cs: ConstraintSystem, t: Signal, bits: number, label: string): void {
  if (!cs.lookups || bits === 0) {
    decompose(cs, t, bits, (i) => indexLabel(label, i));
    return;
  }
  assert(t.value >= 0n && t.value < 1n << BigInt(bits), `proveRange: ${t.value} does not fit ${bits} bits`);
  const w = cs.lookups.limbBits;
  const limbs = Math.ceil(bits / w);
  const mask = (1n << BigInt(w)) - 1n;
  const limb0: LinearCombination = new Map(t.lc);
  const parts: Signal[] = [];
  for (let k = 1; k < limbs; k++) {
    const limb = cs.newWire((t.value >> BigInt(w * k)) & mask, subLabel(label, 'limb', k));
    lcAccumulate(limb0, limb.lc, -(1n << BigInt(w * k)));
    parts.push(limb);
  }
  parts.unshift({ lc: limb0, value: t.value & mask });
  parts.forEach((limb, k) => cs.lookups!.range(cs, limb, subLabel(label, 'limb', k)));
  const top = bits - w * (limbs - 1);
  if (top < w) cs.lookups.range(cs, signalScale(parts[limbs - 1], 1n << BigInt(w - top)), subLabel(label, 'top'));
}

/**
 * A bound the caller only needs to be at least `bits` wide (a quotient's range, which keeps it an
 * integer far below p, not a remainder's, which must be exact): with lookups, rounded up to whole
 * limbs, since a partial top limb costs a second lookup. Stays within MAX_SAFE_BITS.
 */
export function looseBits(bits: number, mode: RangeMode): number {
  if (mode.kind === 'bits' || bits === 0) return bits;
  const whole = Math.ceil(bits / mode.limbBits) * mode.limbBits;
  return whole <= MAX_SAFE_BITS ? whole : bits;
}

/** Constraints and wires of proveLooseRange(t, bits). */
export function looseRangeCost(bits: number, mode: RangeMode = current): Cost {
  return rangeCost(looseBits(bits, mode), mode);
}

/** Proves t ∈ [0, 2^b) for b = looseBits(bits) ≥ bits: for values that need a bound, not an exact range. */
export function proveLooseRange(cs: ConstraintSystem, t: Signal, bits: number, label: string): void {
  proveRange(cs, t, looseBits(bits, modeOf(cs)), label);
}

/** Constraints and wires of signBit for `bits` bits in the current mode. */
export function signBitCost(bits: number, mode: RangeMode = current): Cost {
  assert(bits >= 1, 'signBit: bits ≥ 1');
  if (mode.kind === 'bits') return decompositionCost(bits);
  const r = looseRangeCost(bits - 1, mode);
  return { constraints: 1 + r.constraints, wires: 1 + r.wires };
}

/**
 * Boolean b = [x ≥ 0] for x ∈ [−2^(bits−1), 2^(bits−1)), proving that range too (so the prover can
 * neither flip b nor wrap x around p). Bits: the top bit of x + 2^(bits−1). Lookups: b a wire with
 * b·(b − 1) = 0 and x + 2^(k−1) − b·2^(k−1) ∈ [0, 2^(k−1)) for k − 1 = looseBits(bits − 1): the
 * wider range contains x's, and its whole limbs are cheaper.
 */
export function signBit(cs: ConstraintSystem, x: Signal, bits: number, label: string): Signal {
  assert(bits >= 1, 'signBit: bits ≥ 1');
  if (!cs.lookups) return decompose(cs, signalAdd(x, signalConstant(1n << BigInt(bits - 1))), bits, (i) => indexLabel(label, i))[bits - 1];
  const rest = looseBits(bits - 1, modeOf(cs));
  const half = 1n << BigInt(rest);
  const b = cs.newWire(x.value >= 0n ? 1n : 0n, subLabel(label, 'sign'));
  cs.constrain(b, signalAdd(b, cs.one, -1n), new Map(), subLabel(label, 'sign'));
  proveRange(cs, signalAdd(signalAdd(x, signalConstant(half)), b, -half), rest, subLabel(label, 'rest'));
  return b;
}
