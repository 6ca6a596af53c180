import { assert, ErrorSite, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { MAX_SAFE_BITS, bitLength } from '../r1cs/field';
import { LinearCombination, ONE_WIRE, Signal, lcAccumulate, lcWire } from '../r1cs/linear-combination';
import type { Cost } from './types';

/** The error site of a gadget instance: its first location and its op. */
export function gadgetSite(loc: string[], op: string): ErrorSite {
  return { node: loc[0] ?? 'main', op };
}

/** Refuses decompositions whose values could wrap around p (user error: bounds too wide). */
export function checkFieldMargin(bits: number, site: ErrorSite): void {
  if (bits > MAX_SAFE_BITS) raise(Errors.TOO_WIDE, site, `needs ${bits} bits, at most ${MAX_SAFE_BITS} are sound`);
}

/** Constraints and wires of `decompose(t, nbits)`. */
export function decompositionCost(nbits: number): Cost {
  return nbits === 0 ? { constraints: 1, wires: 0 } : { constraints: nbits, wires: nbits - 1 };
}

/** The cost of n elements, each costed on its own (bounds differ per element). */
export function sumCost(n: number, element: (i: number) => Cost): Cost {
  const total = { constraints: 0, wires: 0 };
  for (let i = 0; i < n; i++) {
    const c = element(i);
    total.constraints += c.constraints;
    total.wires += c.wires;
  }
  return total;
}

/** b·(b − 1) = 0 */
function constrainBoolean(cs: ConstraintSystem, bit: LinearCombination, label: string): void {
  const minusOne = new Map(bit);
  lcAccumulate(minusOne, lcWire(ONE_WIRE), -1n);
  cs.constrain(bit, minusOne, new Map(), label);
}

/**
 * Proves t ∈ [0, 2^nbits) and returns its bits, least significant first. Bits 1.. are wires;
 * bit 0 is the linear combination t − Σ_{i≥1} 2^i·b_i, so its booleanity constraint also ties
 * the bits to t: nbits constraints and nbits − 1 wires in all. With nbits = 0 it proves t = 0.
 * The caller checks t's value first and raises the user error that fits.
 */
export function decompose(cs: ConstraintSystem, t: Signal, nbits: number, label: (bit: number) => string): Signal[] {
  assert(t.value >= 0n && t.value < 1n << BigInt(nbits), `decompose: ${t.value} does not fit ${nbits} bits`);
  if (nbits === 0) {
    cs.constrain(t, cs.one, new Map(), label(0));
    return [];
  }
  const bits: Signal[] = [];
  const bit0: LinearCombination = new Map(t.lc);
  for (let i = 1; i < nbits; i++) {
    const bit = cs.newWire((t.value >> BigInt(i)) & 1n, label(i));
    bits.push(bit);
    lcAccumulate(bit0, bit.lc, -(1n << BigInt(i)));
  }
  bits.unshift({ lc: bit0, value: t.value & 1n });
  for (let i = 0; i < nbits; i++) constrainBoolean(cs, bits[i].lc, label(i));
  return bits;
}

/** Σ 2^i·bits[i] + offset, as a signal (linear, free). */
export function fromBits(bits: Signal[], offset: bigint): Signal {
  const lc = lcWire(ONE_WIRE, offset);
  let value = offset;
  bits.forEach((bit, i) => {
    lcAccumulate(lc, bit.lc, 1n << BigInt(i));
    value += bit.value << BigInt(i);
  });
  return { lc, value };
}

/** Smallest k with [lo, hi] ⊂ [−2^(k−1), 2^(k−1)): k bits of x + 2^(k−1), the top one the sign. */
export function signedBits(lo: bigint, hi: bigint): number {
  return 1 + Math.max(lo < 0n ? bitLength(-lo - 1n) : 0, hi > 0n ? bitLength(hi) : 0);
}
