import { OpDef } from './types';
import { ANY_TYPE, inputOfType, broadcastShapes, sameDType, zipMany } from './helpers';

/** ONNX Where: condition ? X : Y elementwise, all three broadcast together. */
export const Where: OpDef = {
  op: 'Where',
  inputs: [{ name: 'condition' }, { name: 'X' }, { name: 'Y' }],
  outputs: [{ name: 'output' }],
  attrs: {},
  infer(ctx) {
    const c = inputOfType(ctx, 0, ['bool']);
    const x = inputOfType(ctx, 1, ANY_TYPE);
    const y = inputOfType(ctx, 2, ANY_TYPE);
    sameDType(ctx, x, y);
    const shape = broadcastShapes(c.shape, x.shape, y.shape) ?? ctx.fail(`shapes [${c.shape.join(',')}], [${x.shape.join(',')}], [${y.shape.join(',')}] do not broadcast`);
    return [{ dtype: x.dtype, shape }];
  },
  evalFloat: (node, [c, x, y]) => [zipMany(node.op, [c!, x!, y!], ([k, a, b]) => (k ? a : b), x!.dtype)],
};
