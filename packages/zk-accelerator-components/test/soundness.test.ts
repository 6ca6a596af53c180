import { checkGadget, checkGadgets, checkR1cs, gadgets, P, soundnessJson, toField } from '../src';
import { buildInstance } from '../src/soundness/instance';
import { modInv, modSqrt, polyRoots } from '../src/soundness/field-math';
import { solveBitSum } from '../src/soundness/boolean-sum';
import { rangeCheckLoose, reluLooseSign, rescaleFreeRemainder, squareThenFreeRemainder } from './soundness-controls';

describe('soundness checker over every gadget of the record', () => {
  test.each(Object.keys(gadgets))('%s: cases given, no second witness', (name) => {
    const report = checkGadget(gadgets[name]);
    expect(report.cases.length).toBeGreaterThan(0);
    expect(report.cases.filter((c) => c.result === 'error' || c.result === 'counterexample')).toEqual([]);
    expect(['proven', 'searched']).toContain(report.result);
    expect(report.candidates).toBeGreaterThan(0);
  }, 15_000);
});

describe('under-constrained controls are caught', () => {
  test('a rescale with an unchecked remainder (circomlib-ml Dense) yields a different quotient', () => {
    const report = checkGadget(rescaleFreeRemainder);
    expect(report.result).toBe('unsound');
    const changed = report.cases[0].counterexample!;
    expect(changed.some((c) => c.label === 'output[0]')).toBe(true);
    expect(changed.some((c) => c.label === 'r')).toBe(true);
  });

  test('found part by part once a shared wire is solved, and the whole second witness satisfies', () => {
    const report = checkGadget(squareThenFreeRemainder);
    expect(report.result).toBe('unsound');
    const labels = report.cases[0].counterexample!.map((c) => c.label);
    expect(labels).toContain('r');
    expect(labels).not.toContain('sq');
  });

  test('a ReLU whose sign bit is not boolean', () => {
    const report = checkGadget(reluLooseSign);
    expect(report.result).toBe('unsound');
    expect(report.cases[0].counterexample!.map((c) => c.label)).toContain('sign');
  });

  test('a range check that proves a wider range than it claims accepts a rejected input', () => {
    const report = checkGadget(rangeCheckLoose);
    expect(report.result).toBe('unsound');
    const x = report.cases[0].counterexample!.find((c) => c.label === 'x[0]')!;
    expect([6n, 7n]).toContain(x.to);
  });

  test('with no budget for the complete search, targeted mutations still find it', () => {
    expect(checkGadget(rescaleFreeRemainder, { exhaustiveNodes: 1 }).result).toBe('unsound');
    expect(checkGadget(reluLooseSign, { exhaustiveNodes: 1 }).result).toBe('unsound');
    expect(checkGadget(gadgets.rescale, { exhaustiveNodes: 1, randomProbes: 20, gadgetMs: 600 }).result).toBe('searched');
  });

  test('only filters by name, and the JSON report carries bigints as strings', () => {
    const reports = checkGadgets({ ...gadgets, control: rescaleFreeRemainder }, { only: 'control' });
    expect(reports.map((r) => r.gadget)).toEqual(['rescale_free_remainder']);
    expect(JSON.parse(soundnessJson(reports))[0].cases[0].counterexample[0].from).toMatch(/^-?\d+$/);
  });
});

describe('field solving', () => {
  test('square roots in F_p, small and large', () => {
    for (const v of [1n, 4n, 12345n * 12345n, P - 1n, 2n ** 200n + 7n]) {
      const r = modSqrt(v);
      if (r !== null) expect((r * r) % P).toBe(v % P);
    }
    expect(modSqrt(P - 1n)).not.toBeNull(); // −1 is a square: p ≡ 1 mod 4
    expect(modSqrt(5n)).toBeNull(); // the field's non-residue generator
  });

  test('inverses', () => {
    for (const v of [1n, 2n, P - 1n, 12345678901234567890n, P - 7n]) expect((modInv(v) * v) % P).toBe(1n);
  });

  test('bit decompositions solved at once: unique digits, none, or not that shape', () => {
    const bits: [number, bigint][] = [[1, 1n], [2, 2n], [3, 4n]];
    expect(solveBitSum(bits, 5n)).toEqual(new Map([[1, 1n], [2, 0n], [3, 1n]]));
    expect(solveBitSum(bits, 8n)).toBeNull(); // beyond 1 + 2 + 4
    expect(solveBitSum([[1, P - 2n], [2, P - 4n]], P - 6n)).toEqual(new Map([[1, 1n], [2, 1n]])); // −2a − 4b = −6
    expect(solveBitSum([[1, 3n], [2, 6n]], 9n)).toEqual(new Map([[1, 1n], [2, 1n]])); // common factor 3
    expect(solveBitSum([[1, 1n], [2, 1n]], 1n)).toBeUndefined(); // a + b = 1 has two solutions
    expect(solveBitSum([[1, 1n], [2, P - 2n]], 1n)).toBeUndefined(); // mixed signs
  });

  test('roots of degree ≤ 2 in one unknown', () => {
    expect(new Set(polyRoots(1n, -1n, 0n) as bigint[])).toEqual(new Set([0n, 1n])); // b(b − 1) = 0
    expect(polyRoots(0n, 3n, -12n)).toEqual([4n]);
    expect(polyRoots(0n, 0n, 0n)).toBe('free');
    expect(polyRoots(0n, 0n, 5n)).toEqual([]);
    expect(polyRoots(1n, 0n, -5n)).toEqual([]);
  });
});

test('a reported second witness satisfies the R1CS (re-checked independently)', () => {
  const kase = rescaleFreeRemainder.soundnessCases!()[0];
  const inst = buildInstance(rescaleFreeRemainder, kase);
  const changed = checkGadget(rescaleFreeRemainder).cases[0].counterexample!;
  const witness = [...inst.r1cs.witness];
  for (const c of changed) witness[inst.r1cs.labels.indexOf(c.label)] = toField(c.to);
  expect(checkR1cs(inst.r1cs, witness)).toBeNull();
  expect(inst.outputWires.some((w) => witness[w] !== inst.r1cs.witness[w])).toBe(true);
  expect(inst.inputWires.every((w) => witness[w] === inst.r1cs.witness[w])).toBe(true);
});
