import type { ConstraintSystem } from '../../r1cs/constraint-system';
import { Signal, signalAdd, signalConstant, signalScale } from '../../r1cs/linear-combination';
import { decompose } from '../bits';
import { mul } from '../exp-arith';
import type { Cost } from '../types';

/** Which signs x's bounds allow: known non-negative, known non-positive, or both. */
export type SignCase = 'pos' | 'neg' | 'mixed';

/**
 * σ = sign(x) as ±1 and a = σ·x, proving nothing about a's range (the caller must: a wrong sign
 * makes a = p − |x|). Only when x may take both signs is σ a prover's bit s (σ = 2s − 1, s boolean)
 * and a one product: parts `sign` and `abs`.
 */
export function signedAbsValue(cs: ConstraintSystem, x: Signal, sign: SignCase,
  label: (part: string, ...index: number[]) => string): { sigma: Signal; a: Signal } {
  let sigma = signalConstant(sign === 'neg' ? -1n : 1n);
  let a = signalScale(x, sigma.value);
  if (sign === 'mixed') {
    const s = cs.newWire(x.value >= 0n ? 1n : 0n, label('sign'));
    cs.constrain(s, signalAdd(s, signalConstant(-1n)), signalConstant(0n), label('sign'));
    sigma = signalAdd(signalScale(s, 2n), signalConstant(-1n));
    a = mul(cs, sigma, x, label('abs'));
  }
  return { sigma, a };
}

/** Constraints and wires of signedAbsValue. */
export function signedAbsValueCost(sign: SignCase): Cost {
  return sign === 'mixed' ? { constraints: 2, wires: 2 } : { constraints: 0, wires: 0 };
}

/**
 * For the odd/even-symmetric approximations (GELU, sigmoid, tanh): σ = sign(x) as ±1, a = σ·x = |x|
 * and the aBits bits of a. Only when x may take both signs is σ a prover's bit s (σ = 2s − 1, s
 * boolean) and a one product; a wrong s gives a = p − |x|, which has no aBits-bit decomposition.
 * `label(part, ...)` names the parts `sign`, `abs` and `a_bit`. (With lookups, the gadgets take
 * signedAbsValue and prove a's range by the pieces they look up instead of all its bits.)
 */
export function signedAbs(cs: ConstraintSystem, x: Signal, sign: SignCase, aBits: number,
  label: (part: string, ...index: number[]) => string): { sigma: Signal; a: Signal; bits: Signal[] } {
  const { sigma, a } = signedAbsValue(cs, x, sign, label);
  return { sigma, a, bits: decompose(cs, a, aBits, (i) => label('a_bit', i)) };
}
