/**
 * The field side of the development setup: the scalars whose multiples of the generators are
 * the ptau's points. Lagrange blocks are checked by interpolation (Σ_i v_i·ω^(ik) recovers the
 * IFFT input τ^k), independently of the curve.
 */
import { R, loadBn254 } from '../src/setup/bn254';
import { batchInvert, geometricScalars, lagrangeScalars, mod, powMod } from '../src/setup/scalars';

function readScalars(chunks: Iterable<Uint8Array>): bigint[] {
  const out: bigint[] = [];
  for (const c of chunks) {
    for (let o = 0; o < c.length; o += 32) {
      let v = 0n;
      for (let i = 31; i >= 0; i--) v = (v << 8n) | BigInt(c[o + i]);
      out.push(v);
    }
  }
  return out;
}

const TAU = 0x1234567890abcdef1234567890abcdef1234567890abcdefn;
let omegas: bigint[];

beforeAll(async () => {
  const { curve } = await loadBn254();
  omegas = curve.Fr.w.slice(0, 8).map((w) => curve.Fr.toObject(w));
});

test('the roots are ffjavascript primitive 2^p-th roots of unity', () => {
  for (let p = 1; p < 8; p++) {
    expect(powMod(omegas[p], BigInt(2 ** p))).toBe(1n);
    expect(powMod(omegas[p], BigInt(2 ** (p - 1)))).toBe(R - 1n);
  }
});

test('batchInvert inverts every element', () => {
  const xs = [1n, 2n, R - 1n, TAU, TAU * TAU % R];
  batchInvert(xs).forEach((inv, i) => expect((inv * xs[i]) % R).toBe(1n));
});

test('geometricScalars gives first·ratio^i across chunk boundaries', () => {
  const got = readScalars(geometricScalars(3n, TAU, 10, 4));
  expect(got).toEqual(Array.from({ length: 10 }, (_, i) => (3n * powMod(TAU, BigInt(i))) % R));
});

test.each([[3, 8], [5, 7], [6, 64]])('Lagrange block 2^%i (chunks of %i) interpolates τ^k', (p, chunk) => {
  const m = 2 ** p;
  const v = readScalars(lagrangeScalars(TAU, 1n, { p, omega: omegas[p], dropLastPower: false }, chunk));
  expect(v).toHaveLength(m);
  const at = (k: number) => v.reduce((acc, vi, i) => (acc + vi * powMod(omegas[p], BigInt(i * k))) % R, 0n);
  for (const k of [0, 1, m - 1]) expect(at(k)).toBe(powMod(TAU, BigInt(k)));
});

test('a factor scales the block; dropLastPower zeroes the τ^(m−1) coefficient only', () => {
  const p = 4;
  const m = 2 ** p;
  const plain = readScalars(lagrangeScalars(TAU, 1n, { p, omega: omegas[p], dropLastPower: false }, 5));
  const scaled = readScalars(lagrangeScalars(TAU, 7n, { p, omega: omegas[p], dropLastPower: false }, 5));
  expect(scaled).toEqual(plain.map((x) => mod(7n * x)));
  const dropped = readScalars(lagrangeScalars(TAU, 1n, { p, omega: omegas[p], dropLastPower: true }, 5));
  const at = (k: number) => dropped.reduce((acc, vi, i) => (acc + vi * powMod(omegas[p], BigInt(i * k))) % R, 0n);
  expect(at(m - 1)).toBe(0n);
  expect(at(m - 2)).toBe(powMod(TAU, BigInt(m - 2)));
  expect(at(0)).toBe(1n);
});
