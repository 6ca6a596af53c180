import { comparisonOp } from './helpers';

/** ONNX Greater: A > B elementwise with numpy broadcasting, bool output. */
export const Greater = comparisonOp('Greater', (a, b) => a > b);
