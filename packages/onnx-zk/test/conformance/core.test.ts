import { runConformance, summaryLine } from '../../src/conformance';
import { CORE_LIST, SKIPS } from './paths';

// The ONNX backend node suite's zkML core cases (test-data/onnx-node, Apache-2.0), run through
// the frontend, the standard passes and the float interpreter.
test('at least 95% of the core node cases that are not skipped pass, with no internal error', () => {
  const r = runConformance({ list: CORE_LIST, skips: SKIPS });
  const total = r.cases.length;
  const failures = r.cases.filter((c) => c.status === 'fail').map((c) => `${c.name}: ${c.detail}`);
  // eslint-disable-next-line no-console
  console.log(`core: ${summaryLine(r)} (${((100 * r.passed) / total).toFixed(1)}% of ${total})\n${failures.join('\n')}`);
  expect(total).toBe(398);
  expect(r.cases.filter((c) => c.internal)).toEqual([]);
  expect(r.passed / (r.passed + r.failed)).toBeGreaterThanOrEqual(0.95);
  for (const c of r.cases.filter((s) => s.status === 'skip')) expect(c.detail).toMatch(/^(exotic dtype|training mode|zero-size tensor|opset 1 model)/);
});
