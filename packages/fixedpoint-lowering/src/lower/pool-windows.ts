import { Node, forEachIndex, kernelOffsets, raise, windowOf, windowTaps as windowTapsOf } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { FixedValue, LowerContext } from './context';

/** Each output position's window: the spatial input indices inside the input and the padded count. */
export interface PoolWindows {
  out: number[];
  windows: { inputs: Int32Array; padded: number }[];
}

/** The windows of a pool node over x [N, C, spatial...]; a global pool's window is the whole map. */
export function poolWindows(node: Node, ctx: LowerContext, x: FixedValue, global: boolean): PoolWindows {
  const site = ctx.siteOf(node);
  if (x.shape.length < 3) raise(Errors.UNSUPPORTED_FORM, site, `X [${x.shape.join(',')}] must be [N, C, spatial...]`);
  const spatial = x.shape.slice(2);
  const win = global ? windowOf({ ...node, attrs: {} }, spatial, spatial) : windowOf(node, spatial);
  if (typeof win === 'string') raise(Errors.UNSUPPORTED_FORM, site, win);
  const offsets = kernelOffsets(win.kernel);
  const windows: PoolWindows['windows'] = [];
  forEachIndex(win.out, (o) => {
    const { inputIndex, padded } = windowTapsOf(win, spatial, offsets, o);
    if (inputIndex.length === 0) raise(Errors.UNSUPPORTED_FORM, site, `the window at output [${o.join(',')}] lies wholly in the padding`);
    windows.push({ inputs: inputIndex, padded });
  });
  return { out: win.out, windows };
}

/** The feature maps of x [N, C, spatial...]: N·C maps of `size` elements each. */
export function featureMaps(x: FixedValue): { maps: number; size: number } {
  return { maps: x.shape[0] * x.shape[1], size: x.shape.slice(2).reduce((a, b) => a * b, 1) };
}
