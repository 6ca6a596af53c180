import { checkR1cs, gadgets } from '../../src';
import { divRoundValue } from '../../src/gadgets/blocks/divide';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng } from '../helpers';

const { reciprocal } = gadgets;

function run(xs: bigint[], shift: number, lo: bigint[], hi: bigint[]) {
  return build(reciprocal, { x: xs }, { y: xs.length, n: xs.length, shift, lo: i64(lo), hi: i64(hi) }, ['Recip_1']);
}

describe('reciprocal gadget', () => {
  test('y = round-half-up(2^shift / x): random, ends, ties; error ≤ 1/2 ulp', () => {
    const next = rng(4);
    const xs = [1n, 255n, 2n, 3n, 6n, 10n, 5n];
    for (let i = 0; i < 30; i++) xs.push(randInt(next, 1n, 255n));
    const built = run(xs, 8, [1n], [255n]);
    expect(built.outs.map((o) => o.value)).toEqual(xs.map((x) => divRoundValue(256n, x)));
    // ties: 256 / 10 = 25.6 → 26; 256 / 512 would be .5; 2^3 / 16 = 0.5 → 1
    expect(run([16n], 3, [1n], [16n]).outs[0].value).toBe(1n);
    for (const [x, y] of xs.map((x, i) => [x, built.outs[i].value])) expect(Math.abs(Number(y) - 256 / Number(x))).toBeLessThanOrEqual(0.5);
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    expect(built.measured).toEqual(built.cost);
  });

  test('cost formula: 1 + qBits + 2·(denBits + 1) per element', () => {
    // shift 8, x ∈ [1, 255]: q ≤ 256 → 9 bits; 2x < 2^9
    expect(run([7n], 8, [1n], [255n]).measured).toEqual({ constraints: 1 + 9 + 2 * 9, wires: 2 + 8 + 2 * 8 });
    // x ∈ [16, 255]: q ≤ 16 → 5 bits
    expect(run([17n], 8, [16n], [255n]).measured.constraints).toBe(1 + 5 + 2 * 9);
  });

  test('bounds reaching 0 are ZK010', () => {
    expect(() => run([3n], 8, [0n], [255n])).toThrow(/Recip_1 \(Reciprocal\): error ZK010/);
  });

  describe('tampering', () => {
    const { r1cs } = run([7n], 8, [1n], [255n]); // (512 + 7) / 14 = 37 r 1
    test('every wire changed alone', () => expect(everySingleChangeFails(r1cs)).toEqual([]));
    test('quotient ± 1 with the remainder adjusted by the divisor', () => {
      expect(checkTampered(r1cs, [['Recip_1.reciprocal.y_q[0]', 36n], ['Recip_1.reciprocal.y_r[0]', 15n], [1, 36n]])).not.toBeNull();
      expect(checkTampered(r1cs, [['Recip_1.reciprocal.y_q[0]', 38n], ['Recip_1.reciprocal.y_r[0]', -13n], [1, 38n]])).not.toBeNull();
    });
  });
});
