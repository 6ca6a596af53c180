import { Node, Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { ANY_TYPE, evalFail, inputOfType } from './helpers';
import { attrInt } from '../attrs';
import { makeTensor, tensorValues } from '../tensor';

/** Split has as many outputs as the node lists; the table allows up to this many. */
const MAX_OUTPUTS = 256;

/**
 * ONNX Split along `axis`: sizes from the `split` attribute (< 13) or input (≥ 13); otherwise
 * num_outputs (18+, last chunk smaller) or equal parts, one per node output.
 */
export const Split: OpDef = {
  op: 'Split',
  inputs: [{ name: 'input' }, { name: 'split', optional: true }],
  outputs: Array.from({ length: MAX_OUTPUTS }, (_, i) => ({ name: `outputs_${i}`, optional: i > 0 })),
  attrs: { axis: { type: 'int', default: 0 }, split: { type: 'ints' }, num_outputs: { type: 'int' } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    if (ctx.inputs[1] && !ctx.constants[1]) ctx.fail('the split input must be a graph constant (static shapes only)');
    const plan = splitPlan(ctx.node, x.shape, ctx.constants[1]);
    if (typeof plan === 'string') ctx.fail(plan);
    return plan.sizes.map((s) => ({ dtype: x.dtype, shape: x.shape.map((d, i) => (i === plan.axis ? s : d)) }));
  },
  evalFloat(node, [x, split]) {
    const plan = splitPlan(node, x!.shape, split);
    if (typeof plan === 'string') return evalFail(node, plan);
    return splitTensor(x!, plan.axis, plan.sizes);
  },
};

function splitPlan(node: Node, shape: number[], input: Tensor | undefined): { axis: number; sizes: number[] } | string {
  const rank = shape.length;
  const a = attrInt(node, 'axis');
  const axis = a < 0 ? a + rank : a;
  if (axis < 0 || axis >= rank) return `axis ${a} is out of range for rank ${rank}`;
  const dim = shape[axis];
  const n = node.outputs.length;
  const attr = node.attrs.split;
  let sizes: number[];
  if (input) sizes = tensorValues(input);
  else if (attr && attr.type === 'ints') sizes = attr.value;
  else if (node.attrs.num_outputs) {
    const k = attrInt(node, 'num_outputs');
    const chunk = Math.ceil(dim / k);
    sizes = Array.from({ length: k }, (_, i) => Math.max(0, Math.min(chunk, dim - i * chunk)));
  } else {
    if (dim % n !== 0) return `dimension ${dim} of axis ${axis} does not split evenly into ${n} outputs`;
    sizes = new Array<number>(n).fill(dim / n);
  }
  if (sizes.length !== n) return `${sizes.length} split sizes for ${n} outputs`;
  if (sizes.some((s) => s < 0) || sizes.reduce((p, q) => p + q, 0) !== dim) {
    return `split sizes [${sizes.join(',')}] do not add up to dimension ${dim} of axis ${axis}`;
  }
  return { axis, sizes };
}

function splitTensor(x: Tensor, axis: number, sizes: number[]): Tensor[] {
  const outer = x.shape.slice(0, axis).reduce((p, q) => p * q, 1);
  const inner = x.shape.slice(axis + 1).reduce((p, q) => p * q, 1);
  const row = x.shape[axis] * inner;
  let start = 0;
  return sizes.map((s) => {
    const out = makeTensor(x.dtype, x.shape.map((d, i) => (i === axis ? s : d)));
    const len = s * inner;
    for (let o = 0; o < outer; o++) {
      const from = o * row + start * inner;
      (out.data as Float32Array).set((x.data as Float32Array).subarray(from, from + len), o * len);
    }
    start += s;
    return out;
  });
}
