import { Scalar, numericUnaryOp } from './helpers';

/** ONNX Sign: -1, 0 or 1 by the sign of x (NaN stays NaN). */
export const Sign = numericUnaryOp('Sign', (v: Scalar) => {
  if (typeof v === 'bigint') return v > 0n ? 1n : v < 0n ? -1n : 0n;
  return v > 0 ? 1 : v < 0 ? -1 : v;
});
