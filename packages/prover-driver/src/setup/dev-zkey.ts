/**
 * INSECURE development Groth16 keys written directly: the proving key (.zkey, snarkjs's format)
 * for one circuit from secrets τ, α, β, δ this machine samples and drops, with no powers-of-tau
 * file and no phase-2 ceremony. snarkjs's own path (newZKey from a prepared ptau, then a
 * contribution) composes every key point as a multi-exponentiation over the ptau's Lagrange points,
 * one per non-zero coefficient; knowing τ, each key point is instead one scalar, computed in the
 * field, times the generator (fixed-base, on the worker pool). Anyone who kept the secrets could
 * forge proofs: development and tests only; production passes --ptau with a ceremony file.
 *
 * Content (what snarkjs newZKey + one contribution δ would write; γ = 1 as in snarkjs), with
 * L_j the Lagrange basis of the circuit's domain D = {ω^j}, |D| = 2^p, and the public-input rows
 * A[nConstraints + s][s] = 1 (s ≤ nPublic) that snarkjs adds:
 *   a_s = Σ_j A_js L_j(τ), b_s = Σ_j B_js L_j(τ), c_s = Σ_j C_js L_j(τ)
 *   section 3 (IC):  (β a_s + α b_s + c_s)·G1,        s ≤ nPublic
 *   section 5, 6, 7: a_s·G1, b_s·G1, b_s·G2,           every wire
 *   section 8 (C):   (β a_s + α b_s + c_s)/δ·G1,      s > nPublic
 *   section 9 (H):   L'_{2i+1}(τ)/δ·G1, i < 2^p, L' the Lagrange basis of the domain of size 2^(p+1)
 *   section 4: the A and B coefficients (times R² mod r, as snarkjs stores them)
 * Section 10 holds no contribution records: the key did not come from a ceremony, so `snarkjs zkey
 * verify` rejects it by design; its circuit hash is blake2b-512 of a label and the r1cs's SHA-256.
 *
 * With `cr` (the groth16-cr backend, docs/challenge-round.md) the key has a second secret δ1 and
 * the round-1 wires nPublic + 1 .. round2Start − 1 move out of section 8: there they are the point
 * at infinity (scalar 0; the fixed-base workers write all-zero LEM for it, snarkjs's encoding of
 * infinity), and section 11 (cr/zkey-section.ts) holds δ1·G1, δ1·G2 and (β a_s + α b_s + c_s)/δ1·G1
 * for them. δ (sections 2, 8, 9) plays the role of δ2.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import { assert, raise, tempPathFor } from '@onnx-zk/tensor-ir';
import { generatorLem, loadBn254, POINT_BYTES, Q, R } from './bn254';
import { SetupErrors } from './errors';
import { isFileSystemError, sha256File } from './files';
import { chooseWindow, FixedBasePool } from './fixed-base-pool';
import { PointSink, writePointSection } from './ptau-sections';
import { BinSectionWriter } from './ptau-writer';
import { forEachTerm, Matrix, R1csHeader, readCoefficient, readR1csHeader } from './r1cs-stream';
import { invMod, lagrangeValues, mod, powMod, scalarBytes, SCALAR_BYTES, writeScalar, writeScalarAt } from './scalars';
import { randomFr, sampleTau } from './secrets';
import { blake2b512 } from './transcript-hash';
import { CR_SECTION, crSectionPrefix } from '../cr/zkey-section';

export const MAX_DEV_KEY_POWER = 27;

/** Cache-name suffix of development keys (src/prove/key-cache.ts). */
export const DEV_KEY_TAG = 'insecure-dev';

export const INSECURE_KEY_WARNING =
  'WARNING: insecure development setup (Groth16 keys generated from secrets this machine sampled; ' +
  'anyone who kept them could forge proofs). Use --ptau with a ceremony file for production.';

/** The secrets of one key. Only tests pass them in (to compare with snarkjs's own derivation). */
export interface DevKeySecrets {
  tau: bigint;
  alpha: bigint;
  beta: bigint;
  delta: bigint;
  /** groth16-cr only (sampled when absent): the round-1 keys' δ1. */
  delta1?: bigint;
}

