import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConstraintSystem, gadgets, rescaleValue, Signal, StreamingConstraintSystem, writeR1cs, writeSym, writeWtns } from '../src';
import { i64, randInt, rng } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const snarkjs = require('snarkjs');

const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: () => undefined };
const WIDTH = 6;

/** Two dense layers (seeded weights) with rescale_relu, public and private inputs, an input reused as output. */
function synthesize(cs: ConstraintSystem, seed: number): { outputs: Signal[]; publicInputs: Signal[]; privateInputs: Signal[] } {
  const next = rng(seed);
  const x = Array.from({ length: WIDTH }, (_, i) => cs.newWire(randInt(next, -100n, 100n), `input.x·é[${i}]`));
  gadgets.range_check.synthesize(cs, [x, WIDTH, i64(x.map(() => -128)), i64(x.map(() => 127))], ['input']);
  let h = x;
  for (const layer of [0, 1]) {
    const W = i64(Array.from({ length: WIDTH * WIDTH }, () => Number(randInt(next, -64n, 64n))));
    const y = gadgets.linear.synthesize(cs, [h, W, null, WIDTH, 1, WIDTH, WIDTH], [`Gemm_${layer}`]);
    const lo = i64(y.map(() => -(1 << 20))).map((v) => rescaleValue(v, 4));
    const hi = i64(y.map(() => 1 << 20)).map((v) => rescaleValue(v, 4));
    h = gadgets.rescale_relu.synthesize(cs, [y, WIDTH, WIDTH, 4, lo, hi], [`Gemm_${layer}`, `Relu_${layer}`]);
  }
  return { outputs: [...h, x[0]], publicInputs: x.slice(0, 2), privateInputs: x.slice(2) };
}

function readAll(files: Record<string, string>): Record<string, Buffer> {
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(f)]));
}

describe('StreamingConstraintSystem', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-streaming-'));
  const filesIn = (name: string) => ({ r1cs: path.join(dir, `${name}.r1cs`), wtns: path.join(dir, `${name}.wtns`), sym: path.join(dir, `${name}.sym`) });
  const memory = filesIn('memory');
  const streamed = filesIn('streamed');
  let nConstraints = 0;
  const spoolRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-spool-'));

  beforeAll(() => {
    const cs = new ConstraintSystem();
    const r1cs = cs.finalize(synthesize(cs, 7));
    writeR1cs(memory.r1cs, r1cs);
    writeWtns(memory.wtns, r1cs.witness);
    writeSym(memory.sym, r1cs);
    nConstraints = r1cs.constraints.length;
    const scs = new StreamingConstraintSystem(spoolRoot);
    const { header, failure } = scs.finalizeToFiles(synthesize(scs, 7), streamed);
    expect(header.nConstraints).toBe(nConstraints);
    expect(failure).toBeNull();
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(spoolRoot, { recursive: true, force: true });
    await (globalThis as { curve_bn128?: { terminate(): Promise<void> } }).curve_bn128?.terminate();
  });

  test('writes r1cs, wtns and sym byte-identical to the in-memory path', () => {
    expect(nConstraints).toBeGreaterThan(200);
    const [a, b] = [readAll(memory), readAll(streamed)];
    for (const k of ['r1cs', 'wtns', 'sym']) expect(b[k].equals(a[k])).toBe(true);
  });

  test('snarkjs wtns.check accepts the streamed files', async () => {
    expect(await snarkjs.wtns.check(streamed.r1cs, streamed.wtns, quiet)).toBe(true);
  });

  test('removes its temp folder once finalized', () => {
    expect(fs.readdirSync(spoolRoot)).toEqual([]);
  });

  test('reports the first constraint the witness breaks and writes nothing; cannot be used after finalize', () => {
    const cs = new StreamingConstraintSystem(spoolRoot);
    const x = cs.newWire(3n, 'x');
    const y = cs.newWire(10n, 'Mul_0.mul.y');
    cs.constrain(x, x, cs.constant(9n), 'Mul_0.ok');
    cs.constrain(x, x, y, 'Mul_0.mul.y');
    cs.constrain(x, y, y, 'Mul_0.later');
    const bad = filesIn('bad');
    expect(cs.finalizeToFiles({ outputs: [y], privateInputs: [x] }, bad).failure).toEqual({ index: 1, label: 'Mul_0.mul.y' });
    expect(Object.values(bad).filter((f) => fs.existsSync(f))).toEqual([]);
    expect(fs.readdirSync(spoolRoot)).toEqual([]);
    expect(() => cs.newWire(1n, 'late')).toThrow(/after finalize/);
    expect(() => cs.finalize()).toThrow(/finalizeToFiles/);
  });
});
