import type { ConstraintSystem } from '../../r1cs/constraint-system';
import { LinearCombination, Signal, lcAccumulate } from '../../r1cs/linear-combination';
import type { Cost } from '../types';

/**
 * A sum read by many constraints (a softmax row's Σe is every division's denominator): left as a
 * linear combination it would copy all its terms into each of them, so n readers of a sum of n
 * terms build O(n²) terms. materializedSum puts it on one wire with one linear constraint
 * (Σ terms)·1 = s, after which every reader costs one term. A sum of fewer than two signals is
 * already as small as its terms and stays a linear combination, for free.
 */

export function materializedSumCost(n: number): Cost {
  return n >= 2 ? { constraints: 1, wires: 1 } : { constraints: 0, wires: 0 };
}

/** Σ terms as one wire `label` (for two terms or more), else the lone term or the constant 0. */
export function materializedSum(cs: ConstraintSystem, terms: Signal[], label: string): Signal {
  const lc: LinearCombination = new Map();
  let value = 0n;
  for (const t of terms) {
    lcAccumulate(lc, t.lc);
    value += t.value;
  }
  if (terms.length < 2) return { lc, value };
  const s = cs.newWire(value, label);
  cs.constrain(lc, cs.one, s, label);
  return s;
}
