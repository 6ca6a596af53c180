import { ErrorSite, quantize, raise } from '@onnx-zk/tensor-ir';
import { BOUND_LIMIT } from '../bounds/interval';
import { Errors } from '../errors';

/** Quantizes real constants (weights, biases) at `frac` with tensor-ir's one `quantize`. */
export function quantizeValues(values: ArrayLike<number>, frac: number, site: ErrorSite, what: string): bigint[] {
  const out = new Array<bigint>(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) raise(Errors.NOT_FINITE, site, `${what} element ${i} is ${x}`);
    out[i] = quantize(x, frac);
    if (out[i] <= -BOUND_LIMIT || out[i] >= BOUND_LIMIT) raise(Errors.BOUND_OVERFLOW, site, `${what} element ${i} = ${x} at frac ${frac}`);
  }
  return out;
}
