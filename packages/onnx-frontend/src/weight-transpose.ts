import { Graph, Node } from '@onnx-zk/tensor-ir';

/** Weights at least this large (elements) are not transposed at import: 4 MiB of float32. */
export const WEIGHT_TRANSPOSE_MIN = 1 << 20;

/**
 * Import-time folding keeps a Transpose (perm [1, 0] or the default) of a large 2-D constant when
 * every reader is a MatMul taking it as B, as in GPT-2's tied LM head (MatMul(h, Transpose(wte))).
 * Folding it would allocate a transposed copy of the weight while the file's bytes and the decoded
 * weights are both still alive, the import's memory peak. The float interpreter reads the weight
 * transposed in place instead, and the standard pass pipeline (fold-constants) folds it later, so
 * the .tir a full run writes is unchanged.
 */
export function keepsWeightTranspose(node: Node, graph: Graph): boolean {
  if (node.op !== 'Transpose') return false;
  const w = graph.constants.get(node.inputs[0]);
  const perm = node.attrs.perm;
  if (!w || w.shape.length !== 2 || w.data.length < WEIGHT_TRANSPOSE_MIN) return false;
  if (perm && (perm.type !== 'ints' || perm.value[0] !== 1 || perm.value[1] !== 0)) return false;
  const out = node.outputs[0];
  if (graph.outputs.includes(out)) return false;
  const readers = graph.nodes.filter((n) => n.inputs.includes(out));
  return readers.length > 0 && readers.every((n) => n.op === 'MatMul' && n.inputs[1] === out && n.inputs[0] !== out);
}
