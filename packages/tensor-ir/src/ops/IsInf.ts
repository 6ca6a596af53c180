import { OpDef } from './types';
import { attrInt } from '../attrs';
import { FLOAT_TYPES, inferUnary, mapTensor } from './helpers';

/**
 * ONNX IsInf (opsets 10, 20): a bool tensor, true where the float element is +∞ (when
 * detect_positive ≠ 0) or −∞ (when detect_negative ≠ 0). NaN is never infinite.
 */
export const IsInf: OpDef = {
  op: 'IsInf',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attrs: {
    detect_negative: { type: 'int', default: 1 },
    detect_positive: { type: 'int', default: 1 },
  },
  infer: (ctx) => [{ ...inferUnary(ctx, FLOAT_TYPES)[0], dtype: 'bool' }],
  evalFloat(node, [x]) {
    const neg = attrInt(node, 'detect_negative') !== 0;
    const pos = attrInt(node, 'detect_positive') !== 0;
    return [mapTensor(x!, (v) => (pos && v === Infinity) || (neg && v === -Infinity), 'bool')];
  },
};
