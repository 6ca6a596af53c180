import { Interval, ReadInterval, maxOf } from '../bounds/interval';
import { isqrtInt } from './Rsqrt';

/** Integer LayerNorm of one row (fixed LayerNormalization; see tensor-ir's fixed op). */
export function layerNormRow(
  x: ArrayLike<bigint>, gamma: ArrayLike<bigint>, beta: ArrayLike<bigint> | undefined, eps: bigint, shift: number,
): bigint[] {
  const D = BigInt(x.length);
  let sum = 0n;
  for (let i = 0; i < x.length; i++) sum += x[i];
  const dev = Array.from(x, (v) => D * v - sum);
  const den = dev.reduce((acc, d) => acc + d * d, 0n) + D * D * D * eps;
  const r = isqrtInt(((D * D * D) << BigInt(shift)) / den);
  return dev.map((d, i) => gamma[i] * d * r + (beta ? beta[i] : 0n));
}

/**
 * Sound bounds of one row: |d_i·r| ≤ |d_i|·√(N / den) ≤ √N with N = D³·2^shift, because
 * d_i² ≤ Σ d² ≤ den; so y_i ∈ beta_i + gamma_i·[−⌊√N⌋, ⌊√N⌋] (gamma, beta are constants).
 */
export function layerNormRowBounds(d: number, gamma: ReadInterval, beta: ReadInterval | undefined, shift: number): Interval {
  const D = BigInt(d);
  const z = isqrtInt((D * D * D) << BigInt(shift));
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  for (let i = 0; i < d; i++) {
    const g = maxOf(gamma.hi[i], -gamma.lo[i]) * z;
    const [bl, bh] = beta ? [beta.lo[i], beta.hi[i]] : [0n, 0n];
    lo.push(bl - g);
    hi.push(bh + g);
  }
  return { lo, hi };
}
