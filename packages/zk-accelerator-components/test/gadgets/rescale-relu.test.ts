import { checkR1cs, ConstraintSystem, gadgets, Signal } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

const { rescale_relu: rescaleRelu } = gadgets;

function reference(x: bigint, s: number): bigint {
  const d = 1n << BigInt(s);
  const t = x + d / 2n;
  const q = (t - (((t % d) + d) % d)) / d;
  return q > 0n ? q : 0n;
}

/** lo/hi are the bounds of the rescaled q, as select derives them from x's bounds. */
function run(xs: bigint[], shift: number, lo: bigint[], hi: bigint[]) {
  return build(rescaleRelu, { x: xs }, { y: xs.length, n: xs.length, shift, lo: i64(lo), hi: i64(hi) }, ['Gemm_0', 'Relu_1']);
}

describe('rescale_relu gadget', () => {
  test('exact witness: ties of both signs, zero, range ends, random', () => {
    const xs = [4n, -4n, 12n, -12n, -20n, 0n, -68n, 59n]; // -68 → -8 and 59 → 7: the range ends
    const built = run(xs, 3, xs.map(() => -8n), xs.map(() => 7n));
    expect(built.outs.map((o) => o.value)).toEqual([1n, 0n, 2n, 0n, 0n, 0n, 0n, 7n]);
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    const next = rng(3);
    for (const shift of [1, 4, 12]) {
      const lo = [-500n, 0n, 3n, -500n, -9n];
      const hi = [500n, 20n, 900n, 0n, -2n];
      const qs = lo.map((l, i) => randInt(next, l, hi[i]));
      const xs2 = qs.map((q) => (q << BigInt(shift)) - (1n << BigInt(shift - 1)) + randInt(next, 0n, (1n << BigInt(shift)) - 1n));
      const b = run(xs2, shift, lo, hi);
      expect(b.outs.map((o) => o.value)).toEqual(xs2.map((x) => reference(x, shift)));
      expect(checkR1cs(b.r1cs, b.r1cs.witness)).toBeNull();
      expect(b.measured).toEqual(b.cost);
    }
  });

  test('cost is s + k + 1 per mixed-sign element, labels use the first location', () => {
    const built = run([100n], 4, [-128n], [127n]); // s = 4, k = 8
    expect(built.measured).toEqual({ constraints: 13, wires: 12 });
    expect(built.r1cs.labels).toContain('Gemm_0.rescale_relu.q_bit[0][7]');
  });

  test('dense + ReLU: each output\'s quotient bits are the bits of its exact interval, and corner inputs reach both ends', () => {
    // y = relu(rescale(x·W + B)) with x ∈ [−2^f, 2^f] per element and constant W: the interval of
    // output j is B_j ± Σ_i |W_ij|·2^f (fixedpoint-lowering's Linear rule), attained at the corners
    // x_i = ±2^f·sign(W_ij), so no decomposition narrower than k = signedBits(q_lo, q_hi) holds both.
    const [f, k, n] = [8, 6, 3];
    const one = 1n << BigInt(f);
    const next = rng(11);
    const W = Array.from({ length: k * n }, () => randInt(next, -one, one));
    const B = Array.from({ length: n }, () => randInt(next, -(one * one) / 4n, (one * one) / 4n));
    const col = (j: number) => Array.from({ length: k }, (_, i) => W[i * n + j]);
    const abs = (v: bigint) => (v < 0n ? -v : v);
    const acc = Array.from({ length: n }, (_, j) => {
      const spread = col(j).reduce((a, w) => a + abs(w), 0n) * one;
      return [B[j] - spread, B[j] + spread];
    });
    const q = (v: bigint) => (v + (1n << BigInt(f - 1))) >> BigInt(f); // rescale: floor((v + 2^(f−1)) / 2^f)
    const [qLo, qHi] = [acc.map(([l]) => q(l)), acc.map(([, h]) => q(h))];
    const signedBits = (lo: bigint, hi: bigint) => 1 + Math.max((-lo - 1n).toString(2).length, hi.toString(2).length);
    const denseRelu = (xs: bigint[]) => {
      const cs = new ConstraintSystem();
      const x = xs.map((v, i) => cs.newWire(v, `x[${i}]`));
      const lin = gadgets.linear.synthesize(cs, [x, i64(W), i64(B), n, 1, k, n], ['Gemm_0']);
      const c0 = cs.nConstraints;
      const y: Signal[] = rescaleRelu.synthesize(cs, [lin, n, n, f, i64(qLo), i64(qHi)], ['Gemm_0']);
      return { acc: lin.map((l) => l.value), y: y.map((o) => o.value), constraints: cs.nConstraints - c0 };
    };
    for (let j = 0; j < n; j++) {
      expect(qLo[j] < 0n && qHi[j] > 0n).toBe(true); // mixed sign: the s + k + 1 case
      const up = denseRelu(col(j).map((w) => (w >= 0n ? one : -one)));
      const down = denseRelu(col(j).map((w) => (w >= 0n ? -one : one)));
      expect([up.acc[j], down.acc[j]]).toEqual([acc[j][1], acc[j][0]]);
      expect(up.y[j]).toBe(qHi[j]);
      expect(down.y[j]).toBe(0n);
      const kj = signedBits(qLo[j], qHi[j]);
      // k − 1 signed bits hold [−2^(k−2), 2^(k−2)): one of the reached ends falls outside.
      expect(qLo[j] < -(1n << BigInt(kj - 2)) || qHi[j] >= 1n << BigInt(kj - 2)).toBe(true);
    }
    const total = qLo.reduce((a, l, j) => a + f + signedBits(l, qHi[j]) + 1, 0);
    expect(denseRelu(Array(k).fill(0n)).constraints).toBe(total);
  });

  describe('tampering breaks the check', () => {
    // x = 100, s = 4: q = floor(108 / 16) = 6, r = 12; q + 128 = 134 = 0b10000110, sign = 1
    const { r1cs } = run([100n], 4, [-128n], [127n]);
    const q = (i: number) => `Gemm_0.rescale_relu.q_bit[0][${i}]`;
    const r = (i: number) => `Gemm_0.rescale_relu.r_bit[0][${i}]`;
    const y = 'Gemm_0.rescale_relu.y[0]';

    test('honest', () => {
      expect(valueOf(r1cs, q(7))).toBe(1n);
      expect(valueOf(r1cs, y)).toBe(6n);
    });
    test('q + 1 with r − 2^s (remainder bit wrapped below zero)', () => {
      // q bits 135 = 0b10000111, r_bit[3] 1 → −1 takes 2^4 off; output claims 7.
      const fail = checkTampered(r1cs, [[q(0), 1n], [r(3), -1n], [y, 7n], [1, 7n]]);
      expect(fail?.label).toBe(r(3));
    });
    test('q − 1 with r + 2^s (a remainder bit set to 2)', () => {
      // r = 12 = 0b1100: r_bit[3] 1 → 2 adds 2^3 and r_bit[2] 1 → 2 adds 2^2: not enough, so use r_bit[3] = 3.
      const fail = checkTampered(r1cs, [[q(1), 0n], [q(0), 1n], [r(3), 3n], [y, 5n], [1, 5n]]);
      expect(fail?.label).toBe(r(3));
    });
    test('flip the sign to zero the output', () => {
      expect(checkTampered(r1cs, [[q(7), 0n], [y, 0n], [1, 0n]])).not.toBeNull();
    });
    test('every wire changed alone', () => {
      expect(everySingleChangeFails(r1cs, [1n, -1n, 2n, 16n])).toEqual([]);
    });
  });
});
