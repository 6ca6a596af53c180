/** The BN254 scalar field, the field of snarkjs's bn128 Groth16 circuits. */
export const P = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

/** Field bits; values used as exact integers must stay far below this. */
export const FIELD_BITS = 254;

/** Most bits a decomposition or bounded value may use, leaving a wide margin below p. */
export const MAX_SAFE_BITS = 200;

/** Reduces an integer into [0, p): negatives become p − |v|. */
export function toField(v: bigint): bigint {
  const r = v % P;
  return r < 0n ? r + P : r;
}

/** Reads a field element as a signed integer: values above p/2 are negatives. */
export function fromField(v: bigint): bigint {
  return v > P / 2n ? v - P : v;
}

/** Number of bits of a non-negative integer (bitLength(0) = 0). */
export function bitLength(v: bigint): number {
  if (v < 0n) throw new Error(`internal error: bitLength of negative ${v}`);
  // 32 bits at a time with clz32 (exact; no string per call: costs call this per element)
  let bits = 0;
  while (v >= 0x100000000n) {
    v >>= 32n;
    bits += 32;
  }
  return bits + 32 - Math.clz32(Number(v));
}

/** a^(−1) mod p by the extended Euclidean algorithm (a ≠ 0); ±1, the common case, at once. */
export function modInv(a: bigint): bigint {
  const n = toField(a);
  if (n === 1n || n === P - 1n) return n;
  let [r0, r1, s0, s1] = [P, n, 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return toField(s0);
}

/** The inverses of many field elements with one inversion (Montgomery's trick); a 0 maps to 0. */
export function batchInverse(xs: readonly bigint[]): bigint[] {
  const prefix = new Array<bigint>(xs.length);
  let acc = 1n;
  xs.forEach((x, i) => {
    prefix[i] = acc;
    if (x !== 0n) acc = (acc * x) % P;
  });
  let inv = modInv(acc);
  const out = new Array<bigint>(xs.length);
  for (let i = xs.length - 1; i >= 0; i--) {
    if (xs[i] === 0n) {
      out[i] = 0n;
      continue;
    }
    out[i] = (inv * prefix[i]) % P;
    inv = (inv * xs[i]) % P;
  }
  return out;
}

/** floor(a / b) for b > 0 (BigInt division truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}
