import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

const { rescale_clip: rescaleClip } = gadgets;

/** Plainly written integer semantics: clip(floor((x + 2^(s−1)) / 2^s), low, high). */
function reference(x: bigint, s: number, low: bigint, high: bigint): bigint {
  const d = 1n << BigInt(s);
  const t = x + d / 2n;
  const q = (t - (((t % d) + d) % d)) / d;
  return q < low ? low : q > high ? high : q;
}

/** An x whose rescale by `shift` is q, with a random remainder. */
function xOf(next: () => number, q: bigint, shift: number): bigint {
  return (q << BigInt(shift)) - (1n << BigInt(shift - 1)) + randInt(next, 0n, (1n << BigInt(shift)) - 1n);
}

/** lo/hi are the bounds of the rescaled q, as select derives them from x's bounds; `withQ`: output q too. */
function run(xs: bigint[], shift: number, low: number, high: number, lo: bigint[], hi: bigint[], withQ = false) {
  const q = withQ ? xs.length : 0;
  return build(rescaleClip, { x: xs }, { y: xs.length, q, n: xs.length, shift, low, high, lo: i64(lo), hi: i64(hi) }, ['Gemm_0', 'Elu_1.neg']);
}

/** The plain rescale: floor((x + 2^(s−1)) / 2^s). */
const rescaled = (x: bigint, s: number) => reference(x, s, BigInt(Number.MIN_SAFE_INTEGER), BigInt(Number.MAX_SAFE_INTEGER));

