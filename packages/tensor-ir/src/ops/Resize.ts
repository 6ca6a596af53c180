import { Node, Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, ResizeAxis, ResizeKernel, evalFail, floatData, floatTensor, inputOfType, normalizeAxes, resizeAxis } from './helpers';
import { attrFloat, attrInt, attrString } from '../attrs';
import { tensorValues } from '../tensor';

/**
 * ONNX Resize (opset 10: X, scales; 11+: X, roi, scales, sizes; 18+: axes, antialias,
 * keep_aspect_ratio_policy): nearest, linear and cubic interpolation with every coordinate
 * transformation mode. Opset 10 uses asymmetric coordinates and ORT's "simple" nearest rounding.
 */
export const Resize: OpDef = {
  op: 'Resize',
  inputs: [{ name: 'X' }, { name: 'roi', optional: true }, { name: 'scales', optional: true }, { name: 'sizes', optional: true }],
  outputs: [{ name: 'Y' }],
  attrs: {
    antialias: { type: 'int', default: 0 },
    axes: { type: 'ints' },
    coordinate_transformation_mode: { type: 'string', default: 'half_pixel' },
    cubic_coeff_a: { type: 'float', default: -0.75 },
    exclude_outside: { type: 'int', default: 0 },
    extrapolation_value: { type: 'float', default: 0 },
    keep_aspect_ratio_policy: { type: 'string', default: 'stretch' },
    mode: { type: 'string', default: 'nearest' },
    nearest_mode: { type: 'string', default: 'round_prefer_floor' },
  },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    for (let i = 1; i < ctx.node.inputs.length; i++) {
      if (ctx.inputs[i] && !ctx.constants[i] && ctx.inputs[i]!.shape.some((d) => d > 0)) ctx.fail(`input ${i} must be a graph constant (static shapes only)`);
    }
    const plan = resizePlan(ctx.node, x.shape, ctx.constants, ctx.opset);
    if (typeof plan === 'string') ctx.fail(plan);
    return [{ dtype: x.dtype, shape: plan.map((a) => a.outLen) }];
  },
  evalFloat(node, inputs, opset) {
    const x = inputs[0]!;
    const plan = resizePlan(node, x.shape, inputs, opset);
    if (typeof plan === 'string') return evalFail(node, plan);
    const k = kernelOf(node, opset);
    let data = floatData(x);
    const shape = [...x.shape];
    plan.forEach((a, axis) => {
      if (a.inLen === a.outLen && a.scale === 1 && k.coordMode !== 'tf_crop_and_resize') return;
      data = resizeAxis(data, shape, axis, a, k);
      shape[axis] = a.outLen;
    });
    return [floatTensor(x.dtype, shape, data)];
  },
};

function kernelOf(node: Node, opset: number): ResizeKernel {
  return {
    mode: attrString(node, 'mode'),
    coordMode: opset < 11 ? 'asymmetric' : attrString(node, 'coordinate_transformation_mode'),
    nearestMode: opset < 11 ? 'simple' : attrString(node, 'nearest_mode'),
    cubicA: attrFloat(node, 'cubic_coeff_a'),
    excludeOutside: attrInt(node, 'exclude_outside') !== 0,
    antialias: attrInt(node, 'antialias') !== 0,
    extrapolation: attrFloat(node, 'extrapolation_value'),
  };
}

/** Per-axis input/output length, scale and roi; or why the inputs do not fit. */
function resizePlan(node: Node, shape: number[], inputs: (Tensor | undefined)[], opset: number): ResizeAxis[] | string {
  const rank = shape.length;
  const given = (t: Tensor | undefined) => (t && t.data.length > 0 ? tensorValues(t) : undefined);
  const [roi, scales, sizes] = opset < 11 ? [undefined, given(inputs[1]), undefined] : [given(inputs[1]), given(inputs[2]), given(inputs[3])];
  const axesRaw = node.attrs.axes?.type === 'ints' ? (node.attrs.axes.value as number[]) : Array.from({ length: rank }, (_, i) => i);
  const axes = normalizeAxes(axesRaw, rank);
  if (!axes) return `axes [${axesRaw.join(',')}] out of range for rank ${rank}`;
  if ((scales === undefined) === (sizes === undefined)) return 'exactly one of scales and sizes must be given';
  const per = (scales ?? sizes)!;
  if (per.length !== axes.length) return `${per.length} scales/sizes for ${axes.length} axes`;
  const plan: ResizeAxis[] = shape.map((d) => ({ inLen: d, outLen: d, scale: 1, roiStart: 0, roiEnd: 1 }));
  const policy = attrString(node, 'keep_aspect_ratio_policy');
  const ratios = axes.map((ax, i) => (scales ? scales[i] : sizes![i] / shape[ax]));
  const common = policy === 'not_larger' ? Math.min(...ratios) : policy === 'not_smaller' ? Math.max(...ratios) : undefined;
  axes.forEach((ax, i) => {
    const p = plan[ax];
    if (scales) { p.scale = scales[i]; p.outLen = Math.floor(shape[ax] * scales[i]); }
    else if (common !== undefined) { p.scale = common; p.outLen = Math.round(common * shape[ax]); }
    else { p.outLen = sizes![i]; p.scale = sizes![i] / shape[ax]; }
    if (roi && roi.length === 2 * axes.length) { p.roiStart = roi[i]; p.roiEnd = roi[axes.length + i]; }
    else if (roi && roi.length === 2 * rank) { p.roiStart = roi[ax]; p.roiEnd = roi[rank + ax]; }
  });
  if (plan.some((p) => !(p.scale > 0) || p.outLen < 0)) return 'scales must be positive';
  return plan;
}
