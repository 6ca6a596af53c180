import {
  checkGadget, checkGadgets, checkR1cs, ConstraintSystem, evalLc, formatSoundness, gadgets, LookupArgument, P, soundnessJson, toField,
} from '../src';
import { buildInstance } from '../src/soundness/instance';
import { summarizeSoundness } from '../src/soundness';
import { modInv, modSqrt, polyRoots } from '../src/soundness/field-math';
import { solveBitSum } from '../src/soundness/boolean-sum';
import { propagateIntervals } from '../src/soundness/intervals';
import { proveRange } from '../src/gadgets/blocks/range';
import {
  HIGH_LIMBS, LOW_LIMB, rangeCheckLoose, reluLooseSign, reluTopLimbOnce, rescaleFreeRemainder, rescaleLowLimbOnly, squareThenFreeRemainder,
  squareByTable, TOP_AGAIN, withoutLookups,
} from './soundness-controls';

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

/** The gadgets built on the range blocks (bits with groth16, limb lookups with groth16-cr). */
const RANGE_GADGETS = ['rescale', 'relu', 'rescale_relu', 'rescale_clip', 'range_check', 'max', 'clamp', 'reciprocal', 'rsqrt', 'layer_norm'];

describe('groth16-cr: every gadget with lookups searched as table membership', () => {
  // Every gadget with 3-bit limbs, the range-block ones with 4-bit limbs too (a top limb of other widths).
  const runs = [...Object.keys(gadgets).map((name) => [name, 3]), ...RANGE_GADGETS.map((name) => [name, 4])] as [string, number][];
  test.each(runs)('%s: no second witness with %i-bit limbs', (name, limbBits) => {
    const report = checkGadget(gadgets[name], { backend: 'groth16-cr', limbBits });
    expect(report).toMatchObject({ backend: 'groth16-cr', limbBits });
    expect(report.cases.filter((c) => c.result === 'error' || c.result === 'counterexample')).toEqual([]);
    expect(['proven', 'searched']).toContain(report.result);
    if (RANGE_GADGETS.includes(name)) {
      expect(report.result).toBe('proven');
      expect(report.cases.some((c) => c.lookups! > 0)).toBe(true);
    }
  }, 15_000);

  test('checkGadgets runs each gadget under each backend, backends together', () => {
    const reports = checkGadgets(gadgets, { only: 'relu', backends: ['groth16', 'groth16-cr'], limbBits: 4 });
    expect(reports.map((r) => [r.gadget, r.backend, r.limbBits])).toEqual([['relu', 'groth16', undefined], ['relu', 'groth16-cr', 4]]);
    const summary = summarizeSoundness(reports);
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ gadget: 'relu', result: 'proven' });
    expect(summary[0].backends.map((b) => b.backend)).toEqual(['groth16', 'groth16-cr']);
    const text = formatSoundness(reports);
    expect(text).toMatch(/^groth16: range checks by bits\ngadget\s+result\s+cases\s+candidates\s+time\nrelu\s+proven\s+2\s+\d+\s+\d+ ms$/m);
    expect(text).toMatch(/^groth16-cr: range checks by lookups into \[0, 2\^4\).*\ngadget\s+result\s+cases\s+lookups\s+candidates\s+time\nrelu\s+proven\s+2\s+[1-9]\d*\s+\d+\s+\d+ ms$/m);
  });
});

