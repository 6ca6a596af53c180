/**
 * runProve's groth16-cr branch, before the assign step writes circuit.rounds itself: the module
 * reading and the assignment are replaced by a hand-built circuit (test/helpers/cr-circuit.ts)
 * written into the staging folder under the assign step's file names, circuit.rounds included.
 * Everything after that (keys, proof, verification, Verifier.sol, outputs, timings) is runProve's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PROOF_FILES, runOnchainVerify, runProve, runVerify, Timings } from '../src';
import { tempDir } from './helpers/tmp';

jest.mock('../src/assign/prepare', () => ({
  loadCircuit: () => ({
    module: { file: 'cr.ll', signature: { version: 1, model: 'cr', inputs: [], outputs: [{ name: 'out', shape: [1], frac: 0 }], backend: { name: 'groth16-cr', limbBits: 4 } }, params: [], calls: [] },
    inputs: [],
  }),
}));

jest.mock('../src/assign/assign-streamed', () => ({
  assignCircuitToFiles: (_module: unknown, _inputs: unknown, dir: string) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { crCircuit } = require('./helpers/cr-circuit') as typeof import('./helpers/cr-circuit');
    const c = crCircuit(dir, 'circuit', 3n, 5n);
    const files = { r1cs: c.r1cs, wtns: path.join(dir, 'witness.wtns'), sym: path.join(dir, 'circuit.sym') };
    fs.renameSync(c.wtns, files.wtns);
    fs.writeFileSync(files.sym, '');
    return { files, outputs: [], header: {} };
  },
}));

const dir = tempDir();
const savedCache = process.env.ONNX_ZK_CACHE;
const out = path.join(dir, 'proved');
const logged: string[] = [];

beforeAll(async () => {
  process.env.ONNX_ZK_CACHE = path.join(dir, 'cache');
  await runProve({ module: 'cr.ll', input: 'input.json', out, log: (l) => logged.push(l) });
});

afterAll(async () => {
  if (savedCache === undefined) delete process.env.ONNX_ZK_CACHE;
  else process.env.ONNX_ZK_CACHE = savedCache;
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }).curve_bn128?.terminate();
});

const readJson = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(out, name), 'utf8')) as T;

test('writes the usual files, with a groth16-cr proof, key and verifier', () => {
  expect(fs.readdirSync(out).sort()).toEqual([...Object.values(PROOF_FILES), 'circuit.rounds'].sort());
  expect(readJson<{ protocol: string; pi_c1: string[] }>(PROOF_FILES.proof)).toMatchObject({ protocol: 'groth16-cr', pi_c1: expect.any(Array) });
  expect(readJson<{ protocol: string; nPublic: number; nChallenges: number }>(PROOF_FILES.vkey)).toMatchObject({ protocol: 'groth16-cr', nPublic: 1, nChallenges: 2 });
  expect(readJson<string[]>(PROOF_FILES.public)).toEqual(['15']);
  expect(fs.readFileSync(path.join(out, PROOF_FILES.verifier), 'utf8')).toMatch(/contract Groth16CrVerifier/);
  expect(readJson<{ outputs: unknown[] }>(PROOF_FILES.outputs).outputs).toEqual([{ name: 'out', shape: [1], frac: 0, integers: ['15'], values: [15] }]);
  const t = readJson<Timings>(PROOF_FILES.timings);
  expect(t).toMatchObject({ protocol: 'groth16-cr', publicSignals: 1, insecureSetup: true });
  expect(logged[0]).toMatch(/WARNING: insecure development setup/);
  expect(fs.readdirSync(path.join(dir, 'cache', 'keys')).join()).toMatch(/-insecure-dev-cr-\d+-2\.zkey/);
});

test('runVerify and runOnchainVerify accept the folder', async () => {
  await expect(runVerify({ dir: out })).resolves.toEqual({ verified: true });
  await expect(runOnchainVerify({ dir: out })).resolves.toMatchObject({ verified: true, publicSignals: 1 });
});
