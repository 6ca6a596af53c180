/**
 * groth16-cr with INSECURE development keys: an honest two-round proof verifies with the JS and
 * the Solidity verifier; a changed public signal, A, B, C or C1 is rejected by both; the
 * challenges depend on every public signal and on C1; and a prover that keeps a challenge of its
 * own choosing (the provisional one the assign step uses) cannot make a verifying proof.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkOnchain, compileVerifier, CompiledVerifier } from '../src/onchain';
import {
  crSolidityVerifier, CrProof, CrVerificationKey, deriveChallenges, exportCrVerificationKey, proveCr, readCrSection, verifyCr,
} from '../src/cr';
import { bn128 } from '../src/cr/curve';
import { readL1Points } from '../src/cr/zkey-section';
import { readZkeyHeader } from '../src/prove/zkey-header';
import { snarkjs } from '../src/prove/snarkjs';
import { generateDevZkey } from '../src/setup';
import { evalHint, readRoundsFile } from '@onnx-zk/zk-accelerator-components';
import { crCircuit, CrCircuit } from './helpers/cr-circuit';
import { tempDir } from './helpers/tmp';

const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const dir = tempDir();
let circuit: CrCircuit;
let zkey: string;
let vkey: CrVerificationKey;
let verifier: CompiledVerifier;
let honest: { proof: CrProof; publicSignals: string[] };

beforeAll(async () => {
  circuit = crCircuit(dir, 'cr', 3n, 5n);
  zkey = path.join(dir, 'cr.zkey');
  await generateDevZkey(circuit.r1cs, zkey, { cr: { round2Start: circuit.info.round2Start, nChallenges: 2 } });
  vkey = await exportCrVerificationKey(zkey);
  verifier = compileVerifier(crSolidityVerifier(vkey), 'Verifier.sol');
  honest = await proveCr({ zkey, wtns: circuit.wtns, rounds: circuit.rounds, r1cs: circuit.r1cs });
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }).curve_bn128?.terminate();
});

/** Both verifiers' verdicts, and the EVM's gas. */
async function verdicts(proof: unknown, publicSignals: string[]): Promise<{ js: boolean; evm: boolean; gas: number }> {
  const onchain = await checkOnchain(verifier, proof, publicSignals);
  return { js: await verifyCr(vkey, publicSignals, proof), evm: onchain.verified, gas: onchain.gas.transaction };
}

const bump = (s: string) => String(BigInt(s) + 1n);
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

test('the development key: section 11 covers the round-1 wires, which are infinity in section 8', () => {
  const h = readZkeyHeader(zkey);
  const s = readCrSection(zkey);
  expect(h.nPublic).toBe(3); // out, then the two challenges
  expect(s).toMatchObject({ nChallenges: 2, round1Start: 4, round1Count: circuit.info.round2Start - 4 });
  const l1 = readL1Points(zkey, s);
  for (let i = 0; i < s.round1Count; i++) expect(l1.subarray(64 * i, 64 * i + 64).some((b) => b !== 0)).toBe(true);
  const bytes = fs.readFileSync(zkey);
  const section8 = sectionOf(bytes, 8);
  expect(section8.length).toBe(64 * (h.nVars - h.nPublic - 1));
  for (let i = 0; i < h.nVars - h.nPublic - 1; i++) {
    expect({ i, zero: section8.subarray(64 * i, 64 * i + 64).every((b) => b === 0) }).toEqual({ i, zero: i < s.round1Count });
  }
  expect(vkey).toMatchObject({ protocol: 'groth16-cr', curve: 'bn128', nPublic: 1, nChallenges: 2 });
  expect(vkey.IC).toHaveLength(4);
});

test('an honest proof verifies with the JS and the Solidity verifier', async () => {
  expect(honest.publicSignals).toEqual(circuit.publicSignals);
  expect(honest.proof.protocol).toBe('groth16-cr');
  expect(await verdicts(honest.proof, honest.publicSignals)).toMatchObject({ js: true, evm: true });
});

