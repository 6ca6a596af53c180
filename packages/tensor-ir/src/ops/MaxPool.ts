import { Node, Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { NUMERIC_TYPES, Window, evalFail, forEachIndex, inputOfType, kernelOffsets, windowOf, windowTaps } from './helpers';
import { attrInt } from '../attrs';
import { makeTensor } from '../tensor';

/**
 * ONNX MaxPool: the maximum over each window (padding never wins), with strides, dilations, pads or
 * auto_pad and ceil_mode; the optional Indices output holds each maximum's flat input index
 * (row-major, or column-major over the spatial axes when storage_order = 1).
 */
export const MaxPool: OpDef = {
  op: 'MaxPool',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }, { name: 'Indices', optional: true }],
  attrs: {
    auto_pad: { type: 'string', default: 'NOTSET' },
    ceil_mode: { type: 'int', default: 0 },
    dilations: { type: 'ints' },
    kernel_shape: { type: 'ints', required: true },
    pads: { type: 'ints' },
    storage_order: { type: 'int', default: 0 },
    strides: { type: 'ints' },
  },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, NUMERIC_TYPES);
    if (x.shape.length < 3) ctx.fail(`X must be [N,C,D...], got [${x.shape.join(',')}]`);
    const win = windowOf(ctx.node, x.shape.slice(2));
    if (typeof win === 'string') ctx.fail(win);
    const shape = [x.shape[0], x.shape[1], ...win.out];
    return [{ dtype: x.dtype, shape }, { dtype: 'int64', shape: [...shape] }];
  },
  evalFloat(node, [x]) {
    const win = windowOf(node, x!.shape.slice(2));
    if (typeof win === 'string') return evalFail(node, win);
    return maxPool(node, x!, win);
  },
};

function maxPool(node: Node, x: Tensor, win: Window): Tensor[] {
  const [n, c] = x.shape;
  const spatial = x.shape.slice(2);
  const inSize = spatial.reduce((p, q) => p * q, 1);
  const outSize = win.out.reduce((p, q) => p * q, 1);
  const shape = [n, c, ...win.out];
  const y = makeTensor(x.dtype, shape);
  const ind = makeTensor('int64', shape);
  const xd = x.data as ArrayLike<number | bigint>;
  const yd = y.data as unknown as { [i: number]: number | bigint };
  const colMajor = attrInt(node, 'storage_order') === 1 ? columnMajor(spatial) : undefined;
  const offsets = kernelOffsets(win.kernel);
  forEachIndex(win.out, (o, p) => {
    const { inputIndex } = windowTaps(win, spatial, offsets, o);
    for (let plane = 0; plane < n * c; plane++) {
      const base = plane * inSize;
      let best = -1;
      for (let t = 0; t < inputIndex.length; t++) {
        if (best < 0 || xd[base + inputIndex[t]] > xd[base + best]) best = inputIndex[t];
      }
      if (best < 0) continue;
      yd[plane * outSize + p] = xd[base + best];
      (ind.data as BigInt64Array)[plane * outSize + p] = BigInt(base + (colMajor ? colMajor[best] : best));
    }
  });
  return [y, ind];
}

/** Maps a row-major spatial flat index to its column-major one. */
function columnMajor(spatial: number[]): Int32Array {
  const out = new Int32Array(spatial.reduce((p, q) => p * q, 1));
  forEachIndex(spatial, (c, k) => {
    let f = 0;
    for (let d = c.length - 1; d >= 0; d--) f = f * spatial[d] + c[d];
    out[k] = f;
  });
  return out;
}
