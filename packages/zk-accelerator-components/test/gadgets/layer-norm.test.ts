import { checkR1cs, gadgets } from '../../src';
import { isqrt } from '../../src/gadgets/blocks/rsqrt';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

const { layer_norm: layerNorm } = gadgets;

/** The integer semantics, written out independently of the gadget. */
function reference(x: bigint[], gamma: bigint[], beta: bigint[] | null, eps: bigint, shift: number): bigint[] {
  const D = BigInt(x.length);
  const s = x.reduce((a, b) => a + b, 0n);
  const dev = x.map((v) => D * v - s);
  const den = dev.reduce((a, d) => a + d * d, 0n) + D ** 3n * eps;
  const r = isqrt(((D ** 3n) << BigInt(shift)) / den);
  return dev.map((d, i) => gamma[i] * d * r + (beta ? beta[i] : 0n));
}

function run(x: bigint[], d: number, gamma: bigint[], beta: bigint[] | null, eps: number, shift: number, lo: bigint, hi: bigint) {
  const params = { gamma: i64(gamma), beta: beta && i64(beta), y: x.length, rows: x.length / d, d, eps, shift, lo: i64([lo]), hi: i64([hi]) };
  return build(layerNorm, { x }, params, ['LayerNorm_1']);
}

describe('layer_norm gadget', () => {
  const next = rng(31);
  const f = 8; // input frac
  const fr = 20; // frac of the normalised value
  const shift = 2 * f + 2 * fr;
  const [lo, hi] = [-(8n << BigInt(f)), 8n << BigInt(f)];

  test('exact on random rows, a constant row (zero variance), range ends; cost', () => {
    const d = 8;
    const rows = [Array(d).fill(0n), Array(d).fill(hi), [lo, hi, lo, hi, lo, hi, lo, hi]];
    for (let i = 0; i < 5; i++) rows.push(Array.from({ length: d }, () => randInt(next, lo, hi)));
    const gamma = Array.from({ length: d }, (_, i) => BigInt(i - 3));
    const beta = Array.from({ length: d }, (_, i) => BigInt(i * 1000));
    const built = run(rows.flat(), d, gamma, beta, 1, shift, lo, hi);
    expect(built.outs.map((o) => o.value)).toEqual(rows.flatMap((r) => reference(r, gamma, beta, 1n, shift)));
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    expect(built.measured).toEqual(built.cost);
  });

  test('error bound: |z/(D·2^(f+fr)) − (x − μ)/√(var + ε)| < |x − μ|·2^−fr', () => {
    const d = 16;
    const eps = 1e-5;
    const epsInt = Math.max(1, Math.round(eps * 2 ** (2 * f)));
    for (let round = 0; round < 10; round++) {
      const x = Array.from({ length: d }, () => randInt(next, lo, hi));
      const z = run(x, d, Array(d).fill(1n), null, epsInt, shift, lo, hi).outs.map((o) => Number(o.value) / d / 2 ** (f + fr));
      const xs = x.map((v) => Number(v) / 2 ** f);
      const mu = xs.reduce((a, b) => a + b, 0) / d;
      const v = xs.reduce((a, b) => a + (b - mu) ** 2, 0) / d;
      xs.forEach((xi, i) => {
        const exact = (xi - mu) / Math.sqrt(v + epsInt / 2 ** (2 * f));
        expect(Math.abs(z[i] - exact)).toBeLessThanOrEqual(Math.abs(xi - mu) * 2 ** -fr + 1e-9);
        expect(Math.abs(z[i] - exact)).toBeLessThan(1e-4);
      });
    }
  });

  test('cost formula per row: 1 (Σx) + 2D + rsqrt(denBits, yBits)', () => {
    // D = 2, x ∈ [0, 1], eps 1, shift 4: |d| ≤ 1, V ≤ 2, den ∈ [8, 10] → 4 bits; y ≤ √(8·16/8) = 4 → 3 bits
    const built = run([0n, 1n], 2, [1n, 1n], null, 1, 4, 0n, 1n);
    expect(built.measured).toEqual({ constraints: 1 + 4 + (3 + 3 + 2 * 8), wires: 1 + 4 + (1 + 2 + 3 + 2 * 7) });
    // D = 1: the sum is x itself, no wire for it.
    const single = run([1n], 1, [1n], null, 1, 4, 0n, 1n);
    expect(single.measured).toEqual(single.cost);
    expect(single.r1cs.labels).not.toContain('LayerNorm_1.layer_norm.sum[0]');
  });

  test('Σx is one wire: in a row of 256 only three constraints read the whole row', () => {
    const wide = (d: number) => {
      const x = Array.from({ length: d }, () => randInt(next, lo, hi));
      const built = run(x, d, Array(d).fill(1n), null, 1, shift, lo, hi);
      expect(built.outs.map((o) => o.value)).toEqual(reference(x, Array(d).fill(1n), null, 1n, shift));
      expect(built.measured).toEqual(built.cost);
      expect(valueOf(built.r1cs, 'LayerNorm_1.layer_norm.sum[0]')).toBe(x.reduce((a, b) => a + b, 0n));
      // Σx's own constraint and the two rsqrt products that read V = Σd²; every d_i is D·x_i − Σx, two terms.
      return built.r1cs.constraints.filter((c) => c.a.size + c.b.size + c.c.size >= d).map((c) => c.label);
    };
    expect(wide(256)).toEqual(['LayerNorm_1.layer_norm.sum[0]', 'LayerNorm_1.layer_norm.rsqrt_t[0]', 'LayerNorm_1.layer_norm.rsqrt_u[0]']);
  });

  test('eps < 1 is ZK010', () => {
    expect(() => run([0n, 1n], 2, [1n, 1n], null, 0, 4, 0n, 1n)).toThrow(/LayerNorm_1 \(LayerNormalization\): error ZK010/);
  });

  describe('tampering', () => {
    const { r1cs } = run([1n, -1n, 2n], 3, [1n, 2n, -1n], [0n, 1n, 0n], 1, 4, -2n, 2n);
    test('every wire changed alone', () => expect(everySingleChangeFails(r1cs)).toEqual([]));
    test('a forged row sum breaks its own constraint', () => {
      const sum = 'LayerNorm_1.layer_norm.sum[0]';
      expect(checkTampered(r1cs, [[sum, valueOf(r1cs, sum) + 3n]])?.label).toBe(sum);
    });
    test('the rsqrt result one lower, products recomputed', () => {
      const y = BigInt(r1cs.witness[r1cs.labels.indexOf('LayerNorm_1.layer_norm.rsqrt_y[0]')]);
      expect(checkTampered(r1cs, [['LayerNorm_1.layer_norm.rsqrt_y[0]', y - 1n]])).not.toBeNull();
    });
  });
});
