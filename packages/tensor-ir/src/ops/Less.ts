import { comparisonOp } from './helpers';

/** ONNX Less: A < B elementwise with numpy broadcasting, bool output. */
export const Less = comparisonOp('Less', (a, b) => a < b);