describe('groth16-cr: the system the solver sees', () => {
  const kase = gadgets.rescale.soundnessCases!()[0];

  test('the LogUp argument is dropped (every constraint on a challenge or round-2 wire), its lookups become memberships', () => {
    const inst = buildInstance(gadgets.rescale, kase, { backend: 'groth16-cr', limbBits: 3 });
    const { r1cs, sys } = inst;
    const info = r1cs.rounds!.info;
    const round = new Set(inst.roundWires);
    expect(inst.roundWires).toHaveLength(info.nChallenges + info.nWires - info.round2Start);
    // one constraint per lookup, the range table's 8 rows + 1
    expect(r1cs.constraints.length - sys.r1cs.constraints.length).toBe(sys.lookups.length + 9);
    for (const c of sys.r1cs.constraints) for (const lc of [c.a, c.b, c.c]) for (const w of lc.keys()) expect(round.has(w)).toBe(false);
    expect(sys.lookups.length).toBeGreaterThan(0);
    expect(sys.lookups.every((l) => l.table === 'range' && l.value === undefined)).toBe(true);
    // the honest witness puts every looked-up key in [0, 8)
    for (const l of sys.lookups) expect(evalLc(l.key, r1cs.witness)).toBeLessThan(8n);
    // the plain form has no lookups and the same output
    const plain = buildInstance(gadgets.rescale, kase);
    expect(plain.sys.lookups).toEqual([]);
    expect(plain.outputWires.map((w) => plain.r1cs.witness[w])).toEqual(inst.outputWires.map((w) => r1cs.witness[w]));
  });

  test('onLookup records every lookup and changes nothing in the circuit', () => {
    const build = (record: boolean) => {
      const cs = new ConstraintSystem();
      cs.lookups = new LookupArgument(3);
      const seen: { table: string; coeffs: bigint[]; value: unknown; label: string }[] = [];
      if (record) cs.lookups.onLookup = (table, key, value, label) => seen.push({ table, coeffs: [...key.values()], value, label });
      const t = cs.newWire(45n, 't');
      proveRange(cs, t, 7, 'r');
      const r1cs = cs.finalize({ outputs: [], privateInputs: [t] });
      return { r1cs, seen };
    };
    const [plain, recorded] = [build(false), build(true)];
    expect(recorded.r1cs).toEqual(plain.r1cs);
    // 7 bits with 3-bit limbs: limbs 0, 1 and 2, and the 1-bit top limb again as 4·l
    expect(recorded.seen).toHaveLength(4);
    expect(recorded.seen.every((l) => l.table === 'range' && l.value === undefined)).toBe(true);
    expect(recorded.seen[3].coeffs).toEqual([4n]);
    expect(recorded.seen[3].label).toContain('top');
  });
});

describe('groth16-cr: under-constrained lookups are caught', () => {
  test('a remainder whose range proof looks up only the low limb: the quotient moves', () => {
    expect(checkGadget(rescaleLowLimbOnly).result).toBe('proven'); // with bits it is sound
    const report = checkGadget(rescaleLowLimbOnly, { backend: 'groth16-cr', limbBits: 3 });
    expect(report.result).toBe('unsound');
    const changed = report.cases[0].counterexample!;
    const q = changed.find((c) => c.label === 'output[0]' || c.label === 'q')!;
    expect(q.to).not.toBe(q.from);
    const limb = changed.find((c) => c.label === 'r_limb[1]')!;
    expect(limb.to).toBeGreaterThanOrEqual(8n); // the unchecked limb left [0, 8)
  });

  test('a partial top limb looked up once: the sign bit flips (3- and 4-bit limbs)', () => {
    expect(checkGadget(reluTopLimbOnce).result).toBe('proven');
    for (const limbBits of [3, 4]) {
      const report = checkGadget(reluTopLimbOnce, { backend: 'groth16-cr', limbBits });
      expect(report.result).toBe('unsound');
      const changed = report.cases[0].counterexample!;
      expect(changed.find((c) => c.label === 'sign')).toMatchObject({ from: 1n, to: 0n });
      expect(changed.find((c) => c.label === 'y' || c.label === 'output[0]')).toMatchObject({ from: 5n, to: 0n });
    }
  });

  test('the second witness satisfies every kept constraint and every lookup (re-checked independently)', () => {
    for (const [control, limbBits] of [[rescaleLowLimbOnly, 3], [reluTopLimbOnce, 3], [reluTopLimbOnce, 4]] as const) {
      const kase = control.soundnessCases!()[0];
      const inst = buildInstance(control, kase, { backend: 'groth16-cr', limbBits });
      const changed = checkGadget(control, { backend: 'groth16-cr', limbBits }).cases[0].counterexample!;
      const witness = [...inst.r1cs.witness];
      for (const c of changed) witness[inst.r1cs.labels.indexOf(c.label)] = toField(c.to);
      expect(checkR1cs(inst.sys.r1cs, witness)).toBeNull();
      for (const l of inst.sys.lookups) expect(evalLc(l.key, witness)).toBeLessThan(1n << BigInt(limbBits));
      expect(inst.outputWires.some((w) => witness[w] !== inst.r1cs.witness[w])).toBe(true);
      expect(inst.inputWires.every((w) => witness[w] === inst.r1cs.witness[w])).toBe(true);
    }
  });

  test.each([
    ['rescale', 'top', TOP_AGAIN], ['range_check', 'top', TOP_AGAIN], ['rescale_clip', 'top', TOP_AGAIN],
    ['reciprocal', 'high_limbs', HIGH_LIMBS], ['rsqrt', 'high_limbs', HIGH_LIMBS], ['clamp', 'high_limbs', HIGH_LIMBS],
    ...RANGE_GADGETS.filter((name) => name !== 'layer_norm').map((name) => [name, 'low_limb', LOW_LIMB] as const),
  ] as [string, string, (label: string) => boolean][])('%s with proveRange skipping the %s lookups: unsound', (name, what, skip) => {
    const weak = withoutLookups(gadgets[name], what, skip);
    expect(checkGadget(weak).result).toBe('proven'); // no lookups with bits: the gadget's own circuit
    const report = checkGadget(weak, { backend: 'groth16-cr', limbBits: 3 });
    expect(report.result).toBe('unsound');
    expect(report.cases.find((c) => c.counterexample)!.counterexample!.length).toBeGreaterThan(0);
  });

  test('a two-column table: the looked-up value is the row\'s, and without the lookup it is free', () => {
    const report = checkGadget(squareByTable, { backend: 'groth16-cr' });
    expect(report.result).toBe('proven');
    expect(report.cases[0].lookups).toBe(2);
    const inst = buildInstance(squareByTable, squareByTable.soundnessCases!()[0], { backend: 'groth16-cr', limbBits: 3 });
    expect(inst.sys.tables.get('square')).toMatchObject({ pair: true, keyHull: [0n, 7n], valueHull: [0n, 49n] });
    expect(inst.sys.lookups.every((l) => l.value !== undefined)).toBe(true);
    const weak = checkGadget(withoutLookups(squareByTable, 'pair', (label) => label === 'y'), { backend: 'groth16-cr' });
    expect(weak.result).toBe('unsound');
    expect(weak.cases[0].counterexample!.map((c) => c.label)).toEqual(['y']);
  });

  test('found by targeted mutations too, without the complete search', () => {
    expect(checkGadget(rescaleLowLimbOnly, { backend: 'groth16-cr', exhaustiveNodes: 1 }).result).toBe('unsound');
    expect(checkGadget(reluTopLimbOnce, { backend: 'groth16-cr', exhaustiveNodes: 1 }).result).toBe('unsound');
  });
});

