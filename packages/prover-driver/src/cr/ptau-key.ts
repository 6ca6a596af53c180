import * as fs from 'fs';
import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { keyFromPtau } from '../prove/setup-keys';
import { invMod } from '../setup/scalars';
import { randomFr } from '../setup/secrets';
import { bn128, Curve } from './curve';
import { appendCrSection, crSectionPrefix, zkeySections } from './zkey-section';

/** Points per batchApplyKey call (snarkjs's own chunk for this operation). */
const CHUNK = 1 << 16;
const G1_BYTES = 64;

export interface RoundSplit {
  round2Start: number;
  nChallenges: number;
}

/**
 * A groth16-cr proving key from a prepared powers-of-tau file (docs/challenge-round.md):
 * snarkjs newZKey (δ = 1, so section 8 holds K_i = β·u_i(τ) + α·v_i(τ) + w_i(τ) for the private
 * wires) → the round-1 entries of section 8 become L1_i = K_i/δ1 for a fresh random δ1 (kept aside,
 * δ1 itself dropped) and the point at infinity in section 8 → snarkjs contribute with fresh
 * randomness (applies δ2 to sections 2, 8, 9; infinity stays infinity) → section 11 appended.
 * Without the contribution δ2 would be 1 and anyone could forge, as for plain Groth16.
 */
export async function buildCrKeyFromPtau(r1cs: string, ptau: string, out: string, split: RoundSplit): Promise<void> {
  let section11: Awaited<ReturnType<typeof moveRound1Keys>> | undefined;
  await keyFromPtau(r1cs, ptau, out, 'onnx-zk groth16-cr', async (initial) => { section11 = await moveRound1Keys(await bn128(), initial, split); });
  appendCrSection(out, section11!.prefix, section11!.points);
}

/**
 * In a key with δ = 1: takes the round-1 entries out of section 8 (overwritten with zeros, the
 * point at infinity) and returns section 11 for them.
 */
async function moveRound1Keys(curve: Curve, zkey: string, split: RoundSplit): Promise<{ prefix: Uint8Array; points: Uint8Array[] }> {
  const fd = fs.openSync(zkey, 'r+');
  let delta1 = randomFr();
  try {
    const { sections, read } = zkeySections(fd, zkey);
    const nPublic = read(sections.get(2)!.start + 76, 4).readUInt32LE(0);
    const round1Count = split.round2Start - nPublic - 1;
    const l = sections.get(8)!;
    if (round1Count < 0 || split.nChallenges > nPublic || round1Count * G1_BYTES > l.size) {
      raise(Errors.ZKEY_WRONG_CIRCUIT, { file: zkey }, `round split ${JSON.stringify(split)} does not fit ${nPublic} public signals`);
    }
    const invDelta1 = curve.Fr.e(invMod(delta1));
    const points: Uint8Array[] = [];
    for (let i = 0; i < round1Count; i += CHUNK) {
      const at = l.start + i * G1_BYTES;
      const n = Math.min(CHUNK, round1Count - i);
      points.push(await curve.G1.batchApplyKey(read(at, n * G1_BYTES), invDelta1, curve.Fr.one));
      fs.writeSync(fd, Buffer.alloc(n * G1_BYTES), 0, n * G1_BYTES, at);
    }
    const lem = (g: typeof curve.G1, size: number) => {
      const b = new Uint8Array(size);
      g.toRprLEM(b, 0, g.toAffine(g.timesFr(g.g, curve.Fr.e(delta1))));
      return b;
    };
    const prefix = crSectionPrefix({ delta1G1: lem(curve.G1, 64), delta1G2: lem(curve.G2, 128), nChallenges: split.nChallenges, round1Start: nPublic + 1, round1Count });
    return { prefix, points };
  } finally {
    delta1 = 0n;
    fs.closeSync(fd);
  }
}
