import { modInv, P } from '../r1cs/field';

export { modInv };

const mod = (v: bigint): bigint => ((v % P) + P) % P;

export function modPow(base: bigint, exp: bigint): bigint {
  let [b, e, acc] = [mod(base), exp, 1n];
  while (e > 0n) {
    if (e & 1n) acc = (acc * b) % P;
    b = (b * b) % P;
    e >>= 1n;
  }
  return acc;
}


// p − 1 = 2^S·Q with Q odd; Z is the least quadratic non-residue (found once, by Euler's criterion).
const [S, Q] = ((): [bigint, bigint] => {
  let [s, q] = [0n, P - 1n];
  while ((q & 1n) === 0n) [s, q] = [s + 1n, q >> 1n];
  return [s, q];
})();
const Z = ((): bigint => {
  let z = 2n;
  while (modPow(z, (P - 1n) / 2n) !== P - 1n) z++;
  return z;
})();

/** The integer square root of a small perfect square, else null (the common case: b(b − 1) = 0). */
function smallSqrt(n: bigint): bigint | null {
  if (n >= 1n << 52n) return null;
  const r = BigInt(Math.round(Math.sqrt(Number(n))));
  return r * r === n ? r : null;
}

/** A square root of a in F_p (Tonelli–Shanks), or null when a is not a square. */
export function modSqrt(a: bigint): bigint | null {
  const n = mod(a);
  if (n === 0n) return 0n;
  const small = smallSqrt(n);
  if (small !== null) return small;
  if (modPow(n, (P - 1n) / 2n) !== 1n) return null;
  let [m, c, t, r] = [S, modPow(Z, Q), modPow(n, Q), modPow(n, (Q + 1n) / 2n)];
  while (t !== 1n) {
    let [i, t2] = [0n, t];
    while (t2 !== 1n) [i, t2] = [i + 1n, (t2 * t2) % P];
    const b = modPow(c, 1n << (m - i - 1n));
    [m, c, t, r] = [i, (b * b) % P, (t * b * b) % P, (r * b) % P];
  }
  return r;
}

/**
 * Every x in F_p with qa·x² + qb·x + qc = 0: 'free' when the polynomial is identically zero
 * (the constraint says nothing about x), else the list of roots (possibly empty).
 */
export function polyRoots(qa: bigint, qb: bigint, qc: bigint): bigint[] | 'free' {
  const [a, b, c] = [mod(qa), mod(qb), mod(qc)];
  if (a === 0n) {
    if (b === 0n) return c === 0n ? 'free' : [];
    return [mod(-c * modInv(b))];
  }
  const s = modSqrt(b * b - 4n * a * c);
  if (s === null) return [];
  const inv2a = modInv(2n * a);
  const roots = [mod((-b + s) * inv2a), mod((-b - s) * inv2a)];
  return roots[0] === roots[1] ? [roots[0]] : roots;
}