export interface DevZkeyOptions {
  log?: (s: string) => void;
  /** Scalars per request to the worker pool (default 16384). */
  chunkSize?: number;
  /** Test hook: use these instead of sampling (never for real keys). */
  secrets?: DevKeySecrets;
  /** The r1cs's SHA-256 (hex) when the caller has it already (the key cache does). */
  r1csSha256?: string;
  threads?: number;
  /** groth16-cr: a key with a round-1 commitment for this round split (docs/challenge-round.md). */
  cr?: { round2Start: number; nChallenges: number };
}

export interface DevZkeyResult {
  power: number;
  domainSize: number;
  nVars: number;
  nPublic: number;
  coefficients: number;
  ms: number;
}

/** snarkjs's domain rule: the smallest 2^p > constraints + public signals (p ≥ 1). */
export function requiredPower(constraints: number, publicSignals: number): number {
  const n = constraints + publicSignals;
  return n <= 1 ? 1 : Math.floor(Math.log2(n)) + 1;
}

const R2 = powMod((1n << 256n) % R, 2n);
const COEF_ENTRY = 12 + SCALAR_BYTES;

/** τ outside the domains up to 2^(power+1) (a Lagrange denominator would vanish), α, β, δ. */
function sampleKeySecrets(power: number): DevKeySecrets {
  return { tau: sampleTau(power), alpha: randomFr(), beta: randomFr(), delta: randomFr() };
}

/** Writes an INSECURE development proving key for the circuit `r1csFile` to `zkeyFile` (atomically). */
export async function generateDevZkey(r1csFile: string, zkeyFile: string, opts: DevZkeyOptions = {}): Promise<DevZkeyResult> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const header = readR1csHeader(r1csFile);
  const nPublic = header.nPubOut + header.nPubIn;
  const power = requiredPower(header.nConstraints, nPublic);
  if (power > MAX_DEV_KEY_POWER) raise(SetupErrors.DEV_POWER_RANGE, { file: r1csFile }, `the circuit needs 2^${power}`);
  const domainSize = 2 ** power;
  const secrets = opts.secrets ?? sampleKeySecrets(power);
  const cr = opts.cr;
  if (cr) {
    assert(cr.nChallenges <= nPublic && nPublic + 1 <= cr.round2Start && cr.round2Start <= header.nWires, `round split ${JSON.stringify(cr)} does not fit the circuit`);
    secrets.delta1 ??= randomFr();
  }
  // section 8 (C) holds infinity below this wire: round-1 wires are committed to with δ1 instead
  const round1End = cr ? cr.round2Start : nPublic + 1;
  const { curve, wasmCode } = await loadBn254();
  const omegas = curve.Fr.w.slice(0, power + 2).map((w) => curve.Fr.toObject(w));
  const threads = Math.max(1, opts.threads ?? os.cpus().length);
  const pool = FixedBasePool.start({
    code: wasmCode,
    bases: { G1: generatorLem(curve, 'G1'), G2: generatorLem(curve, 'G2') },
    windows: { G1: chooseWindow((3 * header.nWires + domainSize) / threads), G2: chooseWindow(header.nWires / threads) },
  }, threads);
  const chunk = opts.chunkSize ?? 1 << 14;
  const tmp = tempPathFor(zkeyFile);
  let out: BinSectionWriter | undefined;
  try {
    out = await BinSectionWriter.create(tmp, 'zkey', 1, cr ? 11 : 10);
    const sink: PointSink = { pool, out, log, what: `insecure dev key 2^${power}` };
    await out.startSection(1);
    await out.writeU32(1); // Groth16
    await out.endSection();
    await writeGrothHeader(sink, header, nPublic, domainSize, secrets);
    const acc = accumulate(r1csFile, header, nPublic, domainSize, omegas[power], secrets.tau, out, chunk);
    const { alpha, beta } = secrets;
    const invDelta = invMod(secrets.delta);
    const ic = (s: number) => mod(beta * acc.a[s] + alpha * acc.b[s] + acc.c[s]);
    await writePointSection(sink, 3, 'G1', chunks(nPublic + 1, chunk, ic));
    await writePointSection(sink, 5, 'G1', chunks(header.nWires, chunk, (s) => mod(acc.a[s])));
    await writePointSection(sink, 6, 'G1', chunks(header.nWires, chunk, (s) => mod(acc.b[s])));
    await writePointSection(sink, 7, 'G2', chunks(header.nWires, chunk, (s) => mod(acc.b[s])));
    const c = (s: number) => (s < round1End ? 0n : (ic(s) * invDelta) % R);
    await writePointSection(sink, 8, 'G1', chunks(header.nWires - nPublic - 1, chunk, (k) => c(nPublic + 1 + k)));
    const hValues = lagrangeValues(secrets.tau, invDelta, { m: 2 * domainSize, first: omegas[power + 1], ratio: omegas[power], count: domainSize }, chunk);
    await writePointSection(sink, 9, 'G1', mapIter(hValues, scalarBytes));
    await out.startSection(10);
    await out.write(circuitHash(opts.r1csSha256 ?? (await sha256File(r1csFile))));
    await out.writeU32(0); // no contributions: not from a ceremony
    await out.endSection();
    if (cr) {
      const invDelta1 = invMod(secrets.delta1!);
      const l1 = chunks(round1End - nPublic - 1, chunk, (k) => (ic(nPublic + 1 + k) * invDelta1) % R);
      await writeCrSection(sink, { ...cr, nPublic }, secrets.delta1!, l1);
    }
    await out.close();
    await fsp.rename(tmp, zkeyFile);
    const ms = Date.now() - started;
    log(`insecure dev key 2^${power}: ${zkeyFile} written in ${ms} ms`);
    return { power, domainSize, nVars: header.nWires, nPublic, coefficients: acc.coefficients, ms };
  } catch (e) {
    await out?.abandon();
    await fsp.rm(tmp, { force: true });
    if (isFileSystemError(e)) raise(SetupErrors.DEV_KEY_UNWRITABLE, { file: zkeyFile }, e.message);
    throw e;
  } finally {
    secrets.tau = secrets.alpha = secrets.beta = secrets.delta = 0n;
    if (secrets.delta1 !== undefined) secrets.delta1 = 0n;
    await pool.terminate();
  }
}