describe('rescale_clip gadget', () => {
  test('exact witness on random in-range inputs, for every way the limits meet the bounds', () => {
    const next = rng(5);
    const lo = [-500n, 0n, 3n, -500n, -9n, -40n, 7n, -3n];
    const hi = [500n, 20n, 900n, 0n, -2n, 40n, 7n, 3n];
    const limits = [[-3, 3], [Number.MIN_SAFE_INTEGER, 0], [0, 1 << 30], [-600, 600], [5, 5], [-2, 7], [8, 12]];
    for (const shift of [1, 4, 12]) {
      for (const [low, high] of limits) {
        const qs = [...lo.map((l, i) => randInt(next, l, hi[i])), ...lo, ...hi];
        const [qlo, qhi] = [[...lo, ...lo, ...lo], [...hi, ...hi, ...hi]];
        const xs = qs.map((q) => xOf(next, q, shift));
        const b = run(xs, shift, low, high, qlo, qhi);
        expect(b.outs.map((o) => o.value)).toEqual(xs.map((x) => reference(x, shift, BigInt(low), BigInt(high))));
        expect(checkR1cs(b.r1cs, b.r1cs.witness)).toBeNull();
        expect(b.measured).toEqual(b.cost);
        // with q: y then q, exact, satisfied, costed as synthesized
        const withQ = run(xs, shift, low, high, qlo, qhi, true);
        expect(withQ.outs.map((o) => o.value)).toEqual([...b.outs.map((o) => o.value), ...xs.map((x) => rescaled(x, shift))]);
        expect(checkR1cs(withQ.r1cs, withQ.r1cs.witness)).toBeNull();
        expect(withQ.measured).toEqual(withQ.cost);
      }
    }
  });

  test('the limits themselves and one past them, ties of both signs', () => {
    const xs = [-20n, -12n, -4n, 4n, 12n, 20n]; // shift 3: q = −2, −1, 0, 1, 2, 3 (ties round up)
    const built = run(xs, 3, -1, 2, xs.map(() => -8n), xs.map(() => 7n));
    expect(built.outs.map((o) => o.value)).toEqual([-1n, -1n, 0n, 1n, 2n, 2n]);
  });

  test('cost per element: the quotient carries one limit\'s sign', () => {
    const q = (lo: bigint, hi: bigint, low: number, high: number) => run([lo << 4n], 4, low, high, [lo], [hi]).measured;
    // ELU's min(q, 0) over [−128, 127]: s + k + 1 with k = 8, as rescale_relu
    expect(q(-128n, 127n, Number.MIN_SAFE_INTEGER, 0)).toEqual({ constraints: 4 + 8 + 1, wires: 4 + 7 + 1 });
    // low only: q − 5 ∈ [−133, 122] needs 9 bits
    expect(q(-128n, 127n, 5, 1000)).toEqual({ constraints: 4 + 9 + 1, wires: 4 + 8 + 1 });
    // neither: a plain rescale, bits of q − lo
    expect(q(-128n, 127n, -128, 127)).toEqual({ constraints: 4 + 8, wires: 4 + 7 });
    // both: q + 6 ∈ [−122, 133] (9 bits) on the quotient, then 6 − t ∈ [−121, 12] (8 bits) by the compare block
    expect(q(-128n, 127n, -6, 6)).toEqual({ constraints: 4 + 9 + 1 + 8 + 1, wires: 4 + 8 + 1 + 7 + 1 });
    // both, high side first: q + 126 ∈ [−2, 253] (9 bits), then t + 127 ∈ [−1, 1] (2 bits); low first needs 9 + 9
    expect(q(-128n, 127n, -127, -126)).toEqual({ constraints: 4 + 9 + 1 + 2 + 1, wires: 4 + 8 + 1 + 1 + 1 });
    // beyond a limit, or low = high: a constant, free
    expect(q(-128n, -7n, -6, 6)).toEqual({ constraints: 0, wires: 0 });
    expect(q(6n, 127n, -6, 6)).toEqual({ constraints: 0, wires: 0 });
    expect(q(-128n, 127n, 3, 3)).toEqual({ constraints: 0, wires: 0 });
  });

  test('q is free: the same cost with and without it wherever y is not a constant', () => {
    const both = (lo: bigint, hi: bigint, low: number, high: number) =>
      [false, true].map((withQ) => run([lo << 4n, hi << 4n], 4, low, high, [lo], [hi], withQ).measured);
    for (const [low, high] of [[Number.MIN_SAFE_INTEGER, 0], [5, 1000], [-128, 127], [-6, 6], [-127, -126]]) {
      const [without, withQ] = both(-128n, 127n, low, high);
      expect(withQ).toEqual(without);
    }
    // y a constant: free without q; with q, a plain rescale (s + bitlen(hi − lo) per element)
    expect(both(-128n, -7n, -6, 6)).toEqual([{ constraints: 0, wires: 0 }, { constraints: 2 * (4 + 7), wires: 2 * (4 + 6) }]);
    expect(both(-128n, 127n, 3, 3)).toEqual([{ constraints: 0, wires: 0 }, { constraints: 2 * (4 + 8), wires: 2 * (4 + 7) }]);
  });

  test('q is the quotient itself: no constraint names it, and with no limit crossed y and q are the same linear combination', () => {
    const b = run([100n, -37n], 4, -1000, 1000, [-62n], [63n], true);
    expect(b.outs.map((o) => o.value)).toEqual([6n, -2n, 6n, -2n]);
    expect(b.outs[2].lc).toEqual(b.outs[0].lc);
    expect(b.cs.labels.some((l) => /\.q\[/.test(l))).toBe(false);
  });

  test('fused against rescale then clamp: the same outputs, 23 constraints an element cheaper', () => {
    const next = rng(9);
    const [shift, lo, hi] = [16, -(1n << 20n), 1n << 20n];
    const xs = Array.from({ length: 20 }, () => xOf(next, randInt(next, lo, hi), shift));
    const fused = run(xs, shift, Number.MIN_SAFE_INTEGER, 0, [lo], [hi]);
    const p = { y: xs.length, n: xs.length };
    const rescaled = build(gadgets.rescale, { x: xs }, { ...p, shift, lo: i64([lo]), hi: i64([hi]) });
    const clamped = build(gadgets.clamp, { x: rescaled.outs.map((o) => o.value) }, { ...p, low: Number.MIN_SAFE_INTEGER, high: 0, lo: i64([lo]), hi: i64([hi]) });
    expect(fused.outs.map((o) => o.value)).toEqual(clamped.outs.map((o) => o.value));
    expect(rescaled.measured.constraints / xs.length).toBe(16 + 22); // s + bitlen(2^21)
    expect(clamped.measured.constraints / xs.length).toBe(23 + 1); // 0 − q over the 22-bit signed range of q: 23 sign bits + select
    expect(fused.measured.constraints / xs.length).toBe(16 + 22 + 1);
  });

  test('low > high is ZK003', () => {
    expect(() => run([0n], 2, 3, 2, [-8n], [7n])).toThrow(/Gemm_0 \(RescaleClip\): error ZK003/);
  });

  describe('tampering breaks the check', () => {
    // x = 100, shift 4: q = floor(108 / 16) = 6; high = 2 crossed: q − 2 + 128 = 132 = 0b10000100, s = 1, y = 2
    const { r1cs } = run([100n], 4, -1000, 2, [-126n], [129n]);
    const qBit = (i: number) => `Gemm_0.rescale_clip.q_bit[0][${i}]`;
    const y = 'Gemm_0.rescale_clip.y[0]';

    test('honest', () => {
      expect(valueOf(r1cs, qBit(7))).toBe(1n);
      expect(valueOf(r1cs, y)).toBe(2n);
    });
    test('flip the sign bit to pass q through unclipped', () => {
      expect(checkTampered(r1cs, [[qBit(7), 0n], [y, 6n], [1, 6n]])).not.toBeNull();
    });
    test('every wire changed alone', () => {
      expect(everySingleChangeFails(r1cs, [1n, -1n, 2n, 16n])).toEqual([]);
    });
    for (const x of [-300n, 5n, 90n]) {
      test(`both limits crossed, x = ${x}: every wire changed alone; a clipped output cannot pass as q`, () => {
        const built = run([x], 3, -10, 6, [-40n], [40n]);
        expect(everySingleChangeFails(built.r1cs)).toEqual([]);
        const q = (x + 4n) >> 3n;
        if (built.outs[0].value !== q) expect(checkTampered(built.r1cs, [[1, q]])).not.toBeNull();
      });
    }
    for (const [x, low, high] of [[100n, -1000, 2], [-300n, -10, 6], [5n, -10, 6], [-300n, 40, 50]] as const) {
      test(`with q (x = ${x}, clip [${low}, ${high}]): every wire changed alone, q public beside y; q cannot pass as y nor y as q`, () => {
        const built = run([x], 3, low, high, [-40n], [40n], true);
        const q = (x + 4n) >> 3n;
        expect(built.outs.map((o) => o.value)).toEqual([reference(x, 3, BigInt(low), BigInt(high)), q]);
        expect(built.r1cs.nPubOut).toBe(2);
        expect(everySingleChangeFails(built.r1cs)).toEqual([]);
        const y = built.outs[0].value;
        if (y !== q) {
          expect(checkTampered(built.r1cs, [[1, q]])).not.toBeNull();
          expect(checkTampered(built.r1cs, [[2, y]])).not.toBeNull();
        }
      });
    }
  });
});
