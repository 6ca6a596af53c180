import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

const { max } = gadgets;

function run(xs: bigint[], k: number, lo: bigint[], hi: bigint[]) {
  const rows = xs.length / k;
  return build(max, { x: xs }, { y: rows, rows, k, lo: i64(lo), hi: i64(hi) }, ['Max_1']);
}

describe('max gadget (ReduceMax over the last axis)', () => {
  test('exact on random rows, ties, range ends; cost = (k − 1)(bits + 2) per row', () => {
    const next = rng(21);
    const rows: bigint[][] = [[-128n, -128n, -128n], [127n, -128n, 127n], [0n, 0n, -1n], [-7n, 3n, 3n]];
    for (let i = 0; i < 20; i++) rows.push(Array.from({ length: 3 }, () => randInt(next, -128n, 127n)));
    const built = run(rows.flat(), 3, [-128n], [127n]);
    expect(built.outs.map((o) => o.value)).toEqual(rows.map((r) => r.reduce((a, b) => (a > b ? a : b))));
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    expect(built.measured).toEqual(built.cost);
    expect(built.cost.constraints).toBe(rows.length * 2 * (8 + 2));
  });

  test('per-element bounds: the widest element of a row sets its bits', () => {
    const built = run([1n, 1000n, -3n, 2n], 2, [0n, 0n, -4n, -4n], [1n, 1023n, 3n, 3n]);
    expect(built.outs.map((o) => o.value)).toEqual([1000n, 2n]);
    expect(built.measured).toEqual({ constraints: (12 + 1) + (4 + 1), wires: 12 + 4 });
  });

  test('a single element is itself, free', () => {
    const built = run([5n, -2n], 1, [-8n], [7n]);
    expect(built.outs.map((o) => o.value)).toEqual([5n, -2n]);
    expect(built.measured).toEqual({ constraints: 0, wires: 0 });
  });

  test('out-of-bounds input is ZK007', () => {
    expect(() => run([1n, 200n], 2, [-128n], [127n])).toThrow(/Max_1 \(ReduceMax\): error ZK007/);
  });

  describe('tampering', () => {
    const { r1cs } = run([4n, 9n, 9n], 3, [-16n], [15n]);
    test('honest: the running max is a wire at every step, the tie keeps 9', () => {
      expect(valueOf(r1cs, 'Max_1.max.cmp_m[0][1]')).toBe(9n);
      expect(valueOf(r1cs, 'Max_1.max.cmp_m[0][2]')).toBe(9n);
      // The output is that last wire itself: finalize claims it, no copy constraint.
      expect(r1cs.labels[1]).toBe('Max_1.max.cmp_m[0][2]');
    });
    test('claim the smaller value with the comparison bit flipped', () => {
      expect(checkTampered(r1cs, [['Max_1.max.cmp_bit[0][1][5]', 0n], ['Max_1.max.cmp_m[0][1]', 4n], ['Max_1.max.cmp_m[0][2]', 4n]])).not.toBeNull();
      expect(checkTampered(r1cs, [['Max_1.max.cmp_m[0][1]', 4n], ['Max_1.max.cmp_m[0][2]', 4n]])).not.toBeNull();
    });
    test('every wire changed alone', () => expect(everySingleChangeFails(r1cs)).toEqual([]));
  });
});
