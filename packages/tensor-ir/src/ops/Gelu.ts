import { attrString } from '../attrs';
import { IrErrors, raise } from '../errors';
import { erf, floatUnaryOp } from './helpers';

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/** ONNX Gelu (opset 20): x·Φ(x) exactly with erf, or its tanh approximation (approximate = 'tanh'). */
export const Gelu = floatUnaryOp(
  'Gelu',
  (node) => {
    const approximate = attrString(node, 'approximate');
    if (approximate === 'tanh') return (v) => 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)));
    if (approximate !== 'none') raise(IrErrors.BAD_ATTR, { node: node.name, op: node.op }, `approximate must be 'none' or 'tanh', got '${approximate}'`);
    return (v) => 0.5 * v * (1 + erf(v / Math.SQRT2));
  },
  { approximate: { type: 'string', default: 'none' } },
);
