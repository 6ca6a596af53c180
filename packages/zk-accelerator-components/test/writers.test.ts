import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConstraintSystem, gadgets, R1CS, toField, writeR1cs, writeSym, writeWtns } from '../src';
import { i64 } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const snarkjs = require('snarkjs');

const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: () => undefined };

/** input → rescale_relu → relu-free output: a small circuit with every kind of wire. */
function circuit(x0: bigint): R1CS {
  const cs = new ConstraintSystem();
  const x = [x0, -x0, 3n].map((v, i) => cs.newWire(v, `input[${i}]`));
  gadgets.range_check.synthesize(cs, [x, 3, i64([-64, -64, -64]), i64([63, 63, 63])], ['input']);
  const y = gadgets.linear.synthesize(cs, [x, i64([3, -2, 1, 4, 5, -1]), i64([7, -7]), 2, 1, 3, 2], ['Gemm_0']);
  const z = gadgets.rescale_relu.synthesize(cs, [y, 2, 2, 2, i64([-200, -200]), i64([200, 200])], ['Gemm_0', 'Relu_1']);
  return cs.finalize({ outputs: z, privateInputs: x });
}

describe('r1cs / wtns / sym writers', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-writers-'));
  const files = { r1cs: path.join(dir, 'circuit.r1cs'), wtns: path.join(dir, 'witness.wtns'), sym: path.join(dir, 'circuit.sym') };
  const r1cs = circuit(11n);

  beforeAll(() => {
    writeR1cs(files.r1cs, r1cs);
    writeWtns(files.wtns, r1cs.witness);
    writeSym(files.sym, r1cs);
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await (globalThis as { curve_bn128?: { terminate(): Promise<void> } }).curve_bn128?.terminate();
  });

  test('snarkjs reads the r1cs header and constraints back', async () => {
    const info = await snarkjs.r1cs.info(files.r1cs, quiet);
    expect(info.nVars).toBe(r1cs.nWires);
    expect(info.nConstraints).toBe(r1cs.constraints.length);
    expect([info.nOutputs, info.nPubInputs, info.nPrvInputs]).toEqual([2, 0, 3]);
    expect(info.n8).toBe(32);
    expect(BigInt(info.prime)).toBe(r1cs.prime);
    const [a] = info.constraints[0];
    const F = info.curve.Fr;
    expect(Object.fromEntries(Object.entries(a).map(([w, c]) => [w, F.toObject(c)]))).toEqual(
      Object.fromEntries([...r1cs.constraints[0].a].map(([w, c]) => [String(w), c])));
  });

  test('snarkjs accepts the witness, and rejects a tampered one', async () => {
    expect(await snarkjs.wtns.check(files.r1cs, files.wtns, quiet)).toBe(true);
    const bad = [...r1cs.witness];
    bad[1] = toField(bad[1] + 1n);
    writeWtns(path.join(dir, 'bad.wtns'), bad);
    expect(await snarkjs.wtns.check(files.r1cs, path.join(dir, 'bad.wtns'), quiet)).toBe(false);
  });

  test('circuit.sym names every wire after its ONNX node, gadget and part', () => {
    const lines = fs.readFileSync(files.sym, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(r1cs.nWires - 1);
    expect(lines[0]).toBe('1,1,1,main.Gemm_0.rescale_relu.y[0]'); // public output 0 keeps its gadget wire
    expect(lines).toContain(`${r1cs.labels.indexOf('input[0]')},${r1cs.labels.indexOf('input[0]')},0,main.input[0]`);
    const bit = lines.find((l) => l.endsWith('main.Gemm_0.rescale_relu.q_bit[1][3]'));
    const rangeBit = lines.find((l) => l.endsWith('main.input.range_check.low_bit[0][1]'));
    expect(bit?.split(',')[2]).not.toBe(rangeBit?.split(',')[2]);
    expect(Number(bit?.split(',')[2])).toBeGreaterThan(0);
  });

  test('writers leave no temp files behind', () => {
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
