import { FIXED_ATOL, FIXED_RTOL, runConformance, summaryLine } from '../../src/conformance';
import { FIXED_LIST } from './paths';

// The node-suite cases of the ops that lower to fixed point (convolution, pooling, normalization,
// data movement, resizing, activations), each lowered at 16 fractional bits with its weights and
// scales bound as constants: the integer interpreter stays within the fixed tolerance of the float
// interpreter, which itself matches onnxruntime's expected outputs.
test('every fixed-point node case passes', () => {
  const r = runConformance({ list: FIXED_LIST, fixed: true });
  const failures = r.cases.filter((c) => c.status !== 'pass').map((c) => `${c.name}: ${c.detail}`);
  expect(failures).toEqual([]);
  expect(summaryLine(r)).toBe(`${r.cases.length} passed, 0 failed, 0 skipped`);
  expect(r.cases.length).toBeGreaterThanOrEqual(227);
  expect([FIXED_ATOL, FIXED_RTOL]).toEqual([1e-3, 1e-3]);
});
