/**
 * The BLAKE2b-512 transcript hashes of a powers-of-tau contribution, as snarkjs computes them:
 * the challenge every contributor answers, the response hash (kept in the file as a "partial
 * hash", the hasher's state before the public key, in @noble/hashes's layout) and the next
 * challenge. Node's native blake2b512 equals @noble's blake2b with a 64-byte digest; @noble is
 * used only where its internal state must be exported.
 */
import { createHash, Hash } from 'crypto';
import { blake2b } from '@noble/hashes/blake2b';
import { Bn254Curve, Group } from './bn254';

export const blake2b512 = (): Hash => createHash('blake2b512');

/** The hash of the blank accumulator (every point the generator) at this power. */
export function firstChallengeHash(curve: Bn254Curve, power: number): Uint8Array {
  const h = blake2b512();
  h.update(blake2b512().digest());
  const n = 2 ** power;
  hashRepeated(h, uncompressedGenerator(curve, 'G1'), 2 * n - 1); // tauG1
  hashRepeated(h, uncompressedGenerator(curve, 'G2'), n); // tauG2
  hashRepeated(h, uncompressedGenerator(curve, 'G1'), n); // alphaTauG1
  hashRepeated(h, uncompressedGenerator(curve, 'G1'), n); // betaTauG1
  h.update(uncompressedGenerator(curve, 'G2')); // betaG2
  return new Uint8Array(h.digest());
}

function uncompressedGenerator(curve: Bn254Curve, group: Group): Uint8Array {
  const out = new Uint8Array(group === 'G1' ? 64 : 128);
  curve[group].toRprUncompressed(out, 0, curve[group].g);
  return out;
}

function hashRepeated(h: Hash, item: Uint8Array, count: number): void {
  const perBlock = 4096;
  const block = new Uint8Array(item.length * Math.min(perBlock, count));
  for (let i = 0; i < block.length; i += item.length) block.set(item, i);
  for (let left = count; left > 0; left -= perBlock) {
    h.update(left >= perBlock ? block : block.subarray(0, left * item.length));
  }
}

/** The fields of @noble/hashes 1.x's BLAKE2b that snarkjs's partial hash serialises. */
interface NobleBlake2bState {
  buffer: Uint8Array;
  pos: number;
  length: number;
  [word: string]: unknown;
}

/** Hasher of a contribution's response: challenge, then every new point compressed. */
export class ResponseHasher {
  private readonly hasher = blake2b.create({ dkLen: 64 });

  constructor(challenge: Uint8Array) {
    this.hasher.update(challenge);
  }

  update(bytes: Uint8Array): void {
    this.hasher.update(bytes);
  }

  /** snarkjs's 216-byte partial hash: block buffer, state words, then counters, as uint32 LE. */
  partialHash(): Uint8Array {
    const s = this.hasher as unknown as NobleBlake2bState;
    const out = new Uint8Array(216);
    const words = new DataView(out.buffer, 128);
    out.set(s.buffer.subarray(0, 128));
    for (let i = 0; i < 8; i++) {
      words.setInt32(8 * i, s[`v${i}l`] as number, true);
      words.setInt32(8 * i + 4, s[`v${i}h`] as number, true);
    }
    words.setUint32(64, s.length - s.pos, true);
    words.setUint32(72, s.pos, true);
    return out;
  }

  /** The response hash: the partial hash continued with the uncompressed public key. */
  finish(publicKeyUncompressed: Uint8Array): Uint8Array {
    this.hasher.update(publicKeyUncompressed);
    return this.hasher.digest();
  }
}
