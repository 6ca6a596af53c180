/**
 * The single contribution record of a development ptau (section 7). It is a genuine snarkjs
 * contribution by this machine, so `snarkjs powersoftau verify` checks the file like any
 * ceremony transcript: the key's proofs of knowledge of τ, α, β bind the challenge hash, and
 * the next-challenge hash covers every point of sections 2–6.
 */
import { Bn254Curve, Elem, ffjavascript, POINT_BYTES } from './bn254';
import { blake2b512 } from './transcript-hash';
import { DevSecrets } from './secrets';

/** Proof of knowledge of one secret x: s·G1, x·s·G1 and x·H where H hashes both and the challenge. */
export interface KeyPart {
  g1s: Elem;
  g1sx: Elem;
  g2spx: Elem;
}

export interface ContributionKey {
  tau: KeyPart;
  alpha: KeyPart;
  beta: KeyPart;
}

/** snarkjs's hashToG2 of blake2b(personalisation ‖ challenge ‖ s·G1 ‖ x·s·G1) (keypair.js getG2sp). */
function challengeG2(curve: Bn254Curve, personalisation: number, challenge: Uint8Array, g1s: Elem, g1sx: Elem): Elem {
  const u = new Uint8Array(2 * POINT_BYTES.G1);
  curve.G1.toRprUncompressed(u, 0, g1s);
  curve.G1.toRprUncompressed(u, POINT_BYTES.G1, g1sx);
  const hash = blake2b512().update(Uint8Array.of(personalisation)).update(challenge).update(u).digest();
  const seed = Array.from({ length: 8 }, (_, i) => hash.readUInt32BE(4 * i));
  return curve.G2.fromRng(new ffjavascript.ChaCha(seed));
}

export function contributionKey(curve: Bn254Curve, challenge: Uint8Array, secrets: DevSecrets): ContributionKey {
  const part = (personalisation: number, x: bigint, s: bigint): KeyPart => {
    const g1s = curve.G1.toAffine(curve.G1.timesFr(curve.G1.g, curve.Fr.e(s)));
    const g1sx = curve.G1.toAffine(curve.G1.timesFr(g1s, curve.Fr.e(x)));
    const g2sp = challengeG2(curve, personalisation, challenge, g1s, g1sx);
    return { g1s, g1sx, g2spx: curve.G2.toAffine(curve.G2.timesFr(g2sp, curve.Fr.e(x))) };
  };
  const [sTau, sAlpha, sBeta] = secrets.keyBlinders;
  return { tau: part(0, secrets.tau, sTau), alpha: part(1, secrets.alpha, sAlpha), beta: part(2, secrets.beta, sBeta) };
}

/** The key as snarkjs serialises it: six G1 points then three G2 points, LEM or uncompressed. */
export function keyBytes(curve: Bn254Curve, key: ContributionKey, encoding: 'lem' | 'uncompressed'): Uint8Array {
  const g1 = [key.tau.g1s, key.tau.g1sx, key.alpha.g1s, key.alpha.g1sx, key.beta.g1s, key.beta.g1sx];
  const g2 = [key.tau.g2spx, key.alpha.g2spx, key.beta.g2spx];
  const out = new Uint8Array(6 * POINT_BYTES.G1 + 3 * POINT_BYTES.G2);
  let o = 0;
  for (const [group, points] of [['G1', g1], ['G2', g2]] as const) {
    for (const p of points) {
      if (encoding === 'lem') curve[group].toRprLEM(out, o, p);
      else curve[group].toRprUncompressed(out, o, p);
      o += POINT_BYTES[group];
    }
  }
  return out;
}

export interface ContributionRecord {
  /** τ·G1, τ·G2, α·G1, β·G1, β·G2 as LEM bytes (the file's section points). */
  tauG1: Uint8Array;
  tauG2: Uint8Array;
  alphaG1: Uint8Array;
  betaG1: Uint8Array;
  betaG2: Uint8Array;
  keyLem: Uint8Array;
  partialHash: Uint8Array;
  nextChallenge: Uint8Array;
  name: string;
}

/** Section 7: one contribution (powersoftau_utils.js writeContribution, type 0 with a name). */
export function contributionsSection(c: ContributionRecord): Uint8Array {
  const name = new TextEncoder().encode(c.name.substring(0, 64));
  const params = Uint8Array.of(1, name.length, ...name);
  const parts = [u32(1), c.tauG1, c.tauG2, c.alphaG1, c.betaG1, c.betaG2, c.keyLem, c.partialHash, c.nextChallenge,
    u32(0), u32(params.length), params];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function u32(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v, true);
  return b;
}
