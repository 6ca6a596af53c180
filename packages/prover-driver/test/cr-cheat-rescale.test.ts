/**
 * The cheating prover of issue 19 on a real gadget: a groth16-cr rescale whose remainder is looked
 * up in 4-bit limbs. The cheat claims q − 1 (remainder r + 2^s, its low limb outside the table) and
 * fixes the table multiplicities so that every R1CS constraint holds for the challenge it knows in
 * advance (the provisional one). With the challenge hashed from its commitment the lookup balance
 * fails: the prover's own check refuses, and the proof it makes anyway verifies with neither the JS
 * nor the Solidity verifier. The honest witness of the same circuit proves and verifies.
 */
import * as fs from 'fs';
import { checkR1cs, ConstraintSystem, gadgets, LookupArgument, modInv, P, R1CS } from '@onnx-zk/zk-accelerator-components';
import { checkOnchain, compileVerifier, CompiledVerifier } from '../src/onchain';
import { crSolidityVerifier, CrVerificationKey, exportCrVerificationKey, proveCr, verifyCr } from '../src/cr';
import { devCrKey, recomputeRound2, wireLabelled, writeCrFiles } from './helpers/cr-gadget';
import { tempDir } from './helpers/tmp';

const SHIFT = 8;
const X = 1000n; // q = round(1000 / 256) = 4, r = 1000 + 128 − 4·256 = 104
const dir = tempDir();
let r1cs: R1CS;
let zkey: string;
let vkey: CrVerificationKey;
let verifier: CompiledVerifier;

function buildRescale(): R1CS {
  const cs = new ConstraintSystem();
  cs.lookups = new LookupArgument(4);
  const x = cs.newWire(X, 'input.x[0]');
  const [q] = gadgets.rescale.synthesize(cs, [[x], 1, 1, SHIFT, BigInt64Array.from([-100n]), BigInt64Array.from([100n])], ['Rescale_0']);
  return cs.finalize({ outputs: [q], privateInputs: [x] });
}

const write = (name: string, witness: bigint[]) => writeCrFiles(dir, name, r1cs, witness);
const wire = (label: string) => wireLabelled(r1cs, label);

/**
 * q − 1 with remainder r + 2^s: the range proof of q − qBase = 104 now looks up 7 for 8 (its low
 * limb), and the remainder's low limb r − 16·limb1 becomes 8 + 256, outside the table. Every
 * multiplicity is moved to match, the bad one's weight folded into m_8 for the provisional
 * challenge, and round 2 recomputed.
 */
function cheatingWitness(): bigint[] {
  const w = [...r1cs.witness];
  const q = wire('Rescale_0.rescale.q[0]');
  w[q] = (w[q] - 1n + P) % P;
  const bad = 8n + 256n;
  const c = w[1 + r1cs.rounds!.info.nModelPublic];
  const [m7, m8] = [wire('lookup.range.m[7]'), wire('lookup.range.m[8]')];
  // Σ_i 1/(c − f_i) lost two 1/(c − 8), gained 1/(c − 7) and 1/(c − bad): the last as Δ/(c − 8).
  const delta = (((c - 8n) % P) + P) % P * modInv(c - bad) % P;
  w[m7] = (w[m7] + 1n) % P;
  w[m8] = (w[m8] - 2n + delta + P) % P;
  return recomputeRound2(r1cs, w);
}

beforeAll(async () => {
  r1cs = buildRescale();
  zkey = await devCrKey(dir, 'rescale', r1cs);
  vkey = await exportCrVerificationKey(zkey);
  verifier = compileVerifier(crSolidityVerifier(vkey), 'Verifier.sol');
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }).curve_bn128?.terminate();
});

async function verdicts(proof: unknown, publicSignals: string[]): Promise<{ js: boolean; evm: boolean }> {
  return { js: await verifyCr(vkey, publicSignals, proof), evm: (await checkOnchain(verifier, proof, publicSignals)).verified };
}

test('the honest rescale proves and verifies (q = 4)', async () => {
  const files = write('honest', r1cs.witness);
  const { proof, publicSignals } = await proveCr({ ...files, zkey, r1cs: files.r1cs });
  expect(publicSignals).toEqual(['4']);
  expect(await verdicts(proof, publicSignals)).toEqual({ js: true, evm: true });
});

test('a cheat with a remainder limb outside the table satisfies every constraint for the challenge it chose', () => {
  const w = cheatingWitness();
  expect(w[1]).toBe(3n); // the claimed output, q − 1
  expect(checkR1cs(r1cs, w)).toBeNull();
});

test('...but the prover refuses it once the challenge is hashed from its commitment', async () => {
  const files = write('cheat', cheatingWitness());
  await expect(proveCr({ ...files, zkey, r1cs: files.r1cs })).rejects.toThrow(/PV305/);
});

test('...and the proof made without that check verifies with neither verifier', async () => {
  const files = write('cheat', cheatingWitness());
  const { proof, publicSignals } = await proveCr({ zkey, wtns: files.wtns, rounds: files.rounds }); // no r1cs: no witness check
  expect(publicSignals).toEqual(['3']);
  expect(await verdicts(proof, publicSignals)).toEqual({ js: false, evm: false });
});