test.each([1, 2] as const)('verifyProof gas with 1 model public signal and %i challenge(s)', async (nChallenges) => {
  // 5 pairings (215,000) + one ecMul per public scalar (6,000 each) + 21,000 + calldata (~5,300)
  const c = crCircuit(dir, `gas${nChallenges}`, 3n, 5n, undefined, nChallenges);
  const key = path.join(dir, `gas${nChallenges}.zkey`);
  await generateDevZkey(c.r1cs, key, { cr: { round2Start: c.info.round2Start, nChallenges } });
  const vk = await exportCrVerificationKey(key);
  const { proof, publicSignals } = await proveCr({ zkey: key, wtns: c.wtns, rounds: c.rounds, r1cs: c.r1cs });
  const r = await checkOnchain(compileVerifier(crSolidityVerifier(vk), 'Verifier.sol'), proof, publicSignals);
  expect(r).toMatchObject({ verified: true, publicSignals: 1, contract: 'Groth16CrVerifier' });
  process.stdout.write(`groth16-cr verifyProof, 1 model public signal, ${nChallenges} challenge(s): gas ${r.gas.transaction} (execution ${r.gas.execution})\n`);
  expect(r.gas.transaction).toBeLessThanOrEqual(nChallenges === 1 ? 260_000 : 266_000);
});

test('a second proof of the same witness has a fresh C1 and fresh challenges, and verifies', async () => {
  const again = await proveCr({ zkey, wtns: circuit.wtns, rounds: circuit.rounds });
  expect(again.proof.pi_c1).not.toEqual(honest.proof.pi_c1);
  expect(await verifyCr(vkey, again.publicSignals, again.proof)).toBe(true);
});

test.each<[string, (p: CrProof, pub: string[]) => void]>([
  ['public output', (_p, pub) => { pub[0] = bump(pub[0]); }],
  ['A', (p) => { p.pi_a[0] = bump(p.pi_a[0]); }],
  ['A (another valid point)', (p) => { p.pi_a = p.pi_c.slice(); }],
  ['B', (p) => { p.pi_b[0][1] = bump(p.pi_b[0][1]); }],
  ['B (x and y of C swapped in)', (p) => { p.pi_b = [p.pi_b[1], p.pi_b[0], p.pi_b[2]]; }],
  ['C', (p) => { p.pi_c[1] = bump(p.pi_c[1]); }],
  ['C (another valid point)', (p) => { p.pi_c = p.pi_a.slice(); }],
  ['C1', (p) => { p.pi_c1[0] = bump(p.pi_c1[0]); }],
  ['C1 (another valid point)', (p) => { p.pi_c1 = p.pi_a.slice(); }],
  ['C1 (its negation)', (p) => { p.pi_c1[1] = String(Q - BigInt(p.pi_c1[1])); }],
])('a changed %s is rejected by both verifiers', async (_what, change) => {
  const proof = copy(honest.proof);
  const pub = [...honest.publicSignals];
  change(proof, pub);
  expect(await verdicts(proof, pub)).toMatchObject({ js: false, evm: false });
});

test('the challenges change when C1 or any public signal changes, and chain by keccak', () => {
  const c1: [bigint, bigint] = [11n, 22n];
  const pub = [1n, 2n, R - 1n];
  const base = deriveChallenges(c1, pub, 3);
  expect(base).toHaveLength(3);
  for (const c of base) expect(c < R).toBe(true);
  expect(new Set(base).size).toBe(3);
  expect(deriveChallenges(c1, pub, 1)).toEqual(base.slice(0, 1));
  const changed = [
    deriveChallenges([12n, 22n], pub, 3), deriveChallenges([11n, 23n], pub, 3),
    ...pub.map((_, i) => deriveChallenges(c1, pub.map((v, j) => (j === i ? (v + 1n) % R : v)), 3)),
    deriveChallenges(c1, [...pub, 0n], 3), // one more (zero) signal changes the hashed bytes too
  ];
  for (const other of changed) for (let k = 0; k < 3; k++) expect(other[k]).not.toBe(base[k]);
});

test('with a public input: the same C1 gives other challenges for another input, and the proof verifies', async () => {
  const withInput = crCircuit(dir, 'cr-pin', 3n, 5n, 7n);
  const key = path.join(dir, 'cr-pin.zkey');
  await generateDevZkey(withInput.r1cs, key, { cr: { round2Start: withInput.info.round2Start, nChallenges: 2 } });
  const vk = await exportCrVerificationKey(key);
  const { proof, publicSignals } = await proveCr({ zkey: key, wtns: withInput.wtns, rounds: withInput.rounds, r1cs: withInput.r1cs });
  expect(publicSignals).toEqual(['22', '7']);
  expect(await verifyCr(vk, publicSignals, proof)).toBe(true);
  expect(await verifyCr(vk, ['22', '8'], proof)).toBe(false);
  expect(await verifyCr(vk, ['23', '7'], proof)).toBe(false);
  const c1 = proof.pi_c1.slice(0, 2).map(BigInt) as [bigint, bigint];
  expect(deriveChallenges(c1, [22n, 8n], 2)[0]).not.toBe(deriveChallenges(c1, [22n, 7n], 2)[0]);
});

