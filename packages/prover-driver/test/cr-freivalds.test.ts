/**
 * Freivalds' check (matmul_private=freivalds) proved with groth16-cr: a private 2×3·3×2 MatMul
 * whose product C is committed in round 1 and checked at the challenge. The honest product proves
 * and verifies. A cheating prover claims one wrong entry of C (a public output): with round 2
 * computed for the challenge it knows in advance (the provisional one) only that row's check fails,
 * and with a second entry tuned to that challenge every constraint holds; but the prover's own check
 * refuses both once the challenge is hashed from its commitment (PV305), and proofs made from them
 * directly with snarkjs, with a C1 attached, do not verify.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  checkR1cs, ConstraintSystem, evalLc, gadgets, LookupArgument, P, R1CS, writeWtns,
} from '@onnx-zk/zk-accelerator-components';
import { CrProof, CrVerificationKey, deriveChallenges, exportCrVerificationKey, proveCr, readCrSection, verifyCr } from '../src/cr';
import { bn128 } from '../src/cr/curve';
import { readL1Points } from '../src/cr/zkey-section';
import { readZkeyHeader } from '../src/prove/zkey-header';
import { snarkjs } from '../src/prove/snarkjs';
import { devCrKey, recomputeRound2, wireLabelled, writeCrFiles } from './helpers/cr-gadget';
import { tempDir } from './helpers/tmp';

const A = [2n, -3n, 5n, 7n, 0n, -1n]; // [2, 3]
const B = [4n, -2n, 1n, 3n, -6n, 8n]; // [3, 2]
const C = [-25n, 27n, 34n, -22n]; // A·B
const field = (v: bigint) => ((v % P) + P) % P;
const dir = tempDir();
let r1cs: R1CS;
let zkey: string;
let vkey: CrVerificationKey;

/** The circuit as the prover builds it for a groth16-cr module: a lookup argument (4-bit range table), then the gadget. */
function buildCircuit(): R1CS {
  const cs = new ConstraintSystem();
  cs.lookups = new LookupArgument(4);
  const a = A.map((v, i) => cs.newWire(v, `input.A[${i}]`));
  const b = B.map((v, i) => cs.newWire(v, `input.B[${i}]`));
  const strategy = gadgets.matmul_private.strategies.indexOf('freivalds');
  const y = gadgets.matmul_private.synthesize(cs, [a, b, null, 4, 2, 2, 3, 2, 3, strategy], ['MatMul_0']);
  return cs.finalize({ outputs: y, privateInputs: [...a, ...b] });
}

const write = (name: string, witness: bigint[]) => writeCrFiles(dir, name, r1cs, witness);
const cWire = (i: number) => wireLabelled(r1cs, `MatMul_0.matmul_private.c[${i}]`);
const challengeWire = () => 1 + r1cs.rounds!.info.nModelPublic;

/** C entries moved by field deltas (no bias: the C wires are the public outputs), round 2 recomputed for the assigned challenge. */
function cheatingWitness(changes: [number, bigint][]): bigint[] {
  const w = [...r1cs.witness];
  for (const [i, delta] of changes) w[cWire(i)] = field(w[cWire(i)] + delta);
  return recomputeRound2(r1cs, w);
}

/** One wrong entry: C[0][1] claimed 28 instead of 27. */
const oneWrong = (): bigint[] => cheatingWitness([[1, 1n]]);
/** ...and C[0][0] moved by −s so that row 0's check, −s·1 + 1·s, holds at the provisional challenge s. */
const tuned = (): bigint[] => cheatingWitness([[0, -r1cs.witness[challengeWire()]], [1, 1n]]);

const le32 = (v: bigint) => Buffer.from(v.toString(16).padStart(64, '0'), 'hex').reverse();

/**
 * A proof of `witness` made directly with snarkjs: C1 = Σ a_i·L1_i + ρ·δ2 over its round-1 wires,
 * as the honest prover commits; with `hashed`, the challenge C1 gives written into the challenge
 * wire and round 2 recomputed from it; then C − ρ·δ1 and C1 attached.
 */
