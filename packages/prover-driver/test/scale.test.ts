import * as fs from 'fs';
import * as path from 'path';
import { writeR1cs, writeSym, writeWtns } from '@onnx-zk/zk-accelerator-components';
import { prepareCircuit, runAssign } from '../src/assign';
import { readR1csInfo, releaseSnarkjs } from '../src/prove';
import { setupKeys } from '../src/prove/setup-keys';
import { buildDenseCircuitFiles } from '../src/scale';
import { tempDir, writeText } from './helpers/tmp';
import { tinyModule, TINY_INPUT } from './helpers/tiny-circuit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const snarkjs = require('snarkjs');

const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: () => undefined };
const dir = tempDir('onnx-zk-scale-');
const savedCache = process.env.ONNX_ZK_CACHE;

beforeAll(() => { process.env.ONNX_ZK_CACHE = path.join(dir, 'cache'); });
afterAll(async () => {
  if (savedCache === undefined) delete process.env.ONNX_ZK_CACHE;
  else process.env.ONNX_ZK_CACHE = savedCache;
  fs.rmSync(dir, { recursive: true, force: true });
  await releaseSnarkjs();
});

const filesIn = (d: string) => ({ r1cs: path.join(d, 'circuit.r1cs'), wtns: path.join(d, 'witness.wtns'), sym: path.join(d, 'circuit.sym') });

test('runAssign streams files byte-identical to the in-memory assignment', async () => {
  const moduleFile = writeText(dir, 'tiny.ll', tinyModule());
  const inputFile = writeText(dir, 'input.json', JSON.stringify(TINY_INPUT));
  const memory = fs.mkdtempSync(path.join(dir, 'memory-'));
  const { r1cs } = prepareCircuit(moduleFile, inputFile, { publicInputs: true }).assignment;
  const m = filesIn(memory);
  writeR1cs(m.r1cs, r1cs);
  writeWtns(m.wtns, r1cs.witness);
  writeSym(m.sym, r1cs);
  const streamed = path.join(dir, 'streamed');
  const result = await runAssign({ module: moduleFile, input: inputFile, out: streamed, publicInputs: true });
  expect(result.constraints).toBe(r1cs.constraints.length);
  const s = filesIn(streamed);
  for (const k of ['r1cs', 'wtns', 'sym'] as const) expect(fs.readFileSync(s[k]).equals(fs.readFileSync(m[k]))).toBe(true);
  expect(fs.readdirSync(streamed).sort()).toEqual(['circuit.r1cs', 'circuit.sym', 'witness.wtns']);
});

test('a streamed dense circuit of ~2^12 constraints proves and verifies with the dev setup', async () => {
  const out = fs.mkdtempSync(path.join(dir, 'dense-'));
  const files = filesIn(out);
  const { header, layers } = buildDenseCircuitFiles({ constraints: 4096 - 129, width: 32 }, files);
  expect(header.nConstraints).toBeGreaterThan(3500);
  expect(layers).toBeGreaterThan(3);
  expect(await snarkjs.wtns.check(files.r1cs, files.wtns, quiet)).toBe(true);
  const info = readR1csInfo(files.r1cs);
  const keys = await setupKeys(files.r1cs, info, undefined, () => undefined);
  expect(keys.ptauPower).toBe(12);
  const { proof, publicSignals } = await snarkjs.groth16.prove(keys.zkey, files.wtns, quiet);
  const vkey = await snarkjs.zKey.exportVerificationKey(keys.zkey, quiet);
  expect(await snarkjs.groth16.verify(vkey, publicSignals, proof, quiet)).toBe(true);
  const forged = [...publicSignals];
  forged[0] = String(BigInt(forged[0]) + 1n);
  expect(await snarkjs.groth16.verify(vkey, forged, proof, quiet)).toBe(false);
  expect((await setupKeys(files.r1cs, info, undefined, () => undefined)).cached).toBe(true);
}, 600_000);
