import * as fs from 'fs';
import { raise } from '@onnx-zk/tensor-ir';
import { evalHints, readRoundsFile, readRoundsInfo, Round2Hint, RoundsInfo } from '@onnx-zk/zk-accelerator-components';
import { Errors } from '../errors';
import { collectingLogger, snarkjs } from '../prove/snarkjs';
import { readZkeyHeader } from '../prove/zkey-header';
import { readSectionTable } from '../setup/bin-sections';
import { R } from '../setup/bn254';
import { forEachTerm, readCoefficient, readLe256, readR1csHeader } from '../setup/r1cs-stream';
import { randomFr } from '../setup/secrets';
import { deriveChallenges } from './challenge';
import { bn128, Curve, Elem, g1Json } from './curve';
import { CrErrors } from './errors';
import { readCrSection, readL1Points } from './zkey-section';

/** A groth16-cr proof: snarkjs's Groth16 fields plus the round-1 commitment C1. */
export interface CrProof {
  pi_a: string[];
  pi_b: string[][];
  pi_c: string[];
  pi_c1: string[];
  protocol: 'groth16-cr';
  curve: 'bn128';
}

export interface ProveCrOptions {
  /** A groth16-cr proving key (sections 1–10 as snarkjs, 11 ours: cr/zkey-section.ts). */
  zkey: string;
  /** witness.wtns as assigned: provisional challenges, round-2 wires computed from them. */
  wtns: string;
  /** circuit.rounds. */
  rounds: string;
  /** circuit.r1cs: when given, the final witness is checked against it before proving (PV305). */
  r1cs?: string;
}

/**
 * The two-round prover (docs/challenge-round.md): commits to the round-1 wires with
 * C1 = Σ a_i·L1_i + ρ·δ2, hashes the challenges from C1 and the model's public signals, puts them
 * in the challenge wires, recomputes every round-2 wire from its hint, proves the final witness
 * with snarkjs (section 8 is infinity for round-1 wires, so its C covers round 2 and H only) and
 * subtracts ρ·δ1 from C. publicSignals are the model's (outputs, public inputs), challenges excluded.
 */
export async function proveCr(o: ProveCrOptions): Promise<{ proof: CrProof; publicSignals: string[] }> {
  const curve = await bn128();
  const info = readRoundsHeader(o.rounds);
  const header = readZkeyHeader(o.zkey);
  if (header.nVars !== info.nWires || header.nPublic !== info.nModelPublic + info.nChallenges) {
    raise(CrErrors.ROUNDS_MISMATCH, { file: o.rounds }, `key: ${header.nVars} wires, ${header.nPublic} public signals; circuit.rounds: ${info.nWires}, ${info.nModelPublic} + ${info.nChallenges} challenges`);
  }
  const cr = readCrSection(o.zkey);
  if (cr.nChallenges !== info.nChallenges || cr.round1Start !== header.nPublic + 1 || cr.round1Start + cr.round1Count !== info.round2Start) {
    raise(CrErrors.ZKEY_NOT_CR, { file: o.zkey }, `key: round 2 from wire ${cr.round1Start + cr.round1Count}, ${cr.nChallenges} challenges; circuit.rounds: ${info.round2Start}, ${info.nChallenges}`);
  }
  const witness = readWitness(o.wtns, info.nWires);

  // Round 1: the commitment, blinded by ρ·δ2 so that it reveals nothing about the round-1 wires.
  const rho = curve.Fr.e(randomFr());
  const round1 = cr.round1Count === 0 ? curve.G1.zero
    : await curve.G1.multiExpAffine(readL1Points(o.zkey, cr), witness.values.subarray(32 * cr.round1Start, 32 * info.round2Start));
  const c1 = curve.G1.add(round1, curve.G1.timesFr(curve.G1.fromRprLEM(header.delta1), rho));

  // The challenges, then round 2 in wire order (each hint reads only wires before its own).
  const modelPublic = Array.from({ length: info.nModelPublic }, (_, i) => witness.get(1 + i));
  const challenges = deriveChallenges(affineXY(curve, c1), modelPublic, info.nChallenges);
  challenges.forEach((c, k) => witness.set(1 + info.nModelPublic + k, c));
  replayRound2(o.rounds, witness);
  if (o.r1cs) {
    const bad = firstUnsatisfied(o.r1cs, witness.get);
    if (bad !== undefined) raise(CrErrors.ROUND2_UNSATISFIED, { file: o.rounds }, `constraint ${bad} fails with the challenges of this proof`);
  }

  let proved: { proof: { pi_a: string[]; pi_b: string[][]; pi_c: string[] }; publicSignals: string[] };
  try {
    // snarkjs reads the witness through fastfile, which takes the bytes of a file as well as a name
    proved = await snarkjs.groth16.prove(o.zkey, witness.file as unknown as string, collectingLogger());
  } catch (e) {
    return raise(Errors.PROVE_FAILED, { file: o.zkey }, (e as Error).message);
  }
  // add(−·), not sub: ffjavascript 0.3's sub(affine, Jacobian) returns b − a
  const c = curve.G1.add(curve.G1.fromObject(proved.proof.pi_c.map(BigInt)), curve.G1.neg(curve.G1.timesFr(curve.G1.fromRprLEM(cr.delta1G1), rho)));
  const proof: CrProof = {
    pi_a: proved.proof.pi_a,
    pi_b: proved.proof.pi_b,
    pi_c: g1Json(curve, c),
    pi_c1: g1Json(curve, c1),
    protocol: 'groth16-cr',
    curve: 'bn128',
  };
  return { proof, publicSignals: proved.publicSignals.slice(0, info.nModelPublic) };
}

