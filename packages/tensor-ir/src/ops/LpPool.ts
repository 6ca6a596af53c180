import { Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, Window, evalFail, floatData, floatTensor, forEachIndex, inputOfType, kernelOffsets, windowOf, windowTaps } from './helpers';
import { attrInt } from '../attrs';

/** ONNX LpPool: (Σ |x|^p)^(1/p) over each window (padding contributes 0); strides, dilations, pads/auto_pad, ceil_mode. */
export const LpPool: OpDef = {
  op: 'LpPool',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attrs: {
    auto_pad: { type: 'string', default: 'NOTSET' },
    ceil_mode: { type: 'int', default: 0 },
    dilations: { type: 'ints' },
    kernel_shape: { type: 'ints', required: true },
    p: { type: 'int', default: 2 },
    pads: { type: 'ints' },
    strides: { type: 'ints' },
  },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    if (x.shape.length < 3) ctx.fail(`X must be [N,C,D...], got [${x.shape.join(',')}]`);
    const win = windowOf(ctx.node, x.shape.slice(2));
    if (typeof win === 'string') ctx.fail(win);
    return [{ dtype: x.dtype, shape: [x.shape[0], x.shape[1], ...win.out] }];
  },
  evalFloat(node, [x]) {
    const win = windowOf(node, x!.shape.slice(2));
    if (typeof win === 'string') return evalFail(node, win);
    return [lpPool(x!, win, attrInt(node, 'p'))];
  },
};

function lpPool(x: Tensor, win: Window, p: number): Tensor {
  const [n, c] = x.shape;
  const spatial = x.shape.slice(2);
  const inSize = spatial.reduce((a, b) => a * b, 1);
  const outSize = win.out.reduce((a, b) => a * b, 1);
  const xd = floatData(x);
  const y = new Float64Array(n * c * outSize);
  const offsets = kernelOffsets(win.kernel);
  forEachIndex(win.out, (o, q) => {
    const { inputIndex } = windowTaps(win, spatial, offsets, o);
    for (let plane = 0; plane < n * c; plane++) {
      let acc = 0;
      for (let t = 0; t < inputIndex.length; t++) acc += Math.abs(xd[plane * inSize + inputIndex[t]]) ** p;
      y[plane * outSize + q] = acc ** (1 / p);
    }
  });
  return floatTensor(x.dtype, [n, c, ...win.out], y);
}
