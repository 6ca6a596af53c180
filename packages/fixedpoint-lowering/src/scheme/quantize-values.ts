import { ErrorSite, Tensor, int64Words, quantize, quantizeSmall, raise, tensorValues } from '@onnx-zk/tensor-ir';
import { BOUND_LIMIT } from '../bounds/interval';
import { Errors } from '../errors';

/**
 * Quantizes real constants (weights, biases) at `frac` with tensor-ir's one `quantize`, straight
 * into an int64 array (a model's weights are most of its memory: no bigint per element).
 */
export function quantizeValues(values: ArrayLike<number>, frac: number, site: ErrorSite, what: string): BigInt64Array {
  const out = new BigInt64Array(values.length);
  // The int64 words (low, high) of out: an integer below 2^53 is stored without making a BigInt.
  const words = int64Words(out);
  const roundSmall = quantizeSmall; // one lookup of the import, not one per weight
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) raise(Errors.NOT_FINITE, site, `${what} element ${i} is ${x}`);
    const small = roundSmall(x, frac); // |small| < 2^53: within BOUND_LIMIT
    if (small !== undefined) {
      const high = Math.floor(small / 4294967296);
      words[2 * i] = small - high * 4294967296; // in [0, 2^32): stored as its low 32 bits
      words[2 * i + 1] = high;
      continue;
    }
    const q = quantize(x, frac);
    if (q <= -BOUND_LIMIT || q >= BOUND_LIMIT) raise(Errors.BOUND_OVERFLOW, site, `${what} element ${i} = ${x} at frac ${frac}`);
    out[i] = q;
  }
  return out;
}

/** A tensor's elements as numbers: float data as it is (no copy), other dtypes converted. */
export function realValues(t: Tensor): ArrayLike<number> {
  return t.data instanceof Float32Array || t.data instanceof Float64Array ? t.data : tensorValues(t);
}
