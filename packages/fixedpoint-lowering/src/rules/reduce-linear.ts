import { Node, assert, makeTensor, numel, onnxOps, raise, reduceAxes, reduceGroups, sameShape } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { FixedValue, LowerContext } from '../lower/context';
import { emitSparseLinear, Tap } from '../lower/emit-sparse-linear';
import { Rule } from './types';

/** The opset from which each op takes its axes as the second input instead of the attribute. */
const AXES_INPUT_SINCE: Record<string, number> = { ReduceMean: 18, ReduceSum: 13 };

/**
 * ReduceMean and ReduceSum (DESIGN.md's linear class): y[o] = c·Σ x[i] over the elements i that
 * reduce into o, with c = 1 (ReduceSum) or 1/count (ReduceMean), as one SparseLinear. Integer
 * coefficients (ReduceSum, a mean over one element, noop_with_empty_axes) are quantized at frac 0,
 * so no Rescale follows; 1/count is quantized at f and rescaled. The taps come from the axes
 * directly (O(n), where probing the float op would cost n evaluations of it) and are checked
 * against one run of the op's own float semantics, which also fixes the output shape.
 */
function lowerReduce(node: Node, ctx: LowerContext, mean: boolean): void {
  const site = ctx.siteOf(node);
  const x = ctx.value(node.inputs[0], site);
  const axes = reducedAxes(node, ctx, x.shape.length);
  const groups = axes === null ? Array.from({ length: numel(x.shape) }, (_, i) => [i]) : reduceGroups(x.shape, axes);
  const count = axes === null ? 1 : axes.reduce((p, a) => p * x.shape[a], 1);
  if (mean && count === 0) raise(Errors.UNSUPPORTED_FORM, site, `the mean over an empty set (axes of size 0 in [${x.shape.join(',')}]) is NaN`);
  const coef = mean ? 1 / count : 1;
  const taps = groups.map((g) => g.map((i): Tap => ({ i, w: coef })));
  const shape = checkedShape(node, ctx, x, taps);
  emitSparseLinear(ctx, node, x, taps, shape, { coefFrac: Number.isInteger(coef) ? 0 : ctx.frac });
}

/**
 * The axes the node reduces (tensor-ir's reduceAxes: the attribute before the op's input opset,
 * the second input from it), or null for noop_with_empty_axes; a computed axes input is FP009.
 */
function reducedAxes(node: Node, ctx: LowerContext, rank: number): number[] | null {
  const site = ctx.siteOf(node);
  const name = ctx.source.opset >= AXES_INPUT_SINCE[node.op] ? node.inputs[1] ?? '' : '';
  const c = name === '' ? undefined : ctx.constant(name);
  if (name !== '' && !c) raise(Errors.UNSUPPORTED_FORM, site, `the axes input '${name}' is computed: it must be a constant`);
  const axes = reduceAxes(node, rank, ctx.source.opset, AXES_INPUT_SINCE[node.op], c);
  return typeof axes === 'string' ? raise(Errors.UNSUPPORTED_FORM, site, axes) : axes;
}

/**
 * Runs the op's own float semantics once on a fixed non-trivial x and checks that the taps give the
 * same result (a linear map that agrees on such an x agrees with the taps derived here, barring
 * a bug); returns the output shape, which must be the float graph's.
 */
function checkedShape(node: Node, ctx: LowerContext, x: FixedValue, taps: Tap[][]): number[] {
  const n = numel(x.shape);
  const probe = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 1013) / 1013 - 0.5);
  const rest = node.inputs.slice(1).map((name) => (name === '' ? undefined : ctx.constant(name)));
  const y = onnxOps[node.op].evalFloat!(node, [makeTensor('float64', x.shape, probe), ...rest], ctx.source.opset)[0];
  const shape = [...y.shape];
  assert(sameShape(shape, ctx.shapeOf(node.outputs[0])) && numel(shape) === taps.length, `${node.op} ${node.name}: the float op's output shape [${shape.join(',')}] is not the reduction's`);
  const values = y.data as ArrayLike<number>;
  taps.forEach((t, o) => {
    const sum = t.reduce((s, { i, w }) => s + w * probe[i], 0);
    const scale = t.reduce((s, { i, w }) => s + Math.abs(w * probe[i]), 1);
    assert(Math.abs(sum - values[o]) <= 1e-9 * scale, `${node.op} ${node.name}: output ${o} is ${values[o]} in the float op, ${sum} from the derived taps`);
  });
  return shape;
}

/** ReduceMean: 1/count quantized at f, then Rescale (axes: attribute before opset 18, input from it). */
export const ReduceMean: Rule = { via: ['SparseLinear'], lower: (node, ctx) => lowerReduce(node, ctx, true) };
/** ReduceSum: integer coefficients, no Rescale (axes: attribute before opset 13, input from it). */
export const ReduceSum: Rule = { via: ['SparseLinear'], lower: (node, ctx) => lowerReduce(node, ctx, false) };
