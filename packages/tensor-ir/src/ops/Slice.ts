import { Node, Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { ANY_TYPE, evalFail, flatIndex, indexMap, inputOfType, normalizeAxes, takeElements } from './helpers';
import { stridesOf, tensorValues } from '../tensor';

interface SliceArgs { starts: number[]; ends: number[]; axes?: number[]; steps?: number[] }
interface AxisSlice { start: number; step: number; size: number }

/**
 * ONNX Slice: starts/ends/axes are attributes before opset 10 and inputs (with steps) from 10.
 * Negative indices count from the end; out-of-range bounds clamp; negative steps walk backwards.
 */
export const Slice: OpDef = {
  op: 'Slice',
  inputs: [{ name: 'data' }, { name: 'starts', optional: true }, { name: 'ends', optional: true }, { name: 'axes', optional: true }, { name: 'steps', optional: true }],
  outputs: [{ name: 'output' }],
  attrs: { starts: { type: 'ints' }, ends: { type: 'ints' }, axes: { type: 'ints' } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    for (let i = 1; i < ctx.node.inputs.length; i++) {
      if (ctx.inputs[i] && !ctx.constants[i]) ctx.fail(`input ${i} must be a graph constant (static shapes only)`);
    }
    const plan = slicePlan(x.shape, sliceArgs(ctx.node, ctx.constants));
    if (typeof plan === 'string') ctx.fail(plan);
    return [{ dtype: x.dtype, shape: plan.map((a) => a.size) }];
  },
  evalFloat(node, inputs) {
    const x = inputs[0]!;
    const plan = slicePlan(x.shape, sliceArgs(node, inputs));
    if (typeof plan === 'string') return evalFail(node, plan);
    const strides = stridesOf(x.shape);
    const shape = plan.map((a) => a.size);
    const coord = new Array<number>(shape.length);
    const idx = indexMap(shape, (c) => {
      for (let d = 0; d < c.length; d++) coord[d] = plan[d].start + c[d] * plan[d].step;
      return flatIndex(coord, strides);
    });
    return [takeElements(x, shape, idx)];
  },
};

function sliceArgs(node: Node, inputs: (Tensor | undefined)[]): SliceArgs | string {
  const ints = (name: string) => {
    const a = node.attrs[name];
    return a && a.type === 'ints' ? a.value : undefined;
  };
  if (node.inputs.length === 1) {
    const starts = ints('starts');
    const ends = ints('ends');
    if (!starts || !ends) return 'Slice needs starts and ends';
    return { starts, ends, axes: ints('axes') };
  }
  const v = (i: number) => (inputs[i] ? tensorValues(inputs[i]!) : undefined);
  if (!inputs[1] || !inputs[2]) return 'Slice needs starts and ends inputs';
  return { starts: v(1)!, ends: v(2)!, axes: v(3), steps: v(4) };
}

function slicePlan(shape: number[], args: SliceArgs | string): AxisSlice[] | string {
  if (typeof args === 'string') return args;
  const rank = shape.length;
  const n = args.starts.length;
  const axesRaw = args.axes ?? Array.from({ length: n }, (_, i) => i);
  const axes = normalizeAxes(axesRaw, rank);
  const steps = args.steps ?? new Array<number>(n).fill(1);
  if (!axes || args.ends.length !== n || axes.length !== n || steps.length !== n) {
    return `starts [${args.starts}], ends [${args.ends}], axes [${axesRaw}], steps [${steps}] do not fit rank ${rank}`;
  }
  const plan: AxisSlice[] = shape.map((d) => ({ start: 0, step: 1, size: d }));
  for (let i = 0; i < n; i++) {
    const dim = shape[axes[i]];
    const step = steps[i];
    if (step === 0) return 'a step of 0 is invalid';
    let start = args.starts[i] < 0 ? args.starts[i] + dim : args.starts[i];
    let end = args.ends[i] < 0 ? args.ends[i] + dim : args.ends[i];
    if (step > 0) {
      start = Math.min(Math.max(start, 0), dim);
      end = Math.min(Math.max(end, 0), dim);
    } else {
      start = Math.min(Math.max(start, 0), dim - 1);
      end = Math.min(Math.max(end, -1), dim - 1);
    }
    plan[axes[i]] = { start, step, size: Math.max(0, Math.ceil((end - start) / step)) };
  }
  return plan;
}