async function forcedProof(witness: bigint[], hashed: boolean): Promise<{ proof: CrProof; publicSignals: string[] }> {
  const curve = await bn128();
  const h = readZkeyHeader(zkey);
  const s = readCrSection(zkey);
  const { info } = r1cs.rounds!;
  const w = [...witness];
  const rho = curve.Fr.e(987654321n);
  const round1 = Buffer.concat(w.slice(s.round1Start, s.round1Start + s.round1Count).map(le32));
  const c1 = curve.G1.add(await curve.G1.multiExpAffine(readL1Points(zkey, s), round1), curve.G1.timesFr(curve.G1.fromRprLEM(h.delta1), rho));
  const [x, y] = curve.G1.toObject(curve.G1.toAffine(c1));
  if (hashed) {
    deriveChallenges([x, y], w.slice(1, 1 + info.nModelPublic), info.nChallenges).forEach((c, k) => { w[challengeWire() + k] = c; });
    recomputeRound2(r1cs, w);
  }
  const file = path.join(dir, 'forced.wtns');
  writeWtns(file, w);
  const { proof, publicSignals } = await snarkjs.groth16.prove(zkey, file);
  const c = curve.G1.add(curve.G1.fromObject(proof.pi_c.map(BigInt)), curve.G1.neg(curve.G1.timesFr(curve.G1.fromRprLEM(s.delta1G1), rho)));
  const json = (p: Uint8Array) => curve.G1.toObject(curve.G1.toAffine(p)).map(String);
  return { proof: { ...proof, pi_c: json(c), pi_c1: json(c1), protocol: 'groth16-cr', curve: 'bn128' }, publicSignals: publicSignals.slice(0, info.nModelPublic) };
}

beforeAll(async () => {
  r1cs = buildCircuit();
  zkey = await devCrKey(dir, 'freivalds', r1cs);
  vkey = await exportCrVerificationKey(zkey);
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }).curve_bn128?.terminate();
});

test('the circuit: C is four public outputs (round 1), one challenge, 3·1 + 2·(3 + 2 − 1) = 11 constraints for the product', () => {
  expect(r1cs.rounds!.info).toMatchObject({ nChallenges: 1, nModelPublic: 4 });
  expect([0, 1, 2, 3].map(cWire)).toEqual([1, 2, 3, 4]);
  expect(r1cs.witness.slice(1, 5)).toEqual(C.map(field));
  expect(r1cs.constraints.filter((c) => c.label.startsWith('MatMul_0.'))).toHaveLength(11);
  expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
});

test('the honest product proves with groth16-cr and verifies', async () => {
  const files = write('honest', r1cs.witness);
  const { proof, publicSignals } = await proveCr({ ...files, zkey, r1cs: files.r1cs });
  expect(publicSignals).toEqual(C.map((v) => String(field(v))));
  expect(await verifyCr(vkey, publicSignals, proof)).toBe(true);
});

test('one wrong C entry, round 2 for the provisional challenge: only its row\'s check fails', () => {
  const w = oneWrong();
  expect(w[2]).toBe(28n);
  const broken = r1cs.constraints.filter(({ a, b, c }) => (evalLc(a, w) * evalLc(b, w) - evalLc(c, w)) % P !== 0n);
  expect(broken.map((c) => c.label)).toEqual(['MatMul_0.matmul_private.check[0]']);
  // ...while a second entry tuned to the challenge it knows makes every constraint hold.
  expect(checkR1cs(r1cs, tuned())).toBeNull();
});

test.each([['one wrong entry', oneWrong], ['tuned to the provisional challenge', tuned]] as const)(
  'cheat (%s): the prover refuses it once the challenge is hashed from its commitment (PV305)', async (_what, witness) => {
    const files = write('cheat', witness());
    await expect(proveCr({ ...files, zkey, r1cs: files.r1cs })).rejects.toThrow(/PV305/);
  });

test.each([
  ['one wrong entry, its own challenge', oneWrong, false],
  ['one wrong entry, the hashed challenge and round 2 recomputed', oneWrong, true],
  ['tuned to the provisional challenge, kept', tuned, false],
  ['tuned to the provisional challenge, then the hashed challenge and round 2 recomputed', tuned, true],
] as const)('cheat (%s) proved directly with snarkjs and C1 attached: verifyCr rejects it', async (_what, witness, hashed) => {
  const { proof, publicSignals } = await forcedProof(witness(), hashed);
  expect(publicSignals[1]).toBe('28');
  expect(await verifyCr(vkey, publicSignals, proof)).toBe(false);
});

test('control: the honest witness through the same direct construction verifies', async () => {
  const { proof, publicSignals } = await forcedProof(r1cs.witness, true);
  expect(publicSignals).toEqual(C.map((v) => String(field(v))));
  expect(await verifyCr(vkey, publicSignals, proof)).toBe(true);
});
