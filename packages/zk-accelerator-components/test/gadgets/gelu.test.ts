import { GELU_FORMS, GELU_STRATEGIES, geluBounds, geluErrorBound, geluInt } from '@onnx-zk/tensor-ir';
import { checkR1cs, gadgets } from '../../src';
import { FunctionTable, functionTables } from '../../src/gadgets/function-tables';
import { build, Built, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

const { gelu } = gadgets;

function paramsOf(n: number, lo: bigint, hi: bigint, frac: number, form: number, strategy: number) {
  const [ylo, yhi] = geluBounds(lo, hi, frac);
  return { y: n, n, frac, form, strategy, lo: i64([lo]), hi: i64([hi]), ylo: i64([ylo]), yhi: i64([yhi]) };
}

/** With limbBits: on groth16-cr (lookups of that width). */
function run(xs: bigint[], lo: bigint, hi: bigint, frac: number, form: number, strategy: number, limbBits?: number) {
  return build(gelu, { x: xs }, paramsOf(xs.length, lo, hi, frac, form, strategy), ['Gelu_2'], limbBits);
}

/** Float GELU of each form; erf by its series near 0 and by erfc's continued fraction beyond 2.5. */
function erf(x: number): number {
  if (Math.abs(x) > 2.5) {
    const z = Math.abs(x);
    let k = z;
    for (let n = 80; n >= 1; n--) k = z + n / 2 / k;
    return Math.sign(x) * (1 - Math.exp(-z * z) / (Math.sqrt(Math.PI) * k));
  }
  let [sum, term, n] = [0, x, 0];
  while (Math.abs(term) > 1e-17 && n < 400) { sum += term / (2 * n + 1); n++; term *= (-x * x) / n; }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
const floatGelu = {
  erf: (x: number) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
  tanh: (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))),
};

const cases = GELU_FORMS.flatMap((form, f) => GELU_STRATEGIES.map((s, i) => [form, s, f, i] as const));

describe.each(cases)('gelu gadget, %s form, strategy %s', (form, strategy, f, s) => {
  test('bit-exact with geluInt on random and edge inputs, every sign case; cost = measured', () => {
    const next = rng(3 + 10 * f + s);
    for (const [frac, lo, hi] of [[16, -(8n << 16n), 8n << 16n], [16, 0n, 3n << 16n], [16, -(1n << 24n), 0n], [8, -2000n, 900n], [4, -96n, 96n]] as [number, bigint, bigint][]) {
      const edges = [lo, hi, 0n, -1n, 1n, -(4n << BigInt(frac)), (4n << BigInt(frac)) - 1n].filter((x) => x >= lo && x <= hi);
      const xs = [...edges, ...Array.from({ length: 10 }, () => randInt(next, lo, hi))];
      const built = run(xs, lo, hi, frac, f, s);
      expect(built.outs.map((o) => o.value)).toEqual(xs.map((x) => geluInt(x, frac, form, strategy)));
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
      expect(built.measured).toEqual(built.cost);
    }
  });

  test(`error against the float GELU below the stated bound (${geluErrorBound(16, form, strategy).toExponential(2)}) and 1e-3 at frac 16`, () => {
    let worst = 0;
    for (let x = -(8n << 16n); x <= 8n << 16n; x += 331n) {
      worst = Math.max(worst, Math.abs(Number(geluInt(x, 16, form, strategy)) / 65536 - floatGelu[form](Number(x) / 65536)));
    }
    expect(worst).toBeLessThanOrEqual(geluErrorBound(16, form, strategy));
    expect(geluErrorBound(16, form, strategy)).toBeLessThan(1e-3);
  });

  test('tampering: every wire changed alone breaks a constraint; a flipped sign fails', () => {
    const { r1cs } = run([-40000n, 300000n], -(8n << 16n), 8n << 16n, 16, f, s);
    expect(everySingleChangeFails(r1cs)).toEqual([]);
    const sign = 'Gelu_2.gelu.sign[0]';
    expect(checkTampered(r1cs, [[sign, 1n - valueOf(r1cs, sign)], ['Gelu_2.gelu.abs[0]', -40000n]])).not.toBeNull();
  });
});

