/**
 * `onnx-zk verify DIR --onchain` on a model nobody here wrote (EZKL's 1l_mlp), proved with each
 * backend: the JS verifier and Verifier.sol on an in-process EVM accept the proof, with gas near
 * the backend's anchor (snarkjs's for groth16; one more pairing and the challenge's scalar for
 * groth16-cr), and both reject it once a public signal is changed.
 */
import * as path from 'path';
import { releaseSnarkjs } from '@onnx-zk/prover-driver';
import { proveSteps, runSteps } from '../src';
import { verifyCommand } from '../src/commands';
import { copyDir, EXAMPLES, quiet, readJson, tempDir, writeJson } from './helpers';

const P = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const dirs: Record<string, string> = {};
const BACKENDS = ['groth16', 'groth16-cr'] as const;

/** Runs the verify command's handler in-process; returns its stdout and exit code. */
async function verify(workDir: string): Promise<{ stdout: string; code: number }> {
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((s) => { stdout += String(s); return true; });
  process.exitCode = undefined;
  try {
    await verifyCommand.handler({ dir: workDir, onchain: true, _: ['verify'], $0: 'onnx-zk' });
    return { stdout, code: Number(process.exitCode ?? 0) };
  } finally {
    spy.mockRestore();
    process.exitCode = undefined;
  }
}

beforeAll(async () => {
  const model = path.join(EXAMPLES, '1l_mlp');
  for (const backend of BACKENDS) {
    dirs[backend] = tempDir(`onchain-${backend}`);
    await runSteps(proveSteps({ model: path.join(model, 'network.onnx'), input: path.join(model, 'input.json'), out: dirs[backend], backend }), quiet);
  }
});

afterAll(async () => {
  await releaseSnarkjs();
});

describe.each(BACKENDS)('onnx-zk verify --onchain on examples/1l_mlp proved with %s', (backend) => {
  it('verifies in JS and on the EVM, and reports the gas of verifyProof', async () => {
    const dir = dirs[backend];
    const signals: string[] = readJson(path.join(dir, 'public.json'));
    const r = await verify(dir);
    expect(r.code).toBe(0);
    const line = new RegExp(`^verified: true\\non-chain: verifyProof = true, gas ([\\d,]+) \\(execution [\\d,]+, ${signals.length} public signals; Verifier.sol compiled with solc 0\\.8\\.30\\)\\n$`);
    expect(r.stdout).toMatch(line);
    const gas = Number(r.stdout.match(line)![1].replace(/,/g, ''));
    // groth16-cr: a fifth pairing (34,000) and one scalar more (its challenge)
    const anchor = backend === 'groth16' ? 207_000 + 7_160 * signals.length : 207_000 + 34_000 + 7_160 * (signals.length + 1);
    expect(Math.abs(gas - anchor)).toBeLessThan(0.1 * anchor);
  });

  it('rejects the proof with one public signal changed, on both verifiers (exit 1)', async () => {
    const copy = copyDir(dirs[backend], `1l_mlp-onchain-pub-${backend}`);
    const signals: string[] = readJson(path.join(copy, 'public.json'));
    signals[0] = String((BigInt(signals[0]) + 1n) % P);
    writeJson(path.join(copy, 'public.json'), signals);
    const r = await verify(copy);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^verified: false \(the .* proof does not verify\)\non-chain: verifyProof = false, gas [\d,]+ .*: verifyProof returned false\n$/);
  });
});
