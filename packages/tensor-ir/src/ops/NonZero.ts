import { Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { ANY_TYPE, forEachIndex, inputOfType } from './helpers';
import { makeTensor } from '../tensor';

/**
 * ONNX NonZero: the coordinates of the non-zero elements, [rank, count] int64 in row-major order.
 * The count depends on the data, so the input must be a graph constant for a static shape.
 */
export const NonZero: OpDef = {
  op: 'NonZero',
  inputs: [{ name: 'X' }],
  outputs: [{ name: 'Y' }],
  attrs: {},
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    const c = ctx.constants[0];
    if (!c) ctx.fail('the output shape depends on the data: the input must be a graph constant (static shapes only)');
    return [{ dtype: 'int64', shape: [x.shape.length, nonZeroCoords(c).length] }];
  },
  evalFloat(_node, [x]) {
    const coords = nonZeroCoords(x!);
    const rank = x!.shape.length;
    const out = makeTensor('int64', [rank, coords.length]);
    coords.forEach((c, j) => c.forEach((v, d) => { (out.data as BigInt64Array)[d * coords.length + j] = BigInt(v); }));
    return [out];
  },
};

function nonZeroCoords(x: Tensor): number[][] {
  const coords: number[][] = [];
  forEachIndex(x.shape, (c, k) => {
    if (Number(x.data[k]) !== 0) coords.push([...c]);
  });
  return coords;
}
