import type { Graph, Node } from '@onnx-zk/tensor-ir';

/** Ops whose gadget copies each input element into many output combinations. */
const WIDE_READERS = new Set(['ConvLinear', 'Linear', 'SparseLinear']);
const MOVERS = new Set(['Reshape', 'IndexMap']);

/**
 * A SparseLinear's outputs are linear combinations of its inputs' combinations; read by a
 * convolution or a dense layer, each would be copied, with all its terms, into every output that
 * reads it (mnist_gan's ELU → ConvTranspose: ~16,000 terms per output, tens of GB). Such
 * SparseLinears take the `wire` strategy: one constraint per output, after which each read costs
 * one term. An explicit `--strategy sparse_linear=…` still wins (bind runs after this).
 */
export function wireWideReads(graph: Graph): void {
  const readers = new Map<string, Node[]>();
  for (const node of graph.nodes) for (const v of node.inputs) readers.set(v, [...(readers.get(v) ?? []), node]);
  // Reshape and IndexMap only move signals: look through them to the real readers.
  const readWide = (value: string, seen = new Set<string>()): boolean => (readers.get(value) ?? []).some((r) =>
    WIDE_READERS.has(r.op) || (MOVERS.has(r.op) && !seen.has(r.outputs[0]) && readWide(r.outputs[0], seen.add(r.outputs[0]))));
  for (const node of graph.nodes) {
    if (node.op !== 'SparseLinear' || node.attrs.strategy !== undefined) continue;
    if (readWide(node.outputs[0])) node.attrs.strategy = { type: 'string', value: 'wire' };
  }
}