/** The function tables a lookup build looked up in (the range table aside), by name. */
function usedTables(built: Built): FunctionTable[] {
  return [...built.cs.lookups!.counts()].filter(([name, t]) => name !== 'range' && t.lookups > 0)
    .map(([name, t]) => ({ name, rows: t.rows })).sort((a, b) => a.name.localeCompare(b.name));
}

function listedTables(n: number, lo: bigint, hi: bigint, frac: number, form: number, strategy: number): FunctionTable[] {
  const params = paramsOf(n, lo, hi, frac, form, strategy);
  const values = gelu.abi.map((p) => (p.kind === 'in' ? n : params[p.name as keyof typeof params]));
  return functionTables('gelu', values).sort((a, b) => a.name.localeCompare(b.name));
}

describe.each(cases)('gelu gadget on groth16-cr (lookups), %s form, strategy %s', (form, strategy, f, s) => {
  test.each([4, 8])('%i-bit limbs: the plain circuit\'s outputs and geluInt\'s; cost = measured; the finalized circuit holds; tables as listed', (w) => {
    const next = rng(50 + 10 * f + s + w);
    // Segment keys of 7, 9, 6 bits (tables up to 512 rows) and of 12 and 28 bits (split, a gate);
    // the polynomial's gate on 2, 4, 7, 1 and 23 bits; every sign case.
    const ranges: [number, bigint, bigint][] = [
      [16, -(8n << 16n), 8n << 16n], [16, -(32n << 16n), 32n << 16n], [16, 0n, 3n << 16n], [16, -(1n << 24n), 0n],
      [8, -2000n, 900n], [4, -96n, 96n], [6, -(1n << 30n), -3n],
    ];
    for (const [frac, lo, hi] of ranges) {
      const edges = [lo, hi, 0n, -1n, 1n, -(4n << BigInt(frac)), (4n << BigInt(frac)) - 1n, 4n << BigInt(frac)].filter((x) => x >= lo && x <= hi);
      const xs = [...edges, ...Array.from({ length: 8 }, () => randInt(next, lo, hi))];
      const built = run(xs, lo, hi, frac, f, s, w);
      const plain = run(xs, lo, hi, frac, f, s);
      expect(built.outs.map((o) => o.value)).toEqual(plain.outs.map((o) => o.value));
      expect(built.outs.map((o) => o.value)).toEqual(xs.map((x) => geluInt(x, frac, form, strategy)));
      expect(built.measured).toEqual(built.cost);
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
      expect(usedTables(built)).toEqual(listedTables(xs.length, lo, hi, frac, f, s));
    }
  });

  test('tampering: every wire changed alone breaks a constraint, the looked-up segment and coefficients among them; a flipped sign fails', () => {
    for (const [lo, hi] of [[-(8n << 16n), 8n << 16n], [-(1n << 24n), 1n << 24n]]) {
      const { r1cs } = run([-40000n, 300000n, 5n << 16n], lo, hi, 16, f, s, 4);
      expect(everySingleChangeFails(r1cs)).toEqual([]);
      const sign = 'Gelu_2.gelu.sign[0]';
      expect(checkTampered(r1cs, [[sign, 1n - valueOf(r1cs, sign)], ['Gelu_2.gelu.abs[0]', -40000n]])).not.toBeNull();
    }
    const { r1cs } = run([-40000n, 300000n], -(8n << 16n), 8n << 16n, 16, f, s, 8);
    const looked = strategy === 'table' ? ['seg[0]', 'seg_coef[0][0]', 'seg_coef[0][2]', 'seg[1]', 'seg_coef[1][1]'] : ['u[0]', 'hi[1]', 'hi_coef[1][0]'];
    for (const label of looked.map((l) => `Gelu_2.gelu.${l}`)) {
      expect(checkTampered(r1cs, [[label, valueOf(r1cs, label) + 1n]])).not.toBeNull();
      expect(checkTampered(r1cs, [[label, valueOf(r1cs, label) - 1n]])).not.toBeNull();
    }
  });

  test('far fewer constraints than with bits at frac 16 over [−8, 8]', () => {
    const plain = run([1n], -(8n << 16n), 8n << 16n, 16, f, s).measured.constraints;
    const lookup = run([1n], -(8n << 16n), 8n << 16n, 16, f, s, 8).measured.constraints;
    expect(lookup * 4).toBeLessThan(plain);
  });
});
