import { checkR1cs, gadgets } from '../../src';
import { isqrt } from '../../src/gadgets/blocks/rsqrt';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng } from '../helpers';

const { rsqrt } = gadgets;

function run(xs: bigint[], shift: number, lo: bigint[], hi: bigint[]) {
  return build(rsqrt, { x: xs }, { y: xs.length, n: xs.length, shift, lo: i64(lo), hi: i64(hi) }, ['Rsqrt_1']);
}

describe('rsqrt gadget', () => {
  test('isqrt is floor(√v)', () => {
    for (let v = 0n; v < 2000n; v++) {
      const r = isqrt(v);
      expect(r * r <= v && (r + 1n) * (r + 1n) > v).toBe(true);
    }
    expect(isqrt((1n << 120n) - 1n)).toBe((1n << 60n) - 1n);
  });

  test('y = floor(√(2^shift / x)): random, ends, exact squares; error < 1 ulp', () => {
    const next = rng(6);
    const xs = [1n, 4n, 16n, 1n << 16n, 65535n, 3n];
    for (let i = 0; i < 30; i++) xs.push(randInt(next, 1n, 65536n));
    const built = run(xs, 32, [1n], [65536n]);
    const ys = built.outs.map((o) => o.value);
    expect(ys).toEqual(xs.map((x) => isqrt((1n << 32n) / x)));
    expect(ys.slice(0, 4)).toEqual([65536n, 32768n, 16384n, 256n]);
    xs.forEach((x, i) => {
      const err = 2 ** 16 / Math.sqrt(Number(x)) - Number(ys[i]);
      expect(err >= 0 && err < 1).toBe(true);
    });
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    expect(built.measured).toEqual(built.cost);
  });

  test('cost formula: yBits + 3 + 2·(xBits + yBits + 1)', () => {
    // shift 16, x ∈ [1, 255]: y ≤ 256 → 9 bits, x 8 bits
    expect(run([9n], 16, [1n], [255n]).measured).toEqual({ constraints: 9 + 3 + 2 * 18, wires: 9 + 3 + 2 * 17 });
  });

  test('bounds reaching 0 are ZK010', () => {
    expect(() => run([3n], 8, [-1n], [255n])).toThrow(/Rsqrt_1 \(Rsqrt\): error ZK010/);
  });

  describe('tampering', () => {
    const { r1cs } = run([5n], 8, [1n], [15n]); // √(256/5) = 7.15 → 7
    const y = 'Rsqrt_1.rsqrt.y_y[0]';
    test('every wire changed alone', () => expect(everySingleChangeFails(r1cs)).toEqual([]));
    test('y ± 1 with the square and products recomputed', () => {
      for (const v of [6n, 8n]) {
        const t = v * v * 5n;
        const change: [string | number, bigint][] = [[y, v], ['Rsqrt_1.rsqrt.y_sq[0]', v * v], ['Rsqrt_1.rsqrt.y_t[0]', t],
          ['Rsqrt_1.rsqrt.y_u[0]', (2n * v + 1n) * 5n], [1, v]];
        expect(checkTampered(r1cs, change)).not.toBeNull();
      }
    });
  });
});
