import { P, toField } from '../r1cs/field';
import { randomBits } from './random';

const SHIFTS = [...Array.from({ length: 66 }, (_, j) => j + 1), 100, 128, 200, 252, 253];

/**
 * Targeted wrong values for a wire holding v: ±1..3 (a comparison or sign bit flipped), v ± 2^j
 * (a remainder moved by 2^s with the quotient left to adjust), 2 and p − 1 (a non-boolean bit),
 * −v (a negative wrapped around p), 0 and 1. Deduplicated, v itself excluded.
 */
export function mutations(v: bigint): bigint[] {
  const out = new Set<bigint>();
  const add = (x: bigint) => { const f = toField(x); if (f !== v) out.add(f); };
  for (const d of [1n, 2n, 3n]) { add(v + d); add(v - d); }
  for (const x of [0n, 1n, 2n, P - 1n, -v]) add(x);
  for (const j of SHIFTS) { add(v + (1n << BigInt(j))); add(v - (1n << BigInt(j))); }
  return [...out];
}

/** Values to try for a wire no single constraint pins down: first its honest value. */
export function guesses(v: bigint): bigint[] {
  return [v, ...mutations(v).slice(0, 24)];
}

/** A random wrong value near v (offset of random size and sign) or anywhere in the field. */
export function randomValue(next: () => number, v: bigint): bigint {
  const r = next();
  if (r < 0.1) return toField(randomBits(next, 254));
  const offset = randomBits(next, 1 + Math.floor(next() * 70)) + 1n;
  return toField(r < 0.55 ? v + offset : v - offset);
}
