import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

const { relu } = gadgets;

function run(xs: bigint[], lo: bigint[], hi: bigint[]) {
  return build(relu, { x: xs }, { y: xs.length, n: xs.length, lo: i64(lo), hi: i64(hi) }, ['Relu_1']);
}

describe('relu gadget', () => {
  test('exact witness on random inputs, zero and range ends', () => {
    const next = rng(11);
    const lo = [-100n, -100n, -100n, -1n, -128n, -(1n << 40n)];
    const hi = [100n, 100n, 100n, 1n, 127n, 1n << 40n];
    for (let round = 0; round < 20; round++) {
      const xs = lo.map((l, i) => randInt(next, l, hi[i]));
      if (round === 0) xs.splice(0, 3, 0n, -100n, 100n);
      const built = run(xs, lo, hi);
      expect(built.outs.map((o) => o.value)).toEqual(xs.map((x) => (x > 0n ? x : 0n)));
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
      expect(built.measured).toEqual(built.cost);
    }
  });

  test('identity when lo ≥ 0 and the constant 0 when hi ≤ 0: no constraints', () => {
    const built = run([5n, 0n, -3n, 0n], [0n, 0n, -9n, -9n], [9n, 9n, 0n, 0n]);
    expect(built.outs.map((o) => o.value)).toEqual([5n, 0n, 0n, 0n]);
    expect(built.measured).toEqual({ constraints: 0, wires: 0 });
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
  });

  test('a mixed-sign range costs k + 1 constraints with [lo, hi] ⊂ [−2^(k−1), 2^(k−1))', () => {
    expect(run([3n], [-128n], [127n]).measured).toEqual({ constraints: 9, wires: 8 }); // k = 8
    expect(run([3n], [-129n], [127n]).measured).toEqual({ constraints: 10, wires: 9 }); // k = 9
    expect(run([3n], [-1n], [128n]).measured).toEqual({ constraints: 10, wires: 9 });
  });

  test('out-of-bounds input is ZK007', () => {
    expect(() => run([200n], [-100n], [100n])).toThrow(/Relu_1 \(Relu\): error ZK007/);
  });

  describe('tampering breaks the check', () => {
    // x = 37 in [−128, 127]: k = 8, x + 128 = 165 = 0b10100101, sign = bit 7 = 1, y = 37
    const { r1cs } = run([37n], [-128n], [127n]);
    const bit = (i: number) => `Relu_1.relu.bit[0][${i}]`;

    test('honest', () => {
      expect(valueOf(r1cs, bit(7))).toBe(1n);
      expect(valueOf(r1cs, 'Relu_1.relu.y[0]')).toBe(37n);
    });
    test('flip the sign bit and claim y = 0', () => {
      expect(checkTampered(r1cs, [[bit(7), 0n], ['Relu_1.relu.y[0]', 0n], [1, 0n]])).not.toBeNull();
    });
    test('flip the sign bit, compensating with a bit wrapped negative around p', () => {
      // −2^7 from the sign, +2^7 from bit 6 going 0 → 2: the decomposition still sums to x + 128.
      const fail = checkTampered(r1cs, [[bit(7), 0n], [bit(6), 2n], ['Relu_1.relu.y[0]', 0n], [1, 0n]]);
      expect(fail?.label).toBe(bit(6));
      const wrapped = checkTampered(r1cs, [[bit(5), -1n], [bit(4), 2n + 1n]]); // −32 + 32 (bit 4 was 0)
      expect(wrapped).not.toBeNull();
    });
    test('a bit set to 2, the output changed', () => {
      expect(checkTampered(r1cs, [[bit(3), 2n]])).not.toBeNull();
      expect(checkTampered(r1cs, [[1, 38n]])).not.toBeNull();
    });
    test('every wire changed alone', () => {
      expect(everySingleChangeFails(r1cs)).toEqual([]);
    });
  });

  test('a negative input cannot claim a positive output', () => {
    // x = −5: x + 128 = 123, sign 0, y = 0. Claiming y = −5 needs sign = 1.
    const { r1cs } = run([-5n], [-128n], [127n]);
    expect(checkTampered(r1cs, [['Relu_1.relu.y[0]', -5n], [1, -5n]])).not.toBeNull();
    expect(checkTampered(r1cs, [['Relu_1.relu.bit[0][7]', 1n], ['Relu_1.relu.y[0]', -5n], [1, -5n]])).not.toBeNull();
  });
});
