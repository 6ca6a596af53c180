import { InferContext, OpDef } from './types';
import { ANY_TYPE, evalFail, inputOfType, normalizeAxes } from './helpers';
import { makeTensor } from '../tensor';
import { axesOf } from './Squeeze';

/** ONNX Unsqueeze: inserts size-1 axes at the listed output positions. Axes: attr < 13, input ≥ 13. */
export const Unsqueeze: OpDef = {
  op: 'Unsqueeze',
  inputs: [{ name: 'data' }, { name: 'axes', optional: true }],
  outputs: [{ name: 'expanded' }],
  attrs: { axes: { type: 'ints' } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    if (ctx.inputs[1] && !ctx.constants[1]) ctx.fail('the axes input must be a graph constant (static shapes only)');
    const shape = unsqueezeShape(x.shape, axesOf(ctx.node, ctx.constants[1]));
    if (typeof shape === 'string') ctx.fail(shape);
    return [{ dtype: x.dtype, shape }];
  },
  evalFloat(node, [x, axes]) {
    const shape = unsqueezeShape(x!.shape, axesOf(node, axes));
    if (typeof shape === 'string') evalFail(node, shape);
    return [makeTensor(x!.dtype, shape, x!.data.slice())];
  },
};

function unsqueezeShape(shape: readonly number[], axes: number[] | undefined): number[] | string {
  if (axes === undefined) return 'Unsqueeze needs axes';
  const rank = shape.length + axes.length;
  const norm = normalizeAxes(axes, rank);
  if (!norm) return `axes [${axes.join(',')}] out of range for output rank ${rank}`;
  if (new Set(norm).size !== norm.length) return `axes [${axes.join(',')}] repeat an axis`;
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < rank; i++) out.push(norm.includes(i) ? 1 : shape[j++]);
  return out;
}
