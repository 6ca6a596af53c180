import { GELU_FORMS, GELU_STRATEGIES, geluBounds, geluErrorBound, geluInt } from '@onnx-zk/tensor-ir';
import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

const { gelu } = gadgets;

function run(xs: bigint[], lo: bigint, hi: bigint, frac: number, form: number, strategy: number) {
  const [ylo, yhi] = geluBounds(lo, hi, frac);
  const params = { y: xs.length, n: xs.length, frac, form, strategy, lo: i64([lo]), hi: i64([hi]), ylo: i64([ylo]), yhi: i64([yhi]) };
  return build(gelu, { x: xs }, params, ['Gelu_2']);
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
