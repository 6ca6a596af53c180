import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng } from '../helpers';

const { clamp } = gadgets;

function run(xs: bigint[], min: number, max: number, lo: bigint[], hi: bigint[]) {
  return build(clamp, { x: xs }, { y: xs.length, n: xs.length, low: min, high: max, lo: i64(lo), hi: i64(hi) }, ['Clip_1']);
}

describe('clamp gadget (Clip)', () => {
  test('exact on random inputs, range ends and the limits themselves', () => {
    const next = rng(8);
    for (const [min, max] of [[-10, 10], [0, 6], [-128, 0], [5, 5]]) {
      const xs = [-128n, 127n, 0n, BigInt(min), BigInt(max), BigInt(min) - 1n, BigInt(max) + 1n].filter((x) => x >= -128n && x <= 127n);
      for (let i = 0; i < 10; i++) xs.push(randInt(next, -128n, 127n));
      const built = run(xs, min, max, [-128n], [127n]);
      expect(built.outs.map((o) => o.value)).toEqual(xs.map((x) => (x < min ? BigInt(min) : x > max ? BigInt(max) : x)));
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
      expect(built.measured).toEqual(built.cost);
    }
  });

  test('cost: a side the bounds never cross is free', () => {
    expect(run([3n], -200, 200, [-128n], [127n]).measured).toEqual({ constraints: 0, wires: 0 });
    // low side only: x − 0 ∈ [−128, 127] needs 8 bits, + 1 select
    expect(run([3n], 0, 500, [-128n], [127n]).measured).toEqual({ constraints: 9, wires: 8 });
    // both: x + 6 ∈ [−122, 133] needs 9 bits; then t ∈ [−6, 127], 6 − t ∈ [−121, 12] needs 8
    expect(run([3n], -6, 6, [-128n], [127n]).measured).toEqual({ constraints: 10 + 9, wires: 9 + 8 });
  });

  test('min > max is ZK003', () => {
    expect(() => run([0n], 3, 2, [-8n], [7n])).toThrow(/Clip_1 \(Clip\): error ZK003/);
  });

  describe('tampering', () => {
    for (const x of [-50n, 0n, 90n]) {
      test(`x = ${x}: every wire changed alone; a clamped output cannot pass as x`, () => {
        const { r1cs, outs } = run([x], -10, 10, [-128n], [127n]);
        expect(everySingleChangeFails(r1cs)).toEqual([]);
        if (outs[0].value !== x) expect(checkTampered(r1cs, [[1, x]])).not.toBeNull();
      });
    }
  });
});
