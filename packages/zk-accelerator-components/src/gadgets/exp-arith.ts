import type { ConstraintSystem } from '../r1cs/constraint-system';
import { Signal, signalAdd, signalConstant, signalScale } from '../r1cs/linear-combination';

/**
 * Arithmetic shared by the exp, softmax and gelu gadgets: products of unknowns (one constraint
 * and one wire each), product chains, and coefficient tables selected by index bits.
 */

/** c = a·b: one constraint, one wire `label`. */
export function mul(cs: ConstraintSystem, a: Signal, b: Signal, label: string): Signal {
  const c = cs.newWire(a.value * b.value, label);
  cs.constrain(a, b, c, label);
  return c;
}

/** Π factors (none: the constant 1): factors.length − 1 products. */
export function productChain(cs: ConstraintSystem, factors: Signal[], label: (i: number) => string): Signal {
  if (factors.length === 0) return signalConstant(1n);
  return factors.slice(1).reduce((acc, f, i) => mul(cs, acc, f, label(i)), factors[0]);
}

export function productChainCost(n: number): number {
  return Math.max(0, n - 1);
}

/** Products tableColumns spends for `indexBits` bits: every monomial of two bits or more. */
export function tableSelectCost(indexBits: number): number {
  return (1 << indexBits) - indexBits - 1;
}

/**
 * The row `rows[j]` for j = Σ 2^i·bits[i], as signals (one per column). Each column is the
 * multilinear polynomial through the table: Σ_U c_U·Π_{i∈U} b_i with c_U the Möbius transform of
 * the column, so only the monomials (2^h − h − 1 products) cost constraints.
 */
export function tableColumns(cs: ConstraintSystem, bits: Signal[], rows: bigint[][], label: (u: number) => string): Signal[] {
  const size = 1 << bits.length;
  const monomials: Signal[] = [signalConstant(1n)];
  for (let u = 1; u < size; u++) {
    const top = 31 - Math.clz32(u);
    const rest = u & ~(1 << top);
    monomials.push(rest === 0 ? bits[top] : mul(cs, monomials[rest], bits[top], label(u)));
  }
  return rows[0].map((_, col) => {
    const c = rows.map((row) => row[col]);
    for (let i = 0; i < bits.length; i++) {
      for (let u = 0; u < size; u++) if (u & (1 << i)) c[u] -= c[u & ~(1 << i)];
    }
    return c.reduce((acc, cu, u) => signalAdd(acc, monomials[u], cu), signalConstant(0n));
  });
}

/** Σ coeffs[i]·s^i·2^((d−i)·g) with the powers of s computed by d − 1 products. */
export function polyInField(cs: ConstraintSystem, s: Signal, coeffs: bigint[], g: number, label: (i: number) => string): Signal {
  const d = coeffs.length - 1;
  const powers: Signal[] = [signalConstant(1n), s];
  for (let i = 2; i <= d; i++) powers.push(mul(cs, powers[i - 1], s, label(i)));
  return coeffs.reduce((acc, c, i) => signalAdd(acc, powers[i], c << BigInt((d - i) * g)), signalConstant(0n));
}

/** c0·2^(2l) + (c1·2^l + c2·R)·R: two products. */
export function quadInField(cs: ConstraintSystem, c: Signal[], r: Signal, l: number, label: (part: string) => string): Signal {
  const c2r = mul(cs, c[2], r, label('c2r'));
  const inner = signalAdd(signalScale(c[1], 1n << BigInt(l)), c2r);
  return signalAdd(signalScale(c[0], 1n << BigInt(2 * l)), mul(cs, inner, r, label('quad')));
}
