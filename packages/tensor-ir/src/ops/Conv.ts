import { Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, Window, evalFail, floatData, floatTensor, forEachIndex, inputOfType, kernelOffsets, sameDType, windowOf, windowTaps } from './helpers';
import { attrInt } from '../attrs';

/** ONNX Conv: grouped N-d convolution with strides, dilations, pads or auto_pad, and an optional bias. */
export const Conv: OpDef = {
  op: 'Conv',
  inputs: [{ name: 'X' }, { name: 'W' }, { name: 'B', optional: true }],
  outputs: [{ name: 'Y' }],
  attrs: {
    auto_pad: { type: 'string', default: 'NOTSET' },
    dilations: { type: 'ints' },
    group: { type: 'int', default: 1 },
    kernel_shape: { type: 'ints' },
    pads: { type: 'ints' },
    strides: { type: 'ints' },
  },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    const w = inputOfType(ctx, 1, FLOAT_TYPES);
    sameDType(ctx, x, w);
    const problem = convProblem(x.shape, w.shape, attrInt(ctx.node, 'group'), ctx.inputs[2]?.shape);
    if (problem) ctx.fail(problem);
    const win = windowOf(ctx.node, x.shape.slice(2), w.shape.slice(2));
    if (typeof win === 'string') ctx.fail(win);
    return [{ dtype: x.dtype, shape: [x.shape[0], w.shape[0], ...win.out] }];
  },
  evalFloat(node, [x, w, b]) {
    const win = windowOf(node, x!.shape.slice(2), w!.shape.slice(2));
    if (typeof win === 'string') return evalFail(node, win);
    return [convolve(x!, w!, b, attrInt(node, 'group'), win)];
  },
};

function convProblem(x: number[], w: number[], group: number, b: number[] | undefined): string | undefined {
  if (x.length < 3 || w.length !== x.length) return `X [${x.join(',')}] and W [${w.join(',')}] must be [N,C,D...] and [M,C/group,K...]`;
  if (group < 1 || x[1] % group !== 0 || w[0] % group !== 0 || w[1] * group !== x[1]) {
    return `channels do not fit group ${group}: X has ${x[1]}, W is [${w.join(',')}]`;
  }
  if (b && (b.length !== 1 || b[0] !== w[0])) return `B must be [${w[0]}], got [${b.join(',')}]`;
  return undefined;
}

function convolve(x: Tensor, w: Tensor, b: Tensor | undefined, group: number, win: Window): Tensor {
  const [n, c] = x.shape;
  const m = w.shape[0];
  const cg = c / group;
  const mg = m / group;
  const spatial = x.shape.slice(2);
  const inSize = spatial.reduce((p, q) => p * q, 1);
  const kSize = win.kernel.reduce((p, q) => p * q, 1);
  const outSize = win.out.reduce((p, q) => p * q, 1);
  const xd = floatData(x);
  const wd = floatData(w);
  const bd = b ? floatData(b) : undefined;
  const y = new Float64Array(n * m * outSize);
  const offsets = kernelOffsets(win.kernel);
  forEachIndex(win.out, (o, p) => {
    const { kernelIndex, inputIndex } = windowTaps(win, spatial, offsets, o);
    for (let img = 0; img < n; img++) {
      for (let oc = 0; oc < m; oc++) {
        const g = Math.floor(oc / mg);
        let acc = bd ? bd[oc] : 0;
        for (let ic = 0; ic < cg; ic++) {
          const xBase = (img * c + g * cg + ic) * inSize;
          const wBase = (oc * cg + ic) * kSize;
          for (let t = 0; t < kernelIndex.length; t++) acc += xd[xBase + inputIndex[t]] * wd[wBase + kernelIndex[t]];
        }
        y[(img * m + oc) * outSize + p] = acc;
      }
    }
  });
  return floatTensor(x.dtype, [n, m, ...win.out], y);
}