describe('bounds propagation (groth16-cr search)', () => {
  const form = (known: bigint, terms: [number, bigint][], lo: bigint, hi: bigint) => ({ known: toField(known), terms: new Map(terms.map(([w, c]) => [w, toField(c)] as [number, bigint])), lo, hi });

  test('a limb decomposition of a known value pins every limb, most significant first', () => {
    // 45 − 8·l1 − 64·l2 ∈ [0, 8), l1, l2 ∈ [0, 8)
    const dom = propagateIntervals([form(0n, [[1, 1n]], 0n, 7n), form(0n, [[2, 1n]], 0n, 7n), form(45n, [[1, -8n], [2, -64n]], 0n, 7n)])!;
    expect(dom.get(2)).toEqual([0n, 0n]);
    expect(dom.get(1)).toEqual([5n, 5n]);
  });

  test('a coefficient other than ±1 only narrows a bound the wire already has', () => {
    // 2·u ∈ [0, 8) alone says nothing about u (u may be (p + 1)/2)
    expect(propagateIntervals([form(0n, [[1, 2n]], 0n, 7n)])!.has(1)).toBe(false);
    // with u ∈ [0, 8) it gives u ∈ [0, 3] (the double lookup of a 2-bit top limb)
    expect(propagateIntervals([form(0n, [[1, 1n]], 0n, 7n), form(0n, [[1, 2n]], 0n, 7n)])!.get(1)).toEqual([0n, 3n]);
  });

  test('contradictions, negatives and linear constraints', () => {
    expect(propagateIntervals([form(0n, [[1, 1n]], 0n, 7n), form(-20n, [[1, 1n]], 0n, 7n)])).toBeNull(); // u ∈ [0, 8) and u ∈ [20, 28)
    expect(propagateIntervals([form(3n, [[1, -1n]], 0n, 7n)])!.get(1)).toEqual([-4n, 3n]); // 3 − u ∈ [0, 8)
    // x = 8q + r with r ∈ [0, 8), q ∈ [0, 16), x = 45 (a linear constraint: 45 − 8q − r = 0)
    const dom = propagateIntervals([form(0n, [[1, 1n]], 0n, 7n), form(0n, [[2, 1n]], 0n, 15n), form(45n, [[2, -8n], [1, -1n]], 0n, 0n)])!;
    expect(dom.get(2)).toEqual([5n, 5n]);
    expect(dom.get(1)).toEqual([5n, 5n]);
    // a known part near p/2 gives no bound rather than a wrapped one
    expect(propagateIntervals([form(P / 2n, [[1, 1n]], 0n, 7n)])!.has(1)).toBe(false);
  });
});
