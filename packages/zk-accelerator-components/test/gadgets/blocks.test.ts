import { checkR1cs, ConstraintSystem, Signal } from '../../src';
import { clamp, clampCost, isNonNegative, isNonNegativeCost, maxOf, maxOfCost } from '../../src/gadgets/blocks/compare';
import { divFloor, divFloorCost, divRound, divRoundCost, divRoundValue } from '../../src/gadgets/blocks/divide';
import { subLabel } from '../../src/gadgets/blocks/label';
import { checkTampered, everySingleChangeFails, randInt, rng, valueOf } from '../helpers';

/** Runs a block on fresh input wires; returns its output, the r1cs and what it spent. */
function run(inputs: bigint[], body: (cs: ConstraintSystem, xs: Signal[]) => Signal) {
  const cs = new ConstraintSystem();
  const xs = inputs.map((v, i) => cs.newWire(v, `x[${i}]`));
  const [w0, c0] = [cs.nWires, cs.nConstraints];
  const out = body(cs, xs);
  const spent = { constraints: cs.nConstraints - c0, wires: cs.nWires - w0 };
  const r1cs = cs.finalize({ outputs: [out], privateInputs: xs });
  expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
  return { out: out.value, r1cs, spent };
}

describe('labels', () => {
  test('sub-labels keep the part free of dots', () => {
    expect(subLabel('N.1.max.cmp[3]', 'q', 2)).toBe('N.1.max.cmp_q[3][2]');
    expect(subLabel('N.max.cmp', 'q')).toBe('N.max.cmp_q');
  });
});

describe('isNonNegative / maxOf / clamp', () => {
  test('isNonNegative at the range ends and zero; cost', () => {
    for (const x of [-128n, -1n, 0n, 1n, 127n]) {
      const { out, spent } = run([x], (cs, [v]) => isNonNegative(cs, v, 8, 'N.g.s'));
      expect(out).toBe(x >= 0n ? 1n : 0n);
      expect(spent).toEqual(isNonNegativeCost(8));
    }
  });

  test('maxOf: random values, ties, range ends; cost', () => {
    const next = rng(5);
    const cases = [[3n, 3n, 3n], [-128n, 127n, 127n, -128n], [0n], [-5n, -5n, -7n]];
    for (let i = 0; i < 20; i++) cases.push(Array.from({ length: 1 + (i % 6) }, () => randInt(next, -128n, 127n)));
    for (const xs of cases) {
      const { out, spent } = run(xs, (cs, v) => maxOf(cs, v, 8, 'N.max.m'));
      expect(out).toBe(xs.reduce((a, b) => (a > b ? a : b)));
      expect(spent).toEqual(maxOfCost(xs.length, 8));
    }
  });

  test('maxOf: a lower value cannot be claimed as the max', () => {
    const { r1cs } = run([4n, 9n], (cs, v) => maxOf(cs, v, 8, 'N.max.m'));
    // 9 − 4 = 5 ≥ 0: bit 8 of 5 + 256 is 1; flipping it to claim max = 4 breaks the decomposition.
    expect(valueOf(r1cs, 'N.max.m_bit[1][8]')).toBe(1n);
    expect(checkTampered(r1cs, [['N.max.m_bit[1][8]', 0n], ['N.max.m_m[1]', 0n], [1, 4n]])).not.toBeNull();
    expect(everySingleChangeFails(r1cs)).toEqual([]);
  });

  test('clamp: both sides, one side, none; cost', () => {
    const next = rng(9);
    const bounds: [bigint, bigint][] = [[-10n, 10n], [0n, 300n], [-128n, 5n], [-128n, 127n], [-200n, 200n], [7n, 7n]];
    for (const [lo, hi] of bounds) {
      for (let i = 0; i < 12; i++) {
        const x = i === 0 ? -128n : i === 1 ? 127n : i === 2 ? lo : i === 3 ? hi : randInt(next, -128n, 127n);
        if (x < -128n || x > 127n) continue;
        const { out, spent } = run([x], (cs, [v]) => clamp(cs, v, lo, hi, 8, 'N.clip.y'));
        expect(out).toBe(x < lo ? lo : x > hi ? hi : x);
        expect(spent).toEqual(clampCost(lo, hi, 8));
      }
    }
    expect(clampCost(-128n, 127n, 8)).toEqual({ constraints: 0, wires: 0 });
  });

  test('clamp: every wire changed alone breaks a constraint', () => {
    for (const x of [-50n, 3n, 90n]) {
      const { r1cs } = run([x], (cs, [v]) => clamp(cs, v, -10n, 10n, 8, 'N.clip.y'));
      expect(everySingleChangeFails(r1cs)).toEqual([]);
    }
  });
});

describe('divFloor / divRound', () => {
  test('exact on random, edge and tie inputs; cost', () => {
    const next = rng(3);
    const cases: [bigint, bigint][] = [[0n, 1n], [255n, 1n], [255n, 255n], [254n, 255n], [7n, 2n], [5n, 10n], [15n, 10n]];
    for (let i = 0; i < 30; i++) cases.push([randInt(next, 0n, 255n), randInt(next, 1n, 15n)]);
    for (const [n, d] of cases) {
      const f = run([n, d], (cs, [a, b]) => divFloor(cs, a, b, 8, 4 + (d > 15n ? 4 : 0), 'N.div.q'));
      expect(f.out).toBe(n / d);
      if (d <= 15n) {
        expect(f.spent).toEqual(divFloorCost(8, 4));
        const r = run([n, d], (cs, [a, b]) => divRound(cs, a, b, 8, 4, 'N.div.q'));
        expect(r.out).toBe(divRoundValue(n, d));
        expect(r.out).toBe(BigInt(Math.floor(Number(n) / Number(d) + 0.5)));
        expect(r.spent).toEqual(divRoundCost(8, 4));
      }
    }
  });

  describe('tampering', () => {
    // 100 / 7 = 14 r 2
    const { r1cs } = run([100n, 7n], (cs, [a, b]) => divFloor(cs, a, b, 8, 4, 'N.div.q'));
    test('every wire changed alone', () => expect(everySingleChangeFails(r1cs)).toEqual([]));
    test('remainder + den with quotient − 1', () => {
      expect(checkTampered(r1cs, [['N.div.q_q', 13n], ['N.div.q_r', 9n], [1, 13n]])).not.toBeNull();
    });
    test('field-wrapped negative remainder with quotient + 1', () => {
      expect(checkTampered(r1cs, [['N.div.q_q', 15n], ['N.div.q_r', -5n], [1, 15n]])).not.toBeNull();
    });
    test('remainder ≥ den within its bits', () => {
      // 100 = 13·7 + 9: r = 9 < 16 fits the r bits; only the gap den − 1 − r < 0 catches it.
      const bits = (v: bigint, name: string, n: number) =>
        Array.from({ length: n - 1 }, (_, i) => [`N.div.q_${name}[${i + 1}]`, (v >> BigInt(i + 1)) & 1n] as [string, bigint]);
      const fail = checkTampered(r1cs, [['N.div.q_q', 13n], ['N.div.q_r', 9n], [1, 13n], ...bits(13n, 'qbit', 8), ...bits(9n, 'rbit', 4)]);
      expect(fail?.label).toMatch(/gapbit/);
    });
  });
});
