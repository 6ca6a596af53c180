import { floatUnaryOp } from './helpers';

/** ONNX Round: round half to even (numpy's round), elementwise on float tensors. */
export const Round = floatUnaryOp('Round', () => roundHalfEven);

function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
