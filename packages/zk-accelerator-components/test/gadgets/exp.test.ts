import { EXP_STRATEGIES, expErrorBound, expInt } from '@onnx-zk/tensor-ir';
import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

const { exp } = gadgets;

function run(xs: bigint[], lo: bigint, hi: bigint, frac: number, strategy: number) {
  return build(exp, { x: xs }, { y: xs.length, n: xs.length, frac, strategy, lo: i64([lo]), hi: i64([hi]) }, ['Exp_1']);
}

describe.each(EXP_STRATEGIES.map((s, i) => [s, i] as const))('exp gadget, strategy %s', (strategy, index) => {
  test('bit-exact with expInt on random inputs, zero and range ends; cost formula = measured', () => {
    const next = rng(7 + index);
    for (const [frac, lo] of [[16, -16n << 16n], [16, -(1n << 30n)], [8, -300n], [4, -2n], [20, -(5n << 20n)]] as [number, bigint][]) {
      const xs = [0n, -1n, lo, lo + 1n, ...Array.from({ length: 12 }, () => randInt(next, lo, 0n))];
      const built = run(xs, lo, 0n, frac, index);
      expect(built.outs.map((o) => o.value)).toEqual(xs.map((x) => expInt(x, frac, frac, strategy)));
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
      expect(built.measured).toEqual(built.cost);
    }
  });

  test(`error against Math.exp stays below the stated bound (${expErrorBound(16, strategy).toExponential(2)}) at frac 16`, () => {
    let worst = 0;
    for (let x = 0n; x >= -(20n << 16n); x -= 997n) {
      worst = Math.max(worst, Math.abs(Number(expInt(x, 16, 16, strategy)) / 65536 - Math.exp(Number(x) / 65536)));
    }
    expect(worst).toBeLessThanOrEqual(expErrorBound(16, strategy));
    expect(expErrorBound(16, strategy)).toBeLessThan(1e-3);
  });

  test('tampering: every wire changed alone breaks a constraint', () => {
    const { r1cs } = run([-70000n, -5n], -(4n << 16n), 0n, 16, index);
    expect(everySingleChangeFails(r1cs)).toEqual([]);
  });

  test('tampering: a flipped k bit, compensated in t, breaks the check', () => {
    const { r1cs } = run([-70000n], -(4n << 16n), 0n, 16, index);
    const bit = (i: number) => `Exp_1.exp.v_bit[0][${i}]`;
    const k0 = valueOf(r1cs, bit(30));
    // −2^30 from k, +2^30 spread as a non-boolean t bit.
    expect(checkTampered(r1cs, [[bit(30), 1n - k0], [bit(29), valueOf(r1cs, bit(29)) + (k0 === 1n ? 2n : -2n)]])).not.toBeNull();
  });
});

test('positive upper bound is ZK020, out-of-bounds input ZK007', () => {
  expect(() => run([0n], -10n, 1n, 8, 0)).toThrow(/Exp_1 \(Exp\): error ZK020/);
  expect(() => run([-20n], -10n, 0n, 8, 0)).toThrow(/Exp_1 \(Exp\): error ZK007/);
});
