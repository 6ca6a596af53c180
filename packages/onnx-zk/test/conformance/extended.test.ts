import { runConformance, summaryLine } from '../../src/conformance';
import { EXTENDED_LIST, SKIPS } from './paths';

// The extended node cases: no pass threshold (engineers add ops as the corpus needs them), but
// every failure must be a coded user error, never an internal one; the counts are printed.
test('the extended node cases run without internal errors; counts are recorded', () => {
  const r = runConformance({ list: EXTENDED_LIST, skips: SKIPS });
  // eslint-disable-next-line no-console
  console.log(`extended: ${summaryLine(r)} of ${r.cases.length}`);
  expect(r.cases.length).toBe(678);
  expect(r.cases.filter((c) => c.internal).map((c) => `${c.name}: ${c.detail}`)).toEqual([]);
  expect(r.passed).toBeGreaterThan(0);
});
