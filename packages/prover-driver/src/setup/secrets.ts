/**
 * The toxic waste of the INSECURE development setup: τ, α, β and the contribution key's
 * randomisers, sampled from the OS CSPRNG on this machine. Whoever learns τ, α or β can forge
 * Groth16 proofs for every circuit set up from the file, so they live only in memory while the
 * file is generated and are zeroed afterwards (best effort: JavaScript cannot scrub BigInt memory).
 */
import { randomBytes } from 'crypto';
import { R } from './bn254';
import { powMod } from './scalars';

export interface DevSecrets {
  tau: bigint;
  alpha: bigint;
  beta: bigint;
  /** Randomisers s of the contribution's proof-of-knowledge points s·G1 (tau, alpha, beta). */
  keyBlinders: [bigint, bigint, bigint];
}

/** A uniform non-zero element of Fr (64 random bytes reduced mod r: bias below 2^-250). */
export function randomFr(): bigint {
  for (;;) {
    const v = BigInt(`0x${randomBytes(64).toString('hex')}`) % R;
    if (v !== 0n) return v;
  }
}

/**
 * A τ outside every evaluation domain up to 2^(power+1) (τ^(2^(power+1)) ≠ 1), or a Lagrange
 * denominator τ − ω^i would vanish.
 */
export function sampleTau(power: number): bigint {
  let tau = randomFr();
  while (powMod(tau, 1n << BigInt(power + 1)) === 1n) tau = randomFr();
  return tau;
}

/** Samples the secrets of a development ptau of this power. */
export function sampleSecrets(power: number): DevSecrets {
  return { tau: sampleTau(power), alpha: randomFr(), beta: randomFr(), keyBlinders: [randomFr(), randomFr(), randomFr()] };
}

export function discardSecrets(s: DevSecrets): void {
  s.tau = 0n;
  s.alpha = 0n;
  s.beta = 0n;
  s.keyBlinders = [0n, 0n, 0n];
}
