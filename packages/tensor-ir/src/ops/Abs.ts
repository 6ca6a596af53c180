import { Scalar, numericUnaryOp } from './helpers';

/** ONNX Abs: |x| elementwise (integers wrap like C: |INT_MIN| = INT_MIN). */
export const Abs = numericUnaryOp('Abs', (v: Scalar) => (v < 0 ? -v : v));
