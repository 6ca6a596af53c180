/**
 * A groth16-cr proof folder (the files runProve writes for a circuit with circuit.rounds) through
 * runVerify and runOnchainVerify, which dispatch on proof.json's protocol.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PROOF_FILES, runOnchainVerify, runVerify } from '../src';
import { crSolidityVerifier, exportCrVerificationKey, proveCr } from '../src/cr';
import { toJson } from '../src/prove/files';
import { generateDevZkey } from '../src/setup';
import { crCircuit } from './helpers/cr-circuit';
import { tempDir } from './helpers/tmp';

const dir = tempDir();
const proved = path.join(dir, 'proved');

beforeAll(async () => {
  const circuit = crCircuit(dir, 'cr', 3n, 5n);
  const zkey = path.join(dir, 'cr.zkey');
  await generateDevZkey(circuit.r1cs, zkey, { cr: { round2Start: circuit.info.round2Start, nChallenges: 2 } });
  const vkey = await exportCrVerificationKey(zkey);
  const { proof, publicSignals } = await proveCr({ zkey, wtns: circuit.wtns, rounds: circuit.rounds });
  fs.mkdirSync(proved);
  const write = (name: string, text: string) => fs.writeFileSync(path.join(proved, name), text);
  write(PROOF_FILES.vkey, toJson(vkey));
  write(PROOF_FILES.proof, toJson(proof));
  write(PROOF_FILES.public, toJson(publicSignals));
  write(PROOF_FILES.verifier, crSolidityVerifier(vkey));
  write(PROOF_FILES.outputs, toJson({ version: 1, model: 'cr', outputs: [{ name: 'out', shape: [1], frac: 0, integers: ['15'], values: [15] }] }));
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }).curve_bn128?.terminate();
});

/** A copy of the folder with one file replaced. */
function withFile(name: string, text: string): string {
  const copy = fs.mkdtempSync(path.join(dir, 'changed-'));
  for (const f of fs.readdirSync(proved)) fs.copyFileSync(path.join(proved, f), path.join(copy, f));
  fs.writeFileSync(path.join(copy, name), text);
  return copy;
}

test('runVerify and runOnchainVerify accept the folder', async () => {
  await expect(runVerify({ dir: proved })).resolves.toEqual({ verified: true });
  const r = await runOnchainVerify({ dir: proved });
  expect(r).toMatchObject({ verified: true, publicSignals: 1, contract: 'Groth16CrVerifier' });
});

test('a changed public output is rejected by both', async () => {
  const d = withFile(PROOF_FILES.public, toJson(['16']));
  expect((await runVerify({ dir: d })).verified).toBe(false);
  expect(await runOnchainVerify({ dir: d })).toMatchObject({ verified: false, reason: 'verifyProof returned false' });
});

test('a changed C1 is rejected by both', async () => {
  const proof = JSON.parse(fs.readFileSync(path.join(proved, PROOF_FILES.proof), 'utf8'));
  proof.pi_c1[1] = String(BigInt(proof.pi_c1[1]) + 1n); // off the curve
  const d = withFile(PROOF_FILES.proof, toJson(proof));
  expect((await runVerify({ dir: d })).verified).toBe(false);
  expect((await runOnchainVerify({ dir: d })).verified).toBe(false);
});

test('a proof of the other protocol than Verifier.sol is not sent', async () => {
  const proof = JSON.parse(fs.readFileSync(path.join(proved, PROOF_FILES.proof), 'utf8'));
  const d = withFile(PROOF_FILES.proof, toJson({ ...proof, protocol: 'groth16' }));
  expect(await runOnchainVerify({ dir: d })).toMatchObject({ verified: false, reason: 'proof.json is a groth16 proof, Verifier.sol verifies groth16-cr' });
  expect((await runVerify({ dir: d })).verified).toBe(false);
});
