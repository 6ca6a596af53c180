import { SIGMOID_FORMS, sigmoidBounds, sigmoidErrorBound, sigmoidFloat, sigmoidInt } from '@onnx-zk/tensor-ir';
import { checkGadget, checkR1cs, gadgets } from '../../src';
import { FunctionTable, functionTables } from '../../src/gadgets/function-tables';
import { build, Built, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

const { sigmoid } = gadgets;

function paramsOf(n: number, lo: bigint, hi: bigint, frac: number, form: number) {
  const [ylo, yhi] = sigmoidBounds(lo, hi, frac, SIGMOID_FORMS[form]);
  return { y: n, n, frac, form, strategy: 0, lo: i64([lo]), hi: i64([hi]), ylo: i64([ylo]), yhi: i64([yhi]) };
}

/** With limbBits: on groth16-cr (lookups of that width). */
function run(xs: bigint[], lo: bigint, hi: bigint, frac: number, form: number, limbBits?: number) {
  return build(sigmoid, { x: xs }, paramsOf(xs.length, lo, hi, frac, form), ['Sigmoid_2'], limbBits);
}

const ranges: [number, bigint, bigint][] = [
  [16, -(8n << 16n), 8n << 16n], [16, -(20n << 16n), 20n << 16n], [16, 0n, 3n << 16n], [16, -(1n << 24n), 0n],
  [8, -2000n, 900n], [4, -320n, 320n], [40, -(1n << 45n), 1n << 44n], [16, -(1n << 16n), 1n << 16n], [12, -9n, 30n], [6, 0n, 0n],
];

describe.each(SIGMOID_FORMS.map((form, f) => [form, f] as const))('sigmoid gadget, form %s', (form, f) => {
  test('bit-exact with sigmoidInt on random and edge inputs, every sign case and the saturation; cost = measured', () => {
    const next = rng(11 + f);
    for (const [frac, lo, hi] of ranges) {
      const top = 1n << BigInt(frac + 3 + (form === 'sigmoid' ? 1 : 0)); // where the table ends
      const edges = [lo, hi, 0n, -1n, 1n, top - 1n, top, -top, 1n - top].filter((x) => x >= lo && x <= hi);
      const xs = [...edges, ...Array.from({ length: 10 }, () => randInt(next, lo, hi))];
      const built = run(xs, lo, hi, frac, f);
      expect(built.outs.map((o) => o.value)).toEqual(xs.map((x) => sigmoidInt(x, frac, form)));
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
      expect(built.measured).toEqual(built.cost);
    }
  });

  test(`witness within the stated error bound (${sigmoidErrorBound(16, form).toExponential(2)}) of the float function, below 1e-4 at frac 16`, () => {
    const xs: bigint[] = [];
    for (let x = -(10n << 16n); x <= 10n << 16n; x += 4999n) xs.push(x);
    const built = run(xs, -(10n << 16n), 10n << 16n, 16, f);
    const worst = Math.max(...built.outs.map((o, i) => Math.abs(Number(o.value) / 65536 - sigmoidFloat(Number(xs[i]) / 65536, form))));
    expect(worst).toBeLessThanOrEqual(sigmoidErrorBound(16, form));
    expect(sigmoidErrorBound(16, form)).toBeLessThan(1e-4);
  });

  test('tampering: every wire changed alone breaks a constraint; a flipped sign fails', () => {
    const { r1cs } = run([-40000n, 300000n, 0n], -(9n << 16n), 9n << 16n, 16, f);
    expect(everySingleChangeFails(r1cs)).toEqual([]);
    const sign = 'Sigmoid_2.sigmoid.sign[0]';
    expect(checkTampered(r1cs, [[sign, 1n - valueOf(r1cs, sign)], ['Sigmoid_2.sigmoid.abs[0]', -40000n]])).not.toBeNull();
  });
});

test('the soundness checker finds no second output for any of its cases', () => {
  const report = checkGadget(sigmoid);
  expect(report.cases.map((c) => c.result).filter((r) => r !== 'proven' && r !== 'searched')).toEqual([]);
  expect(report.result).toBe('proven');
}, 30_000);

test('cost per element at frac 16 over [−8, 8] and over [−1, 1] (the README figures)', () => {
  const perElement = (form: number, r: bigint) => run([1n], -(r << 16n), r << 16n, 16, form).measured.constraints;
  expect([perElement(0, 8n), perElement(1, 8n)]).toEqual([123, 121]);
  // |x| ≤ 1 leaves 2 (sigmoid) or 3 (tanh) live index bits: 1 or 4 monomial products instead of 26
  expect([perElement(0, 1n), perElement(1, 1n)]).toEqual([93, 94]);
});

/** The function tables a lookup build looked up in (the range table aside), by name. */
function usedTables(built: Built): FunctionTable[] {
  return [...built.cs.lookups!.counts()].filter(([name, t]) => name !== 'range' && t.lookups > 0)
    .map(([name, t]) => ({ name, rows: t.rows })).sort((a, b) => a.name.localeCompare(b.name));
}

function listedTables(n: number, lo: bigint, hi: bigint, frac: number, form: number): FunctionTable[] {
  const params = paramsOf(n, lo, hi, frac, form);
  const values = sigmoid.abi.map((p) => (p.kind === 'in' ? n : params[p.name as keyof typeof params]));
  return functionTables('sigmoid', values).sort((a, b) => a.name.localeCompare(b.name));
}

describe.each(SIGMOID_FORMS.map((form, f) => [form, f] as const))('sigmoid gadget on groth16-cr (lookups), form %s', (form, f) => {
  test.each([4, 8])('%i-bit limbs: the plain circuit\'s outputs and sigmoidInt\'s; cost = measured; the finalized circuit holds; tables as listed', (w) => {
    const next = rng(60 + f + w);
    // Segment keys of 0 to 10 bits (by bits up to 3, tables up to 1024 rows, saturating rows past 32)
    // and of 11 and 26 bits (split, a gate above the table).
    for (const [frac, lo, hi] of [...ranges, [6, -(1n << 30n), -3n] as [number, bigint, bigint]]) {
      const top = 1n << BigInt(frac + 3 + (form === 'sigmoid' ? 1 : 0));
      const edges = [lo, hi, 0n, -1n, 1n, top - 1n, top, -top, 1n - top].filter((x) => x >= lo && x <= hi);
      const xs = [...edges, ...Array.from({ length: 8 }, () => randInt(next, lo, hi))];
      const built = run(xs, lo, hi, frac, f, w);
      const plain = run(xs, lo, hi, frac, f);
      expect(built.outs.map((o) => o.value)).toEqual(plain.outs.map((o) => o.value));
      expect(built.outs.map((o) => o.value)).toEqual(xs.map((x) => sigmoidInt(x, frac, form)));
      expect(built.measured).toEqual(built.cost);
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
      expect(usedTables(built)).toEqual(listedTables(xs.length, lo, hi, frac, f));
    }
  });

  test('tampering: every wire changed alone breaks a constraint, the looked-up segment and coefficients among them; a flipped sign fails', () => {
    for (const [lo, hi] of [[-(9n << 16n), 9n << 16n], [-(1n << 30n), 1n << 30n]]) {
      const { r1cs } = run([-40000n, 300000n, 0n, 9n << 16n], lo, hi, 16, f, 4);
      expect(everySingleChangeFails(r1cs)).toEqual([]);
      const sign = 'Sigmoid_2.sigmoid.sign[0]';
      expect(checkTampered(r1cs, [[sign, 1n - valueOf(r1cs, sign)], ['Sigmoid_2.sigmoid.abs[0]', -40000n]])).not.toBeNull();
    }
    const { r1cs } = run([-40000n, 300000n], -(8n << 16n), 8n << 16n, 16, f, 8);
    for (const label of ['seg[0]', 'seg_coef[0][0]', 'seg_coef[0][3]', 'seg[1]', 'seg_coef[1][1]'].map((l) => `Sigmoid_2.sigmoid.${l}`)) {
      expect(checkTampered(r1cs, [[label, valueOf(r1cs, label) + 1n]])).not.toBeNull();
      expect(checkTampered(r1cs, [[label, valueOf(r1cs, label) - 1n]])).not.toBeNull();
    }
  });

  test('far fewer constraints than with bits at frac 16 over [−8, 8]', () => {
    const plain = run([1n], -(8n << 16n), 8n << 16n, 16, f).measured.constraints;
    const lookup = run([1n], -(8n << 16n), 8n << 16n, 16, f, 8).measured.constraints;
    expect(lookup * 4).toBeLessThan(plain);
  });
});
