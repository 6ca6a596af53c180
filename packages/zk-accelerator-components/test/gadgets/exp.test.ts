import { EXP_STRATEGIES, expErrorBound, expInt } from '@onnx-zk/tensor-ir';
import { checkR1cs, gadgets } from '../../src';
import { FunctionTable, functionTables } from '../../src/gadgets/function-tables';
import { build, Built, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

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

/** The function tables a lookup build looked up in (the range table aside), by name. */
function usedTables(built: Built): FunctionTable[] {
  return [...built.cs.lookups!.counts()].filter(([name, t]) => name !== 'range' && t.lookups > 0)
    .map(([name, t]) => ({ name, rows: t.rows })).sort((a, b) => a.name.localeCompare(b.name));
}

const sortedTables = (ts: FunctionTable[]) => [...ts].sort((a, b) => a.name.localeCompare(b.name));

function runLookup(xs: bigint[], lo: bigint, frac: number, strategy: number, w: number) {
  const params = { y: xs.length, n: xs.length, frac, strategy, lo: i64([lo]), hi: i64([0n]) };
  const built = build(exp, { x: xs }, params, ['Exp_1'], w);
  const tables = functionTables('exp', exp.abi.map((p) => (p.kind === 'in' ? xs.length : params[p.name as keyof typeof params])));
  return { built, tables };
}

describe.each(EXP_STRATEGIES.map((s, i) => [s, i] as const))('exp gadget on groth16-cr (lookups), strategy %s', (strategy, index) => {
  test.each([4, 8])('%i-bit limbs: the plain circuit\'s outputs and expInt\'s; cost = measured; the finalized circuit holds; tables as listed', (w) => {
    const next = rng(70 + index + w);
    // k of 4 bits (a 16-row scale table), 15 and 33 bits (k split, a gate above 2^m), 1 bit (a boolean),
    // 2 and 3 bits, none at all.
    const ranges: [number, bigint][] = [[16, -(8n << 16n)], [16, -(1n << 30n)], [8, -(1n << 40n)], [8, -300n], [4, -40n], [1, -1n], [16, -1n], [20, -(5n << 20n)]];
    for (const [frac, lo] of ranges) {
      const xs = [0n, -1n, lo, lo + 1n, ...Array.from({ length: 8 }, () => randInt(next, lo, 0n))].filter((x) => x >= lo);
      const { built, tables } = runLookup(xs, lo, frac, index, w);
      const plain = run(xs, lo, 0n, frac, index);
      expect(built.outs.map((o) => o.value)).toEqual(plain.outs.map((o) => o.value));
      expect(built.outs.map((o) => o.value)).toEqual(xs.map((x) => expInt(x, frac, frac, strategy)));
      expect(built.measured).toEqual(built.cost);
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
      expect(usedTables(built)).toEqual(sortedTables(tables));
    }
  });

  test('far fewer constraints than with bits at frac 16 over [−8, 0]', () => {
    const xs = [-70000n, -5n];
    const plain = run(xs, -(8n << 16n), 0n, 16, index).measured.constraints;
    const lookup = runLookup(xs, -(8n << 16n), 16, index, 8).built.measured.constraints;
    expect(lookup * 3).toBeLessThan(plain);
  });

  test('tampering: every wire changed alone breaks a constraint, the looked-up index, coefficients and scale among them', () => {
    const { built } = runLookup([-70000n, -5n, -(1n << 29n)], -(1n << 30n), 16, index, 4);
    expect(everySingleChangeFails(built.r1cs)).toEqual([]);
    const small = runLookup([-70000n], -(8n << 16n), 16, index, 8).built.r1cs;
    const looked = strategy === 'table'
      ? ['Exp_1.exp.j[0]', 'Exp_1.exp.j_coef[0][0]', 'Exp_1.exp.j_coef[0][2]', 'Exp_1.exp.k[0]', 'Exp_1.exp.k_coef[0][0]']
      : ['Exp_1.exp.s[0]', 'Exp_1.exp.k[0]', 'Exp_1.exp.k_coef[0][0]'];
    for (const label of looked) {
      expect(checkTampered(small, [[label, valueOf(small, label) + 1n]])).not.toBeNull();
      expect(checkTampered(small, [[label, valueOf(small, label) * 2n + 1n]])).not.toBeNull();
    }
    // k = 1 read as k = 2 with its scale entry 2^(K−2): a row of the table, but not k's; V's split breaks.
    const k = valueOf(small, 'Exp_1.exp.k[0]');
    expect(checkTampered(small, [['Exp_1.exp.k[0]', k + 1n], ['Exp_1.exp.k_coef[0][0]', valueOf(small, 'Exp_1.exp.k_coef[0][0]') / 2n]])).not.toBeNull();
  });
});
