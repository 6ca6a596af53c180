import { floatUnaryOp } from './helpers';

/** ONNX Mish (opsets 18, 22): x·tanh(softplus(x)), softplus = ln(1 + e^x) computed without overflow. */
export const Mish = floatUnaryOp('Mish', () => (v) => {
  const softplus = v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
  return v * Math.tanh(softplus);
});
