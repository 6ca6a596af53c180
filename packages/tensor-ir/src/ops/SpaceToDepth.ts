import { InferContext, OpDef } from './types';
import { ANY_TYPE, indexMap, inputOfType, requireRank, takeElements } from './helpers';
import { attrInt } from '../attrs';

/** ONNX SpaceToDepth: [N, C, H, W] → [N, C·b², H/b, W/b]; output channel (by·b + bx)·C + c. */
export const SpaceToDepth: OpDef = {
  op: 'SpaceToDepth',
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attrs: { blocksize: { type: 'int', required: true } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    requireRank(ctx, x, 4);
    const b = attrInt(ctx.node, 'blocksize');
    const [n, c, h, w] = x.shape;
    if (b < 1 || h % b !== 0 || w % b !== 0) ctx.fail(`spatial dims ${h}×${w} are not multiples of blocksize ${b}`);
    return [{ dtype: x.dtype, shape: [n, c * b * b, h / b, w / b] }];
  },
  evalFloat(node, [x]) {
    const b = attrInt(node, 'blocksize');
    const [n, c, h, w] = x!.shape;
    const shape = [n, c * b * b, h / b, w / b];
    const idx = indexMap(shape, ([i, ch, y, xx]) => {
      const src = ch % c;
      const block = Math.floor(ch / c);
      return ((i * c + src) * h + y * b + Math.floor(block / b)) * w + xx * b + (block % b);
    });
    return [takeElements(x!, shape, idx)];
  },
};
