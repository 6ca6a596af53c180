/**
 * groth16-cr keys through setupCrKeys: from a (development) powers-of-tau file via snarkjs newZKey,
 * our split of section 8 and a snarkjs contribution; the INSECURE development key; a user's key.
 * Proofs verify with the JS and the Solidity verifier, a changed C1 is rejected, and cached keys
 * are named apart from the plain backend's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { OnnxZkError } from '@onnx-zk/tensor-ir';
import { checkOnchain, compileVerifier } from '../src/onchain';
import { crSolidityVerifier, exportCrVerificationKey, proveCr, readCrSection, setupCrKeys, verifyCr } from '../src/cr';
import { bn128 } from '../src/cr/curve';
import { readL1Points } from '../src/cr/zkey-section';
import { snarkjs } from '../src/prove/snarkjs';
import { requiredPower } from '../src/setup';
import { invMod } from '../src/setup/scalars';
import { randomFr } from '../src/setup/secrets';
import { readR1csInfo } from '../src/prove/r1cs-info';
import { setupKeys } from '../src/prove/setup-keys';
import { readZkeyHeader } from '../src/prove/zkey-header';
import { generateDevPtau, generateDevZkey, INSECURE_KEY_WARNING } from '../src/setup';
import { crCircuit } from './helpers/cr-circuit';
import { tempDir } from './helpers/tmp';

const dir = tempDir();
const savedCache = process.env.ONNX_ZK_CACHE;
const circuit = crCircuit(dir, 'cr', 6n, 7n, 2n);
const info = readR1csInfo(circuit.r1cs);
let ptau: string;

beforeAll(async () => {
  process.env.ONNX_ZK_CACHE = path.join(dir, 'cache');
  ptau = path.join(dir, 'dev-5.ptau');
  await generateDevPtau(5, ptau);
});

afterAll(async () => {
  if (savedCache === undefined) delete process.env.ONNX_ZK_CACHE;
  else process.env.ONNX_ZK_CACHE = savedCache;
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }).curve_bn128?.terminate();
});

/** Proves with the key; the JS and Solidity verdicts on the proof and on the proof with C1 changed. */
async function check(zkey: string): Promise<{ honest: [boolean, boolean]; changedC1: [boolean, boolean] }> {
  const vkey = await exportCrVerificationKey(zkey);
  const verifier = compileVerifier(crSolidityVerifier(vkey), 'Verifier.sol');
  const { proof, publicSignals } = await proveCr({ zkey, wtns: circuit.wtns, rounds: circuit.rounds, r1cs: circuit.r1cs });
  expect(publicSignals).toEqual(circuit.publicSignals);
  const both = async (p: unknown) => [await verifyCr(vkey, publicSignals, p), (await checkOnchain(verifier, p, publicSignals)).verified] as [boolean, boolean];
  const changed = { ...proof, pi_c1: [String(BigInt(proof.pi_c1[0]) + 1n), ...proof.pi_c1.slice(1)] };
  return { honest: await both(proof), changedC1: await both(changed) };
}

test('a key from a powers-of-tau file: contributed, split, proves and verifies; a changed C1 is rejected', async () => {
  const logged: string[] = [];
  const keys = await setupCrKeys(circuit.r1cs, circuit.info, info, ptau, (l) => logged.push(l));
  expect(keys).toMatchObject({ cached: false, insecure: false, ptauPower: 5 });
  expect(logged).toEqual([]);
  expect(path.basename(keys.zkey)).toMatch(/-cr-\d+-2\.zkey$/);
  const h = readZkeyHeader(keys.zkey);
  const s = readCrSection(keys.zkey);
  expect(s).toMatchObject({ nChallenges: 2, round1Start: h.nPublic + 1, round1Count: circuit.info.round2Start - h.nPublic - 1 });
  expect(h.delta1.equals(s.delta1G1 as Buffer)).toBe(false);
  expect(await check(keys.zkey)).toEqual({ honest: [true, true], changedC1: [false, false] });
  // cached the second time; the plain backend's key for the same r1cs and ptau is another file
  const again = await setupCrKeys(circuit.r1cs, circuit.info, info, ptau, () => undefined);
  expect(again).toMatchObject({ zkey: keys.zkey, cached: true });
  const plain = await setupKeys(circuit.r1cs, info, ptau, () => undefined);
  expect(plain.zkey).not.toBe(keys.zkey);
}, 120_000);

