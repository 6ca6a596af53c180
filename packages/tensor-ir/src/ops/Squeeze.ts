import { Node, Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { ANY_TYPE, evalFail, inputOfType, normalizeAxes } from './helpers';
import { makeTensor, tensorValues } from '../tensor';

/** ONNX Squeeze: drops the listed size-1 axes (all size-1 axes when none are given). Axes: attr < 13, input ≥ 13. */
export const Squeeze: OpDef = {
  op: 'Squeeze',
  inputs: [{ name: 'data' }, { name: 'axes', optional: true }],
  outputs: [{ name: 'squeezed' }],
  attrs: { axes: { type: 'ints' } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    if (ctx.inputs[1] && !ctx.constants[1]) ctx.fail('the axes input must be a graph constant (static shapes only)');
    const shape = squeezeShape(x.shape, axesOf(ctx.node, ctx.constants[1]));
    if (typeof shape === 'string') ctx.fail(shape);
    return [{ dtype: x.dtype, shape }];
  },
  evalFloat(node, [x, axes]) {
    const shape = squeezeShape(x!.shape, axesOf(node, axes));
    if (typeof shape === 'string') evalFail(node, shape);
    return [makeTensor(x!.dtype, shape, x!.data.slice())];
  },
};

/** Axes from the input (opset 13+) or the attribute (before), or undefined for "every size-1 axis". */
export function axesOf(node: Node, input: Tensor | undefined): number[] | undefined {
  if (input) return tensorValues(input);
  const a = node.attrs.axes;
  return a && a.type === 'ints' ? a.value : undefined;
}

function squeezeShape(shape: readonly number[], axes: number[] | undefined): number[] | string {
  if (axes === undefined) return shape.filter((d) => d !== 1);
  const norm = normalizeAxes(axes, shape.length);
  if (!norm) return `axes [${axes.join(',')}] out of range for rank ${shape.length}`;
  const bad = norm.find((a) => shape[a] !== 1);
  if (bad !== undefined) return `axis ${bad} has size ${shape[bad]}, not 1`;
  return shape.filter((_, i) => !norm.includes(i));
}
