import { Scalar, numericUnaryOp } from './helpers';

/** ONNX Neg: -x elementwise (integers wrap like C). */
export const Neg = numericUnaryOp('Neg', (v: Scalar) => (typeof v === 'bigint' ? -v : -v));