/** Section 2: field sizes and primes, counts, and α·G1, β·G1, β·G2, γ·G2 (γ = 1), δ·G1, δ·G2. */
async function writeGrothHeader(sink: PointSink, h: R1csHeader, nPublic: number, domainSize: number, s: DevKeySecrets): Promise<void> {
  const head = new Uint8Array(4 + 32 + 4 + 32 + 12);
  const view = new DataView(head.buffer);
  view.setUint32(0, 32, true);
  writeScalar(new DataView(head.buffer, 4, 32), 0, Q);
  view.setUint32(36, 32, true);
  writeScalar(new DataView(head.buffer, 40, 32), 0, R);
  view.setUint32(72, h.nWires, true);
  view.setUint32(76, nPublic, true);
  view.setUint32(80, domainSize, true);
  const g1 = await sink.pool.mul('G1', scalarBytes([s.alpha, s.beta, s.delta]));
  const g2 = await sink.pool.mul('G2', scalarBytes([s.beta, 1n, s.delta]));
  await sink.out.startSection(2);
  await sink.out.write(head);
  await sink.out.write(g1.lem.subarray(0, 2 * POINT_BYTES.G1)); // alpha1, beta1
  await sink.out.write(g2.lem.subarray(0, 2 * POINT_BYTES.G2)); // beta2, gamma2
  await sink.out.write(g1.lem.subarray(2 * POINT_BYTES.G1)); // delta1
  await sink.out.write(g2.lem.subarray(2 * POINT_BYTES.G2)); // delta2
  await sink.out.endSection();
}

