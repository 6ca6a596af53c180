import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng } from '../helpers';

const { range_check: rangeCheck } = gadgets;

function run(xs: bigint[], lo: bigint[], hi: bigint[]) {
  return build(rangeCheck, { x: xs }, { n: xs.length, lo: i64(lo), hi: i64(hi) }, ['input']);
}

const bitsOf = (v: bigint, k: number) => Array.from({ length: k }, (_, i) => (v >> BigInt(i)) & 1n);

describe('range_check gadget', () => {
  test('accepts every value of the range, ends included, and returns no outputs', () => {
    const next = rng(5);
    const lo = [-4096n, 0n, -10n, 7n];
    const hi = [4095n, 1000n, 10n, 7n];
    for (const pick of ['lo', 'hi', 'random'] as const) {
      const xs = lo.map((l, i) => (pick === 'lo' ? l : pick === 'hi' ? hi[i] : randInt(next, l, hi[i])));
      const built = run(xs, lo, hi);
      expect(built.outs).toEqual([]);
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
      expect(built.measured).toEqual(built.cost);
    }
  });

  test('one decomposition for a power-of-two range, one more product for 2^k + 1 values, two otherwise, one constraint for a point', () => {
    expect(run([0n], [-128n], [127n]).measured).toEqual({ constraints: 8, wires: 7 });
    expect(run([0n], [-128n], [128n]).measured).toEqual({ constraints: 10, wires: 8 });
    expect(run([0n], [-100n], [100n]).measured).toEqual({ constraints: 16, wires: 14 });
    expect(run([3n], [3n], [3n]).measured).toEqual({ constraints: 1, wires: 0 });
  });

  test('an input outside the range is ZK006 naming the input', () => {
    expect(() => run([0n, 11n], [-10n, -10n], [10n, 10n])).toThrow(/input \(RangeCheck\): error ZK006: .*element 1 is 11, range \[-10, 10\]/);
    expect(() => run([-11n], [-10n], [10n])).toThrow(/ZK006/);
  });

  describe('tampering breaks the check', () => {
    // x ∈ [0, 1000]: k = 10, 1001 values is not a power of two, so hi − x is decomposed too.
    const { r1cs } = run([500n], [0n], [1000n]);
    const low = (i: number) => `input.range_check.low_bit[0][${i}]`;
    const high = (i: number) => `input.range_check.high_bit[0][${i}]`;
    const setBits = (name: (i: number) => string, v: bigint) => bitsOf(v, 10).slice(1).map((b, i): [string, bigint] => [name(i + 1), b]);
    const x = 1; // the private input is the first wire after one (no outputs)

    test('x = hi + 1 passes the low decomposition but not the high one', () => {
      const fail = checkTampered(r1cs, [[x, 1001n], ...setBits(low, 1001n), ...setBits(high, 0n)]);
      expect(fail?.label).toBe(high(0));
    });
    test('x = lo − 1 wraps around p and cannot be decomposed', () => {
      expect(checkTampered(r1cs, [[x, -1n], ...setBits(low, 1023n), ...setBits(high, 1001n)])).not.toBeNull();
    });
    test('a bit set to 2', () => {
      expect(checkTampered(r1cs, [[low(4), 2n]])).not.toBeNull();
    });
    test('every wire changed alone', () => {
      expect(everySingleChangeFails(r1cs)).toEqual([]);
    });
  });

  describe('tampering breaks the closed power-of-two range [lo, lo + 2^(k-1)]', () => {
    // x ∈ [-8, 8]: 17 values, k = 5 bits of x + 8 and b4 · (b0 + 2b1 + 4b2 + 8b3) = 0.
    const { r1cs } = run([3n], [-8n], [8n]);
    const low = (i: number) => `input.range_check.low_bit[0][${i}]`;
    const setBits = (v: bigint) => bitsOf(v, 5).slice(1).map((b, i): [string, bigint] => [low(i + 1), b]);
    const x = 1;

    test('both ends are accepted', () => {
      for (const v of [-8n, 8n]) expect(checkR1cs(run([v], [-8n], [8n]).r1cs, run([v], [-8n], [8n]).r1cs.witness)).toBeNull();
    });
    test('x = hi + 1 fits the 5 bits but fails the top-bit product', () => {
      const fail = checkTampered(r1cs, [[x, 9n], ...setBits(17n)]);
      expect(fail?.label).toBe('input.range_check.top[0][0]');
    });
    test('x = hi + 8 (top bit and a lower bit set) fails too', () => {
      expect(checkTampered(r1cs, [[x, 16n], ...setBits(24n)])).not.toBeNull();
    });
    test('every wire changed alone', () => {
      expect(everySingleChangeFails(r1cs)).toEqual([]);
    });
  });
});
