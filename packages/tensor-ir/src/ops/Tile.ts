import { InferContext, OpDef } from './types';
import { ANY_TYPE, constInts, evalFail, flatIndex, indexMap, inputOfType, takeElements } from './helpers';
import { stridesOf, tensorValues } from '../tensor';

/** ONNX Tile: repeats the input `repeats[i]` times along axis i. */
export const Tile: OpDef = {
  op: 'Tile',
  inputs: [{ name: 'input' }, { name: 'repeats' }],
  outputs: [{ name: 'output' }],
  attrs: {},
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    inputOfType(ctx, 1, ['int64']);
    const reps = constInts(ctx, 1, 'repeats');
    if (reps.length !== x.shape.length || reps.some((r) => r < 0)) ctx.fail(`repeats [${reps.join(',')}] do not fit rank ${x.shape.length}`);
    return [{ dtype: x.dtype, shape: x.shape.map((d, i) => d * reps[i]) }];
  },
  evalFloat(node, [x, r]) {
    const reps = tensorValues(r!);
    if (reps.length !== x!.shape.length) return evalFail(node, `repeats [${reps.join(',')}] do not fit rank ${x!.shape.length}`);
    const shape = x!.shape.map((d, i) => d * reps[i]);
    const strides = stridesOf(x!.shape);
    const src = new Array<number>(shape.length);
    const idx = indexMap(shape, (c) => {
      for (let d = 0; d < c.length; d++) src[d] = c[d] % x!.shape[d];
      return flatIndex(src, strides);
    });
    return [takeElements(x!, shape, idx)];
  },
};
