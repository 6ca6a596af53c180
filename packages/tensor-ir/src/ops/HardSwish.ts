import { floatUnaryOp } from './helpers';

/** ONNX HardSwish: x · max(0, min(1, x/6 + 1/2)), elementwise on float tensors. */
export const HardSwish = floatUnaryOp('HardSwish', () => (v) => v * Math.max(0, Math.min(1, v / 6 + 0.5)));
