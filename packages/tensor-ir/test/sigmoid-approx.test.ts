import { SIGMOID_FORMS, sigmoidBounds, sigmoidErrorBound, sigmoidFloat, sigmoidInt } from '@onnx-zk/tensor-ir';

/** The integer semantics of the fixed Sigmoid against the float functions, and its bounds. */
describe.each(SIGMOID_FORMS)('sigmoidInt, form %s', (form) => {
  test('at frac 16, every third x in [−9, 9] is within the error bound, and that bound is below 1e-4', () => {
    const f = 16;
    let worst = 0;
    for (let x = -(9 << f); x <= 9 << f; x += 3) {
      worst = Math.max(worst, Math.abs(Number(sigmoidInt(BigInt(x), f, form)) / 2 ** f - sigmoidFloat(x / 2 ** f, form)));
    }
    expect(worst).toBeLessThanOrEqual(sigmoidErrorBound(f, form));
    expect(sigmoidErrorBound(f, form)).toBeLessThan(1e-4);
  });

  test('odd around its centre, exact at 0 and saturated far out, at frac 4 to 40', () => {
    for (const f of [4, 9, 16, 24, 40]) {
      const one = 1n << BigInt(f);
      const centre = form === 'sigmoid' ? one / 2n : 0n;
      expect(sigmoidInt(0n, f, form)).toBe(centre);
      expect(sigmoidInt(1n << 61n, f, form)).toBe(one);
      expect(sigmoidInt(-(1n << 61n), f, form)).toBe(form === 'sigmoid' ? 0n : -one);
      for (const x of [1n, 3n, one / 3n, one * 5n + 7n]) {
        // round half up: y(−x) = 2c − y(x), or one less when y(x) sat exactly on a half.
        expect(2n * centre - sigmoidInt(x, f, form) - sigmoidInt(-x, f, form)).toBeGreaterThanOrEqual(0n);
        expect(2n * centre - sigmoidInt(x, f, form) - sigmoidInt(-x, f, form)).toBeLessThanOrEqual(1n);
      }
    }
  });

  test('bounds hold every value of their input interval (dense sweep, several fracs and intervals)', () => {
    for (const [f, lo, hi] of [[16, -(8n << 16n), 8n << 16n], [16, 70000n, 90000n], [4, -300n, -5n], [30, -(1n << 33n), 1n << 28n]] as [number, bigint, bigint][]) {
      const [ylo, yhi] = sigmoidBounds(lo, hi, f, form);
      const step = (hi - lo) / 4000n + 1n;
      for (let x = lo; x <= hi; x += step) {
        const y = sigmoidInt(x, f, form);
        expect(y >= ylo && y <= yhi).toBe(true);
      }
      expect(yhi - ylo).toBeLessThanOrEqual((form === 'tanh' ? 2n : 1n) * (1n << BigInt(f)) + 2n * ((1n << BigInt(f - 10 > 0 ? f - 10 : 0)) + 2n));
    }
  });
});
