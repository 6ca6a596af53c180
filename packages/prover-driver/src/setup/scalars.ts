/**
 * The scalars of every ptau point, computed in the BN254 scalar field with BigInt, written as
 * 32-byte little-endian integers (normal form, what the fixed-base workers read digits from).
 * The point for scalar s is s·G, so these functions define the file's content.
 */
import { batchInverse, modInv } from '@onnx-zk/zk-accelerator-components';
import { R } from './bn254';

export const SCALAR_BYTES = 32;

export const mod = (a: bigint): bigint => ((a % R) + R) % R;

export function powMod(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % R;
    b = (b * b) % R;
  }
  return result;
}

/** BN254's scalar field is the circuit field: one inversion and one Montgomery batch serve both. */
export const invMod = (a: bigint): bigint => modInv(a);

/** Inverts every (non-zero) element with one field inversion (Montgomery's trick). */
export function batchInvert(xs: bigint[]): bigint[] {
  return batchInverse(xs);
}

const MASK64 = (1n << 64n) - 1n;

/** The scalar of index `index` of a packed array of 32-byte little-endian scalars. */
export function writeScalar(view: DataView, index: number, v: bigint): void {
  writeScalarAt(view, index * SCALAR_BYTES, v);
}

/** A 32-byte little-endian scalar at byte offset `o` of `view`. */
export function writeScalarAt(view: DataView, o: number, v: bigint): void {
  view.setBigUint64(o, v & MASK64, true);
  view.setBigUint64(o + 8, (v >> 64n) & MASK64, true);
  view.setBigUint64(o + 16, (v >> 128n) & MASK64, true);
  view.setBigUint64(o + 24, v >> 192n, true);
}

function scalarBuffer(n: number): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(n * SCALAR_BYTES);
  return { bytes, view: new DataView(bytes.buffer) };
}

/** first·ratio^i for i in [0, count), in chunks of at most `chunk` scalars. */
export function* geometricScalars(first: bigint, ratio: bigint, count: number, chunk: number): Generator<Uint8Array> {
  let t = mod(first);
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    const { bytes, view } = scalarBuffer(n);
    for (let i = 0; i < n; i++) {
      writeScalar(view, i, t);
      t = (t * ratio) % R;
    }
    yield bytes;
  }
}

/** One Lagrange block: the points snarkjs's preparePhase2 writes for domain size 2^p. */
export interface LagrangeBlock {
  /** log2 of the domain size. */
  p: number;
  /** The primitive 2^p-th root of unity ffjavascript uses (Fr.w[p]), normal form. */
  omega: bigint;
  /**
   * The block snarkjs derives from tauG1 at power+1: its input lacks τ^(2^p − 1) (the ceremony
   * has only 2^p − 1 tau powers in G1), so the last coefficient is taken as zero.
   */
  dropLastPower: boolean;
}

/**
 * factor·L_j(τ) for the Lagrange basis of the domain {ω^i : i < m}, at the points x_k = first·ratio^k
 * (k < count), in chunks: L_j(τ) = x (τ^m − 1) / (m (τ − x)) with x = ω^j. With dropLastPower the
 * value is that of the IFFT of (τ^0 .. τ^(m−2), 0), i.e. minus (1/m)·x·τ^(m−1) (see LagrangeBlock).
 * Requires τ^m ≠ 1 (τ is not in the domain); sampleSecrets guarantees it.
 */
export function* lagrangeValues(tau: bigint, factor: bigint, pts: { m: number; first: bigint; ratio: bigint; count: number; dropLastPower?: boolean }, chunk: number): Generator<bigint[]> {
  const invM = invMod(BigInt(pts.m));
  const c1 = (((factor * (powMod(tau, BigInt(pts.m)) - 1n + R)) % R) * invM) % R;
  const c2 = pts.dropLastPower ? (((factor * powMod(tau, BigInt(pts.m - 1))) % R) * invM) % R : 0n;
  let x = mod(pts.first);
  for (let start = 0; start < pts.count; start += chunk) {
    const n = Math.min(chunk, pts.count - start);
    const xs = new Array<bigint>(n);
    const diffs = new Array<bigint>(n);
    for (let i = 0; i < n; i++) {
      xs[i] = x;
      diffs[i] = mod(tau - x);
      x = (x * pts.ratio) % R;
    }
    const invs = batchInvert(diffs);
    yield xs.map((xi, i) => (xi * mod(c1 * invs[i] - c2)) % R);
  }
}

/** Field elements as the 32-byte little-endian scalars the fixed-base workers read. */
export function scalarBytes(values: readonly bigint[]): Uint8Array {
  const { bytes, view } = scalarBuffer(values.length);
  values.forEach((v, i) => writeScalar(view, i, v));
  return bytes;
}

/**
 * factor·L_i(τ) for i in [0, m), m = 2^p: the IFFT of (τ^0 .. τ^(m−1)) that preparePhase2
 * computes over curve points, as scalars.
 */
export function* lagrangeScalars(tau: bigint, factor: bigint, block: LagrangeBlock, chunk: number): Generator<Uint8Array> {
  const m = 1 << block.p;
  for (const values of lagrangeValues(tau, factor, { m, first: 1n, ratio: block.omega, count: m, dropLastPower: block.dropLastPower }, chunk)) {
    yield scalarBytes(values);
  }
}

/** The blocks of one Lagrange section, smallest domain first (snarkjs's order). */
export function lagrangeBlocks(omegas: bigint[], maxP: number, topDropsLastPower: boolean): LagrangeBlock[] {
  const blocks: LagrangeBlock[] = [];
  for (let p = 0; p <= maxP; p++) {
    blocks.push({ p, omega: omegas[p], dropLastPower: topDropsLastPower && p === maxP });
  }
  return blocks;
}

/** Concatenates the scalar chunks of several blocks. */
export function* sectionScalars(tau: bigint, factor: bigint, blocks: LagrangeBlock[], chunk: number): Generator<Uint8Array> {
  for (const block of blocks) yield* lagrangeScalars(tau, factor, block, chunk);
}
