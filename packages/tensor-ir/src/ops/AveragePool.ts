import { Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, Window, evalFail, floatData, floatTensor, forEachIndex, inputOfType, kernelOffsets, windowOf, windowTaps } from './helpers';
import { attrInt } from '../attrs';

/**
 * ONNX AveragePool: the mean over each window, dividing by the taps inside the input or, with
 * count_include_pad, by the taps inside input + pads; strides, dilations (19+), auto_pad, ceil_mode.
 */
export const AveragePool: OpDef = {
  op: 'AveragePool',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attrs: {
    auto_pad: { type: 'string', default: 'NOTSET' },
    ceil_mode: { type: 'int', default: 0 },
    count_include_pad: { type: 'int', default: 0 },
    dilations: { type: 'ints' },
    kernel_shape: { type: 'ints', required: true },
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
    return [averagePool(x!, win, attrInt(node, 'count_include_pad') !== 0)];
  },
};

function averagePool(x: Tensor, win: Window, includePad: boolean): Tensor {
  const [n, c] = x.shape;
  const spatial = x.shape.slice(2);
  const inSize = spatial.reduce((p, q) => p * q, 1);
  const outSize = win.out.reduce((p, q) => p * q, 1);
  const xd = floatData(x);
  const y = new Float64Array(n * c * outSize);
  const offsets = kernelOffsets(win.kernel);
  forEachIndex(win.out, (o, p) => {
    const { inputIndex, padded } = windowTaps(win, spatial, offsets, o);
    const count = includePad ? padded : inputIndex.length;
    for (let plane = 0; plane < n * c; plane++) {
      let acc = 0;
      for (let t = 0; t < inputIndex.length; t++) acc += xd[plane * inSize + inputIndex[t]];
      y[plane * outSize + p] = count > 0 ? acc / count : NaN;
    }
  });
  return floatTensor(x.dtype, [n, c, ...win.out], y);
}
