import { IrErrors, raise } from '../errors';
import { arithmeticOp } from './helpers';

/** ONNX Div: C = A / B with numpy broadcasting; integer division truncates toward zero. */
export const Div = arithmeticOp('Div', {
  float: (a, b) => a / b,
  int64: (a, b) => (b === 0n ? raise(IrErrors.BAD_OPERANDS, { op: 'Div' }, 'integer division by zero') : a / b),
  int: (a, b) => (b === 0 ? raise(IrErrors.BAD_OPERANDS, { op: 'Div' }, 'integer division by zero') : Math.trunc(a / b)),
});
