import { BOOL_TYPES, numericUnaryOp } from './helpers';

/** ONNX Not: logical negation of a bool tensor. */
export const Not = numericUnaryOp('Not', (v) => (v === 0 ? 1 : 0), BOOL_TYPES);
