import { Node, Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { NUMERIC_TYPES, evalFail, inputOfType, normalizeAxis, scalarOf, takeElements } from './helpers';
import { attrInt } from '../attrs';
import { makeTensor } from '../tensor';

/**
 * ONNX TopK: the k largest (or smallest) elements along `axis` and their indices; equal values keep
 * the lower index first. k is an attribute before opset 10 and a constant input after.
 */
export const TopK: OpDef = {
  op: 'TopK',
  inputs: [{ name: 'X' }, { name: 'K', optional: true }],
  outputs: [{ name: 'Values' }, { name: 'Indices' }],
  attrs: { axis: { type: 'int', default: -1 }, k: { type: 'int' }, largest: { type: 'int', default: 1 }, sorted: { type: 'int', default: 1 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, NUMERIC_TYPES);
    const axis = normalizeAxis(ctx, attrInt(ctx.node, 'axis'), x.shape.length);
    if (ctx.inputs[1] && !ctx.constants[1]) ctx.fail('the K input must be a graph constant (static shapes only)');
    const k = kOf(ctx.node, ctx.constants[1]);
    if (k === undefined || k < 0 || k > x.shape[axis]) ctx.fail(`k = ${k} does not fit axis ${axis} of size ${x.shape[axis]}`);
    const shape = x.shape.map((d, i) => (i === axis ? k : d));
    return [{ dtype: x.dtype, shape }, { dtype: 'int64', shape: [...shape] }];
  },
  evalFloat(node, [x, kT]) {
    const rank = x!.shape.length;
    const a = attrInt(node, 'axis');
    const axis = a < 0 ? a + rank : a;
    const k = kOf(node, kT) ?? evalFail(node, 'TopK needs k');
    return topK(x!, axis, k, attrInt(node, 'largest') !== 0);
  },
};

function kOf(node: Node, input: Tensor | undefined): number | undefined {
  if (input) return scalarOf(input);
  return node.attrs.k ? attrInt(node, 'k') : undefined;
}

function topK(x: Tensor, axis: number, k: number, largest: boolean): Tensor[] {
  const dim = x.shape[axis];
  const inner = x.shape.slice(axis + 1).reduce((p, q) => p * q, 1);
  const outer = x.shape.slice(0, axis).reduce((p, q) => p * q, 1);
  const shape = x.shape.map((d, i) => (i === axis ? k : d));
  const src = new Int32Array(outer * k * inner);
  const indices = makeTensor('int64', shape);
  const order = Array.from({ length: dim }, (_, i) => i);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const at = (i: number) => Number(x.data[(o * dim + i) * inner + j]);
      const sorted = [...order].sort((p, q) => (at(p) === at(q) ? p - q : largest ? at(q) - at(p) : at(p) - at(q)));
      for (let r = 0; r < k; r++) {
        src[(o * k + r) * inner + j] = (o * dim + sorted[r]) * inner + j;
        (indices.data as BigInt64Array)[(o * k + r) * inner + j] = BigInt(sorted[r]);
      }
    }
  }
  return [takeElements(x, shape, src), indices];
}
