import { arithmeticOp } from './helpers';

/** ONNX Sub: C = A - B with numpy broadcasting. */
export const Sub = arithmeticOp('Sub', { float: (a, b) => a - b, int64: (a, b) => a - b, int: (a, b) => a - b });
