import { keccak_256 } from '@noble/hashes/sha3';
import { R } from '../setup/bn254';

/**
 * The challenges of a groth16-cr proof (docs/challenge-round.md), exactly what Verifier.sol
 * computes with keccak256(abi.encodePacked(...)):
 *   c_0 = keccak256(C1.x ‖ C1.y ‖ pub_0 ‖ … ‖ pub_{n−1}) mod r,  c_k = keccak256(c_{k−1}) mod r,
 * every value a 32-byte big-endian word; C1 affine, (0, 0) for the point at infinity; pub_i the
 * model's public signals (outputs, then public inputs; the challenges themselves excluded).
 */
export function deriveChallenges(c1: readonly [bigint, bigint], modelPublic: readonly bigint[], nChallenges: number): bigint[] {
  const challenges: bigint[] = [];
  let previous = fromWord(keccak_256(words([...c1, ...modelPublic]))) % R;
  for (let k = 0; k < nChallenges; k++) {
    if (k > 0) previous = fromWord(keccak_256(words([previous]))) % R;
    challenges.push(previous);
  }
  return challenges;
}

function words(values: readonly bigint[]): Uint8Array {
  const out = new Uint8Array(32 * values.length);
  values.forEach((v, i) => {
    if (v < 0n || v >= 1n << 256n) throw new Error(`internal error: ${v} is not a uint256`);
    out.set(Buffer.from(v.toString(16).padStart(64, '0'), 'hex'), 32 * i);
  });
  return out;
}

function fromWord(bytes: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}