/**
 * Sets every round-2 wire from its hint, in wire order (each hint reads only wires before its own).
 * The hints are read here and dropped on return: on nanoGPT they are GBs of linear combinations,
 * which must not stay alive while snarkjs proves.
 */
function replayRound2(file: string, witness: Witness): void {
  const { info, hints } = readRounds(file);
  let next = info.round2Start;
  const zero = evalHints(hints, info.round2Start, (w) => (w < next ? witness.get(w) : raise(CrErrors.ROUNDS_MISMATCH, { file }, `the hint of wire ${next} reads wire ${w}`)), (w, v) => {
    witness.set(w, v);
    next = w + 1;
  });
  if (zero !== undefined) raise(CrErrors.HINT_DIVIDES_BY_ZERO, { file }, `wire ${zero}`);
}

/** A point's affine coordinates as the EVM encodes them: (0, 0) for infinity. */
export function affineXY(curve: Curve, p: Elem): [bigint, bigint] {
  if (curve.G1.isZero(p)) return [0n, 0n];
  const [x, y] = curve.G1.toObject(curve.G1.toAffine(p));
  return [x, y];
}

/** circuit.rounds; PV301 when it cannot be read. */
export function readRounds(file: string): { info: RoundsInfo; hints: Round2Hint[] } {
  return readingRounds(file, readRoundsFile);
}

/** circuit.rounds's header only (the counts, not the hints); PV301 when it cannot be read. */
export function readRoundsHeader(file: string): RoundsInfo {
  return readingRounds(file, readRoundsInfo);
}

function readingRounds<T>(file: string, read: (file: string) => T): T {
  try {
    return read(file);
  } catch (e) {
    return raise(CrErrors.ROUNDS_UNREADABLE, { file }, (e as Error).message);
  }
}

interface Witness {
  /** The whole wtns file, changed in place by `set`. */
  file: Buffer;
  /** Its values section: wire w at bytes 32w .. 32w + 31, little-endian. */
  values: Buffer;
  get(wire: number): bigint;
  set(wire: number, v: bigint): void;
}

/** witness.wtns (iden3 wtns v2: header n8, q, count; then the values) for a circuit of nWires. */
function readWitness(file: string, nWires: number): Witness {
  const bytes = fs.readFileSync(file);
  const bad = (detail: string): never => raise(CrErrors.ROUNDS_MISMATCH, { file }, detail);
  const read = (pos: number, length: number) => (pos + length <= bytes.length ? bytes.subarray(pos, pos + length) : bad('truncated'));
  const sections = readSectionTable(read, bytes.length, { magic: 'wtns', version: 2 }, { wrongKind: bad, truncated: bad });
  const head = sections.get(1);
  const data = sections.get(2);
  if (!head || !data || bytes.readUInt32LE(head.start) !== 32) return bad('not a BN254 witness file');
  const count = bytes.readUInt32LE(head.start + 4 + 32);
  if (count !== nWires || data.size !== 32 * nWires) bad(`${count} values, the circuit has ${nWires} wires`);
  const values = bytes.subarray(data.start, data.start + data.size);
  return {
    file: bytes,
    values,
    get: (wire) => readLe256(values, 32 * wire),
    set: (wire, v) => {
      for (let i = 0, x = v; i < 32; i++, x >>= 8n) values[32 * wire + i] = Number(x & 0xffn);
    },
  };
}

/** The first constraint A·B = C that the witness breaks, if any. */
function firstUnsatisfied(r1cs: string, value: (wire: number) => bigint): number | undefined {
  const header = readR1csHeader(r1cs);
  const sums = [0n, 0n, 0n];
  let current = -1;
  let bad: number | undefined;
  const close = () => {
    if (current >= 0 && bad === undefined && (sums[0] * sums[1] - sums[2]) % R !== 0n) bad = current;
    sums.fill(0n);
  };
  forEachTerm(r1cs, header, (constraint, matrix, wire, buf, at) => {
    if (constraint !== current) { close(); current = constraint; }
    sums[matrix] = (sums[matrix] + readCoefficient(buf, at) * value(wire)) % R;
  });
  close();
  return bad;
}
