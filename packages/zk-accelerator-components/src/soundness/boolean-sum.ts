import { P } from '../r1cs/field';
import { modInv } from './field-math';

const signed = (v: bigint): bigint => (v > P / 2n ? v - P : v);
const isPowerOfTwo = (v: bigint): boolean => v > 0n && (v & (v - 1n)) === 0n;

/**
 * The solutions of Σ c_u·u = r (mod p) over boolean unknowns u, when the coefficients are one
 * sign, a common factor g times distinct powers of two, and their sum stays below p/2 (a bit
 * decomposition): then the sum is an integer below p and its binary digits are the only solution.
 * Returns the unique assignment, null when there is none, undefined when the shape does not fit.
 */
export function solveBitSum(terms: [number, bigint][], r: bigint): Map<number, bigint> | null | undefined {
  if (terms.length === 0) return undefined;
  const cs = terms.map(([, c]) => signed(c));
  const sign = cs[0] < 0n ? -1n : 1n;
  if (cs.some((c) => c === 0n || (c < 0n ? -1n : 1n) !== sign)) return undefined;
  const abs = cs.map((c) => c * sign);
  const g = abs.reduce((m, c) => (c < m ? c : m));
  if (abs.some((c) => c % g !== 0n || !isPowerOfTwo(c / g))) return undefined;
  const units = abs.map((c) => c / g);
  if (new Set(units).size !== units.length) return undefined;
  const total = units.reduce((s, u) => s + u, 0n);
  if (total * g >= P / 2n) return undefined;
  const target = (((sign * r) % P + P) % P * (g === 1n ? 1n : modInv(g))) % P;
  if (target > total) return null;
  const out = new Map<number, bigint>();
  let rest = target;
  terms.forEach(([w], i) => {
    const bit = rest & units[i] ? 1n : 0n;
    out.set(w, bit);
    rest -= bit * units[i];
  });
  return rest === 0n ? out : null;
}
