import { Node, Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, ResizeKernel, evalFail, floatData, floatTensor, inputOfType, resizeAxis } from './helpers';
import { attrString } from '../attrs';
import { tensorValues } from '../tensor';

/** ONNX Upsample (opsets 7–9, later Resize): floor(dim · scale) per axis, asymmetric coordinates, nearest (floor) or linear. */
export const Upsample: OpDef = {
  op: 'Upsample',
  inputs: [{ name: 'X' }, { name: 'scales', optional: true }],
  outputs: [{ name: 'Y' }],
  attrs: { mode: { type: 'string', default: 'nearest' }, scales: { type: 'floats' } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    if (ctx.inputs[1] && !ctx.constants[1]) ctx.fail('the scales input must be a graph constant (static shapes only)');
    const scales = scalesOf(ctx.node, ctx.constants[1]);
    if (!scales || scales.length !== x.shape.length || scales.some((s) => !(s >= 1))) ctx.fail('scales must give one value ≥ 1 per axis');
    return [{ dtype: x.dtype, shape: x.shape.map((d, i) => Math.floor(d * scales[i])) }];
  },
  evalFloat(node, [x, s]) {
    const scales = scalesOf(node, s) ?? evalFail(node, 'Upsample needs scales');
    const mode = attrString(node, 'mode');
    const k: ResizeKernel = { mode: mode === 'bilinear' ? 'linear' : mode, coordMode: 'asymmetric', nearestMode: 'floor', cubicA: -0.75, excludeOutside: false, antialias: false, extrapolation: 0 };
    let data = floatData(x!);
    const shape = [...x!.shape];
    scales.forEach((scale, axis) => {
      const outLen = Math.floor(shape[axis] * scale);
      data = resizeAxis(data, shape, axis, { inLen: shape[axis], outLen, scale, roiStart: 0, roiEnd: 1 }, k);
      shape[axis] = outLen;
    });
    return [floatTensor(x!.dtype, shape, data)];
  },
};

function scalesOf(node: Node, input: Tensor | undefined): number[] | undefined {
  if (input) return tensorValues(input);
  const a = node.attrs.scales;
  return a && a.type === 'floats' ? a.value : undefined;
}
