import { ANY_TYPE, comparisonOp } from './helpers';

/**
 * ONNX Equal: A == B elementwise with broadcasting, bool output. Float operands are valid only
 * from opset 11; onnx-frontend's lenient table owns that rule (FE016 in strict mode).
 */
export const Equal = comparisonOp('Equal', (a, b) => a === b, ANY_TYPE);
