import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

const { rescale } = gadgets;

/** Reference semantics, written independently: floor((x + 2^(s−1)) / 2^s). */
function reference(x: bigint, s: number): bigint {
  const d = 1n << BigInt(s);
  const t = x + d / 2n;
  const r = ((t % d) + d) % d;
  return (t - r) / d;
}

function run(xs: bigint[], shift: number, lo: bigint[], hi: bigint[]) {
  return build(rescale, { x: xs }, { y: xs.length, n: xs.length, shift, lo: i64(lo), hi: i64(hi) }, ['Gemm_0']);
}

describe('rescale gadget', () => {
  test('rounds half up on ties of both signs', () => {
    const xs = [4n, -4n, 12n, -12n, -20n, 0n, 3n, -5n, 7n];
    const built = run(xs, 3, xs.map(() => -4n), xs.map(() => 4n));
    expect(built.outs.map((o) => o.value)).toEqual([1n, 0n, 2n, -1n, -2n, 0n, 0n, -1n, 1n]);
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
  });

  test('exact witness on random inputs and range ends', () => {
    const next = rng(7);
    for (const shift of [1, 2, 5, 16]) {
      const lo = [-1000n, 0n, -7n, 5n, -3n];
      const hi = [1000n, 0n, 8n, 5n, -3n];
      const qs = lo.map((l, i) => (i % 2 ? hi[i] : randInt(next, l, hi[i])));
      qs[0] = lo[0]; // a range end
      const half = 1n << BigInt(shift - 1);
      const xs = qs.map((q) => (q << BigInt(shift)) - half + randInt(next, 0n, (1n << BigInt(shift)) - 1n));
      const built = run(xs, shift, lo, hi);
      expect(built.outs.map((o) => o.value)).toEqual(xs.map((x) => reference(x, shift)));
      expect(built.outs.map((o) => o.value)).toEqual(qs);
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
      expect(built.measured).toEqual(built.cost);
    }
  });

  test('a value outside its bounds is a coded error naming the node', () => {
    expect(() => run([100n], 2, [0n], [10n])).toThrow(/Gemm_0 \(Rescale\): error ZK007: .*element 0 is 25, bounds \[0, 10\]/);
  });

  test('bit count follows the bound, not the field', () => {
    const built = run([40n], 3, [0n], [7n]); // 3 remainder bits + 3 quotient bits
    expect(built.measured).toEqual({ constraints: 6, wires: 5 });
  });

  describe('tampering breaks the check', () => {
    // x = 45, s = 3: x + 4 = 49 = 6·8 + 1; q = 6 ∈ [0, 15], r = 1
    const built = run([45n], 3, [0n], [15n]);
    const r1cs = built.r1cs;
    const q = 'Gemm_0.rescale.q_bit[0]';
    const r = 'Gemm_0.rescale.r_bit[0]';
    const bitsOf = (v: bigint, from: number, to: number) => Array.from({ length: to - from }, (_, i) => (v >> BigInt(i + from)) & 1n);

    test('all honest', () => {
      expect(valueOf(r1cs, `${q}[1]`)).toBe(1n);
      expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
    });
    test('q + 1 and r − 2^s, the remainder made negative by wrapping a bit around p', () => {
      // q bits for 7, and r_bit[2] = 0 − 2 (= p − 2) takes 2^3 off the remainder: the sum still holds.
      const qBits = bitsOf(7n, 0, 4).map((b, i): [string, bigint] => [`${q}[${i}]`, b]);
      // The output claims 7 as well, so only the booleanity of the wrapped bit can object.
      expect(checkTampered(r1cs, [...qBits, [`${r}[2]`, -2n], [1, 7n]])?.label).toBe(`${r}[2]`);
    });
    test('q − 1 and r + 2^s, a remainder bit set to 2', () => {
      const qBits = bitsOf(5n, 0, 4).map((b, i): [string, bigint] => [`${q}[${i}]`, b]);
      expect(checkTampered(r1cs, [...qBits, [`${r}[2]`, 2n], [1, 5n]])?.label).toBe(`${r}[2]`);
    });
    test('a quotient bit set to 2', () => {
      expect(checkTampered(r1cs, [[`${q}[0]`, 2n]])).not.toBeNull();
    });
    test('the output changed', () => {
      expect(checkTampered(r1cs, [[1, 7n]])).not.toBeNull();
    });
    test('every wire changed alone', () => {
      expect(everySingleChangeFails(r1cs, [1n, -1n, 2n, 8n, -8n])).toEqual([]);
    });
  });
});
