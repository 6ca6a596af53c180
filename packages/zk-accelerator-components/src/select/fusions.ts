import type { Graph, Node } from '@onnx-zk/tensor-ir';

/** A producer → consumer pair that select replaces by one fused op. */
export interface FusionPattern {
  name: string;
  first: string;
  second: string;
  fused: string;
}

export const fusions: FusionPattern[] = [
  { name: 'rescale-relu', first: 'Rescale', second: 'Relu', fused: 'RescaleRelu' },
  { name: 'rescale-clip', first: 'Rescale', second: 'Clip', fused: 'RescaleClip' },
];

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * Applies one pattern wherever `second` reads the output of `first` and is its only consumer
 * (and that output is not a graph output). The fused node takes the consumer's place and name,
 * the producer's inputs, the attributes of both (the producer's `shift`, the consumer's
 * `low`/`high`), the consumer's outputs, and both locations.
 */
export function applyFusion(graph: Graph, pattern: FusionPattern): number {
  const producer = new Map<string, Node>();
  const uses = new Map<string, number>();
  for (const node of graph.nodes) {
    for (const v of node.inputs) uses.set(v, (uses.get(v) ?? 0) + 1);
    if (node.op === pattern.first) producer.set(node.outputs[0], node);
  }
  const removed = new Set<Node>();
  graph.nodes = graph.nodes.map((node) => {
    const mid = node.inputs[0];
    const first = node.op === pattern.second ? producer.get(mid) : undefined;
    if (!first || uses.get(mid) !== 1 || graph.outputs.includes(mid)) return node;
    removed.add(first);
    graph.values.delete(mid);
    return {
      op: pattern.fused,
      name: node.name,
      inputs: [...first.inputs],
      outputs: [...node.outputs],
      attrs: { ...first.attrs, ...node.attrs },
      loc: union(first.loc, node.loc),
    };
  }).filter((node) => !removed.has(node));
  return removed.size;
}
