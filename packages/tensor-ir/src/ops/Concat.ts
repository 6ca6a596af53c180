import { InferContext, OpDef } from './types';
import { ANY_TYPE, evalFail, inputOfType, sameDType } from './helpers';
import { attrInt } from '../attrs';
import { Tensor } from '../model';
import { makeTensor, stridesOf } from '../tensor';

/** ONNX Concat: joins tensors of one rank along `axis`; every other dimension must agree. */
export const Concat: OpDef = {
  op: 'Concat',
  inputs: [{ name: 'inputs', variadic: true }],
  outputs: [{ name: 'concat_result' }],
  attrs: { axis: { type: 'int', required: true } },
  infer(ctx: InferContext) {
    const xs = ctx.node.inputs.map((_, i) => inputOfType(ctx, i, ANY_TYPE));
    xs.forEach((v) => sameDType(ctx, xs[0], v));
    const shape = concatShape(xs.map((v) => v.shape), attrInt(ctx.node, 'axis'));
    if (typeof shape === 'string') ctx.fail(shape);
    return [{ dtype: xs[0].dtype, shape: shape.shape }];
  },
  evalFloat(node, inputs) {
    const xs = inputs as Tensor[];
    const r = concatShape(xs.map((t) => t.shape), attrInt(node, 'axis'));
    if (typeof r === 'string') return evalFail(node, r);
    return [concatTensors(xs, r.axis, r.shape)];
  },
};

function concatShape(shapes: number[][], axisAttr: number): { shape: number[]; axis: number } | string {
  const rank = shapes[0].length;
  const axis = axisAttr < 0 ? axisAttr + rank : axisAttr;
  if (axis < 0 || axis >= rank) return `axis ${axisAttr} is out of range for rank ${rank}`;
  const out = [...shapes[0]];
  for (const s of shapes.slice(1)) {
    if (s.length !== rank || s.some((d, i) => i !== axis && d !== out[i])) {
      return `shapes [${shapes.map((x) => x.join(',')).join('] [')}] differ outside axis ${axis}`;
    }
    out[axis] += s[axis];
  }
  return { shape: out, axis };
}

function concatTensors(xs: Tensor[], axis: number, shape: number[]): Tensor {
  const out = makeTensor(xs[0].dtype, shape);
  const dst = out.data as unknown as { [i: number]: number | bigint };
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const outRow = stridesOf(shape)[axis] * shape[axis];
  let offset = 0;
  for (const x of xs) {
    const row = x.shape.slice(axis).reduce((a, b) => a * b, 1);
    const src = x.data as unknown as { [i: number]: number | bigint };
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < row; j++) dst[o * outRow + offset + j] = src[o * row + j];
    }
    offset += row;
  }
  return out;
}