const Q = 21888242871839275222246405745257275088696311157297823662689037894645226208583n;

/**
 * A prover that does round 1 honestly (C1 = Σ a_i·L1_i + ρ·δ2 over the assigned round-1 wires) but
 * then proves, with snarkjs directly, a witness of its own choosing, and subtracts ρ·δ1 from C as
 * the honest prover does. Returns the proof and the challenges that C1 really gives.
 */
async function proofWithWitness(choose: (values: Buffer, hashed: bigint[]) => void): Promise<{ proof: CrProof; publicSignals: string[] }> {
  const curve = await bn128();
  const h = readZkeyHeader(zkey);
  const s = readCrSection(zkey);
  const w = Buffer.from(fs.readFileSync(circuit.wtns));
  const values = w.subarray(w.length - 32 * h.nVars);
  const rho = curve.Fr.e(123456789n);
  const c1 = curve.G1.add(
    await curve.G1.multiExpAffine(readL1Points(zkey, s), values.subarray(32 * s.round1Start, 32 * (s.round1Start + s.round1Count))),
    curve.G1.timesFr(curve.G1.fromRprLEM(h.delta1), rho),
  );
  const [x, y] = curve.G1.toObject(curve.G1.toAffine(c1));
  choose(values, deriveChallenges([x, y], [BigInt(circuit.publicSignals[0])], 2));
  const { proof, publicSignals } = await snarkjs.groth16.prove(zkey, w as unknown as string);
  const c = curve.G1.add(curve.G1.fromObject(proof.pi_c.map(BigInt)), curve.G1.neg(curve.G1.timesFr(curve.G1.fromRprLEM(s.delta1G1), rho)));
  const json = (p: Uint8Array) => curve.G1.toObject(curve.G1.toAffine(p)).map(String);
  return { proof: { ...proof, pi_c: json(c), pi_c1: json(c1), protocol: 'groth16-cr', curve: 'bn128' }, publicSignals: publicSignals.slice(0, 1) };
}

const le = (v: bigint) => Buffer.from(v.toString(16).padStart(64, '0'), 'hex').reverse();
const CHALLENGE_WIRE = 2;

/** Writes the hashed challenges into the challenge wires and, when asked, recomputes round 2 from them. */
function hashed(recomputeRound2: boolean) {
  return (values: Buffer, challenges: bigint[]) => {
    challenges.forEach((c, k) => values.set(le(c), 32 * (CHALLENGE_WIRE + k)));
    if (!recomputeRound2) return;
    const { info, hints } = readRoundsFile(circuit.rounds);
    const get = (wire: number) => BigInt(`0x${Buffer.from(values.subarray(32 * wire, 32 * wire + 32)).reverse().toString('hex')}`);
    hints.forEach((hint, j) => values.set(le(evalHint(hint, get)!), 32 * (info.round2Start + j)));
  };
}

test('a cheating prover that keeps its own challenge (the provisional one) cannot make a verifying proof', async () => {
  // The assigned witness satisfies every constraint, round 2 included, but for a challenge the
  // prover chose before committing; the verifier uses the one C1 gives.
  const cheat = await proofWithWitness(() => undefined);
  expect(cheat.publicSignals).toEqual(honest.publicSignals);
  expect(await verdicts(cheat.proof, cheat.publicSignals)).toMatchObject({ js: false, evm: false });
});

test('...nor one that writes the real challenges but keeps the round-2 values of its own challenge', async () => {
  // Now inv0·(c0 − x) = 1 fails; snarkjs proves without checking, and no verifier accepts the result.
  const cheat = await proofWithWitness(hashed(false));
  expect(await verdicts(cheat.proof, cheat.publicSignals)).toMatchObject({ js: false, evm: false });
});

test('control: the same construction with the real challenges and round 2 recomputed verifies', async () => {
  // So the rejections above come from the challenge, not from the construction.
  const fair = await proofWithWitness(hashed(true));
  expect(await verdicts(fair.proof, fair.publicSignals)).toMatchObject({ js: true, evm: true });
});

/** Section id's bytes of an iden3 binary file. */
function sectionOf(b: Buffer, id: number): Buffer {
  for (let pos = 12; pos < b.length;) {
    const size = Number(b.readBigUInt64LE(pos + 4));
    if (b.readUInt32LE(pos) === id) return b.subarray(pos + 12, pos + 12 + size);
    pos += 12 + size;
  }
  throw new Error(`no section ${id}`);
}
