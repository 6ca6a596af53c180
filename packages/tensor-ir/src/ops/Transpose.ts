import { Node } from '../model';
import { InferContext, OpDef } from './types';
import { ANY_TYPE, inputOfType, transposeTensor } from './helpers';

/** ONNX Transpose: output axis i is input axis perm[i] (default: axes reversed). */
export const Transpose: OpDef = {
  op: 'Transpose',
  inputs: [{ name: 'data' }],
  outputs: [{ name: 'transposed' }],
  attrs: { perm: { type: 'ints' } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    const perm = permOf(ctx.node, x.shape.length);
    const sorted = [...perm].sort((a, b) => a - b);
    if (perm.length !== x.shape.length || !sorted.every((p, i) => p === i)) {
      ctx.fail(`perm [${perm.join(',')}] is not a permutation of the ${x.shape.length} axes`);
    }
    return [{ dtype: x.dtype, shape: perm.map((p) => x.shape[p]) }];
  },
  evalFloat(node, [x]) {
    return [transposeTensor(x!, permOf(node, x!.shape.length))];
  },
};

function permOf(node: Node, rank: number): number[] {
  const a = node.attrs.perm;
  if (a && a.type === 'ints') return a.value;
  return Array.from({ length: rank }, (_, i) => rank - 1 - i);
}