test('the development key: warns, is cached apart from the plain one, and verifies', async () => {
  const logged: string[] = [];
  const keys = await setupCrKeys(circuit.r1cs, circuit.info, info, undefined, (l) => logged.push(l));
  expect(logged).toEqual([INSECURE_KEY_WARNING]);
  expect(keys).toMatchObject({ insecure: true, cached: false });
  expect(path.basename(keys.zkey)).toMatch(/-insecure-dev-cr-\d+-2\.zkey$/);
  expect(await check(keys.zkey)).toEqual({ honest: [true, true], changedC1: [false, false] });
});

test('a user key (--zkey): a groth16-cr key is used as given; a plain Groth16 key is PV303', async () => {
  const mine = path.join(dir, 'mine.zkey');
  await generateDevZkey(circuit.r1cs, mine, { cr: { round2Start: circuit.info.round2Start, nChallenges: 2 } });
  await expect(setupCrKeys(circuit.r1cs, circuit.info, info, undefined, () => undefined, mine)).resolves.toMatchObject({ zkey: mine, given: true });
  const plain = path.join(dir, 'plain.zkey');
  await generateDevZkey(circuit.r1cs, plain);
  await expect(setupCrKeys(circuit.r1cs, circuit.info, info, undefined, () => undefined, plain)).rejects.toThrow(/PV303/);
  const otherSplit = path.join(dir, 'other-split.zkey');
  await generateDevZkey(circuit.r1cs, otherSplit, { cr: { round2Start: circuit.info.round2Start - 1, nChallenges: 2 } });
  await expect(setupCrKeys(circuit.r1cs, circuit.info, info, undefined, () => undefined, otherSplit)).rejects.toThrow(OnnxZkError);
  await expect(proveCr({ zkey: otherSplit, wtns: circuit.wtns, rounds: circuit.rounds })).rejects.toThrow(/PV303/);
});

/** Section id → bytes of an iden3 binary file. */
function sections(file: string): Map<number, Buffer> {
  const b = fs.readFileSync(file);
  const out = new Map<number, Buffer>();
  for (let pos = 12; pos < b.length;) {
    const size = Number(b.readBigUInt64LE(pos + 4));
    out.set(b.readUInt32LE(pos), b.subarray(pos + 12, pos + 12 + size));
    pos += 12 + size;
  }
  return out;
}

test('the development key with cr equals snarkjs newZKey (same τ, α, β; δ2 = 1) split by δ1: zeros in section 8, K_i/δ1 in 11', async () => {
  const secrets = { tau: randomFr(), alpha: randomFr(), beta: randomFr() };
  const delta1 = randomFr();
  const power = requiredPower(info.constraints, info.publicOutputs + info.publicInputs);
  const sameSecretsPtau = path.join(dir, 'same-secrets.ptau');
  await generateDevPtau(power + 1, sameSecretsPtau, { secrets: { ...secrets, keyBlinders: [randomFr(), randomFr(), randomFr()] } });
  const theirs = path.join(dir, 'snarkjs.zkey');
  await snarkjs.zKey.newZKey(circuit.r1cs, sameSecretsPtau, theirs);
  const ours = path.join(dir, 'ours-cr.zkey');
  await generateDevZkey(circuit.r1cs, ours, { secrets: { ...secrets, delta: 1n, delta1 }, cr: { round2Start: circuit.info.round2Start, nChallenges: 2 }, chunkSize: 2 });
  const [a, b] = [sections(theirs), sections(ours)];
  for (const id of [1, 2, 3, 4, 5, 6, 7, 9]) expect({ id, bytes: b.get(id)!.toString('hex') }).toEqual({ id, bytes: a.get(id)!.toString('hex') });
  const s = readCrSection(ours);
  const split = 64 * s.round1Count;
  expect(b.get(8)!.subarray(0, split).every((x) => x === 0)).toBe(true);
  expect(b.get(8)!.subarray(split).equals(a.get(8)!.subarray(split))).toBe(true);
  const curve = await bn128();
  const expected = await curve.G1.batchApplyKey(a.get(8)!.subarray(0, split), curve.Fr.e(invMod(delta1)), curve.Fr.one);
  expect(Buffer.from(readL1Points(ours, s)).equals(Buffer.from(expected))).toBe(true);
  const g1 = new Uint8Array(64);
  curve.G1.toRprLEM(g1, 0, curve.G1.toAffine(curve.G1.timesFr(curve.G1.g, curve.Fr.e(delta1))));
  expect(Buffer.from(s.delta1G1).equals(Buffer.from(g1))).toBe(true);
}, 120_000);
