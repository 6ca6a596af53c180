import { InferContext, OpDef } from './types';
import { ANY_TYPE, indexMap, inputOfType, requireRank, takeElements } from './helpers';
import { attrInt, attrString } from '../attrs';

/**
 * ONNX DepthToSpace: [N, C, H, W] → [N, C/b², H·b, W·b]. DCR mode takes the block offset from the
 * leading channel bits, CRD from the trailing ones.
 */
export const DepthToSpace: OpDef = {
  op: 'DepthToSpace',
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attrs: { blocksize: { type: 'int', required: true }, mode: { type: 'string', default: 'DCR' } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    requireRank(ctx, x, 4);
    const b = attrInt(ctx.node, 'blocksize');
    if (b < 1 || x.shape[1] % (b * b) !== 0) ctx.fail(`${x.shape[1]} channels are not a multiple of blocksize² = ${b * b}`);
    const [n, c, h, w] = x.shape;
    return [{ dtype: x.dtype, shape: [n, c / (b * b), h * b, w * b] }];
  },
  evalFloat(node, [x]) {
    const b = attrInt(node, 'blocksize');
    const [n, c, h, w] = x!.shape;
    const oc = c / (b * b);
    const crd = attrString(node, 'mode') === 'CRD';
    const shape = [n, oc, h * b, w * b];
    const idx = indexMap(shape, ([i, ch, y, xx]) => {
      const by = y % b;
      const bx = xx % b;
      const src = crd ? ch * b * b + by * b + bx : (by * b + bx) * oc + ch;
      return ((i * c + src) * h + Math.floor(y / b)) * w + Math.floor(xx / b);
    });
    return [takeElements(x!, shape, idx)];
  },
};
