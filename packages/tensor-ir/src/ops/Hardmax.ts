import { OpDef } from './types';
import { attrInt } from '../attrs';
import { FLOAT_TYPES, axisSplit, floatData, floatTensor, inputOfType, normalizeAxis } from './helpers';

/**
 * ONNX Hardmax (opsets 1, 11, 13): 1 at the first maximal element of each lane, 0 elsewhere. From
 * opset 13 a lane runs along `axis` (default -1); before, the input is coerced to 2-D
 * [d0·…·d(axis-1), d(axis)·…] and a lane is a row of that matrix (axis default 1). Ties pick
 * the lowest index; a NaN counts as the maximum (the first NaN wins), as numpy's argmax does.
 */
export const Hardmax: OpDef = {
  op: 'Hardmax',
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attrs: { axis: { type: 'int' } },
  infer(ctx) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    normalizeAxis(ctx, attrInt(ctx.node, 'axis', ctx.opset < 13 ? 1 : -1), x.shape.length);
    return [{ dtype: x.dtype, shape: [...x.shape] }];
  },
  evalFloat(node, [x], opset) {
    const shape = x!.shape;
    const a = attrInt(node, 'axis', opset < 13 ? 1 : -1);
    const axis = a < 0 ? a + shape.length : a;
    const size = (dims: number[]) => dims.reduce((p, q) => p * q, 1);
    const split = opset < 13 ? { outer: size(shape.slice(0, axis)), n: size(shape.slice(axis)), inner: 1 } : axisSplit(shape, axis);
    const d = floatData(x!);
    const out = new Float64Array(d.length);
    const { outer, n, inner } = split;
    for (let i = 0; i < outer; i++) {
      for (let j = 0; j < inner; j++) {
        const base = i * n * inner + j;
        if (n === 0) continue;
        let best = 0;
        for (let k = 1; k < n && !Number.isNaN(d[base + best * inner]); k++) {
          const v = d[base + k * inner];
          if (Number.isNaN(v) || v > d[base + best * inner]) best = k;
        }
        out[base + best * inner] = 1;
      }
    }
    return [floatTensor(x!.dtype, [...shape], out)];
  },
};