/** Section 11 (groth16-cr): δ1·G1, δ1·G2, the round-1 span, then its L1 points. */
async function writeCrSection(sink: PointSink, cr: { round2Start: number; nChallenges: number; nPublic: number }, delta1: bigint, l1: Iterable<Uint8Array>): Promise<void> {
  const [g1, g2] = [await sink.pool.mul('G1', scalarBytes([delta1])), await sink.pool.mul('G2', scalarBytes([delta1]))];
  await sink.out.startSection(CR_SECTION);
  const round1Start = cr.nPublic + 1;
  await sink.out.write(crSectionPrefix({ delta1G1: g1.lem, delta1G2: g2.lem, nChallenges: cr.nChallenges, round1Start, round1Count: cr.round2Start - round1Start }));
  for (const scalars of l1) await sink.out.write((await sink.pool.mul('G1', scalars)).lem);
  await sink.out.endSection();
}

interface Accumulated {
  /** Σ coefficient·L_j(τ) per wire, unreduced. */
  a: bigint[];
  b: bigint[];
  c: bigint[];
  coefficients: number;
}

/**
 * One pass over the constraints: accumulates a, b, c per wire and writes section 4 (the A and B
 * coefficients, then the public-input rows) as it goes.
 */
function accumulate(file: string, h: R1csHeader, nPublic: number, domainSize: number, omega: bigint, tau: bigint,
  out: BinSectionWriter, chunk: number): Accumulated {
  const acc: Accumulated = { a: new Array(h.nWires).fill(0n), b: new Array(h.nWires).fill(0n), c: new Array(h.nWires).fill(0n), coefficients: 0 };
  const byMatrix = [acc.a, acc.b, acc.c];
  const lagrange = lagrangeValues(tau, 1n, { m: domainSize, first: 1n, ratio: omega, count: domainSize }, chunk);
  let block: bigint[] = [];
  let blockStart = 0;
  const L = (row: number): bigint => {
    while (row >= blockStart + block.length) {
      blockStart += block.length;
      block = lagrange.next().value as bigint[];
    }
    return block[row - blockStart];
  };
  const staging = new Uint8Array(COEF_ENTRY << 15);
  const sv = new DataView(staging.buffer);
  let used = 0;
  const entry = (matrix: number, row: number, wire: number, coef: bigint) => {
    if (used === staging.length) { out.writeSync(staging); used = 0; }
    sv.setUint32(used, matrix, true);
    sv.setUint32(used + 4, row, true);
    sv.setUint32(used + 8, wire, true);
    writeScalarAt(sv, used + 12, mod(coef * R2));
    used += COEF_ENTRY;
    acc.coefficients++;
  };
  let row = -1;
  let lRow = 0n;
  // section 4 is written synchronously while the r1cs streams by; its count is patched at the end
  out.startSectionSync(4);
  const countAt = out.offset;
  out.writeSync(new Uint8Array(4));
  forEachTerm(file, h, (constraint, matrix, wire, buf, at) => {
    if (constraint !== row) { row = constraint; lRow = L(row); }
    const coef = readCoefficient(buf, at);
    byMatrix[matrix][wire] += coef * lRow;
    if (matrix !== Matrix.C) entry(matrix, constraint, wire, coef);
  });
  for (let s = 0; s <= nPublic; s++) {
    acc.a[s] += L(h.nConstraints + s);
    entry(Matrix.A, h.nConstraints + s, s, 1n);
  }
  if (used) out.writeSync(staging.subarray(0, used));
  out.patchU32(countAt, acc.coefficients);
  out.endSectionSync();
  return acc;
}

/** 32-byte scalars f(0) .. f(count − 1), in chunks. */
function* chunks(count: number, chunk: number, f: (i: number) => bigint): Generator<Uint8Array> {
  for (let start = 0; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    yield scalarBytes(Array.from({ length: n }, (_, i) => f(start + i)));
  }
}

function* mapIter<A, B>(it: Iterable<A>, f: (a: A) => B): Generator<B> {
  for (const a of it) yield f(a);
}

function circuitHash(r1csSha256Hex: string): Uint8Array {
  return new Uint8Array(blake2b512().update('onnx-zk INSECURE development key for r1cs sha256 ').update(Buffer.from(r1csSha256Hex, 'hex')).digest());
}
