import { arithmeticOp } from './helpers';

/** ONNX PRelu: x < 0 ? slope·x : x, with slope broadcast to x (unidirectional in the spec). */
export const PRelu = arithmeticOp('PRelu', {
  float: (x, slope) => (x < 0 ? slope * x : x),
  int64: (x, slope) => (x < 0n ? slope * x : x),
  int: (x, slope) => (x < 0 ? slope * x : x),
});
