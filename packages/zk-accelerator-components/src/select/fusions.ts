import type { Graph, Node } from '@onnx-zk/tensor-ir';

/** A producer → consumer pair that select replaces by one fused op. */
export interface FusionPattern {
  name: string;
  first: string;
  second: string;
  fused: string;
  /**
   * The fused op can also hand out the producer's output, as its optional second output: then the
   * pattern fires even when that value has other readers or is a graph output, and it stays a value.
   */
  keepFirstOutput?: boolean;
}

export const fusions: FusionPattern[] = [
  { name: 'rescale-relu', first: 'Rescale', second: 'Relu', fused: 'RescaleRelu' },
  { name: 'rescale-clip', first: 'Rescale', second: 'Clip', fused: 'RescaleClip', keepFirstOutput: true },
];

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * Applies one pattern wherever `second` reads the output of `first`. The fused node takes the
 * consumer's name, the producer's inputs, the attributes of both (the producer's `shift`, the
 * consumer's `low`/`high`), the consumer's outputs, and both locations.
 *
 * Without `keepFirstOutput` the consumer must be the only reader of that output, which must not be
 * a graph output; the fused node takes the consumer's place. With it, the first consumer in node
 * order fuses whatever else reads the value (further consumers of the pattern stay as they are);
 * the fused node takes the producer's place, since the other readers may come before the
 * consumer, and its second output is the producer's output when something else needs it (another
 * reader or the graph's outputs), else absent ('') and the value goes.
 */
export function applyFusion(graph: Graph, pattern: FusionPattern): number {
  const producer = new Map<string, Node>();
  const uses = new Map<string, number>();
  for (const node of graph.nodes) {
    for (const v of node.inputs) uses.set(v, (uses.get(v) ?? 0) + 1);
    if (node.op === pattern.first) producer.set(node.outputs[0], node);
  }
  // What takes each replaced node's place: the fused node, or nothing.
  const replaced = new Map<Node, Node | undefined>();
  let count = 0;
  for (const node of graph.nodes) {
    const mid = node.inputs[0];
    const first = node.op === pattern.second ? producer.get(mid) : undefined;
    if (!first || replaced.has(first)) continue;
    const othersNeedIt = uses.get(mid) !== 1 || graph.outputs.includes(mid);
    if (othersNeedIt && !pattern.keepFirstOutput) continue;
    const fused: Node = {
      op: pattern.fused,
      name: node.name,
      inputs: [...first.inputs],
      outputs: pattern.keepFirstOutput ? [...node.outputs, othersNeedIt ? mid : ''] : [...node.outputs],
      attrs: { ...first.attrs, ...node.attrs },
      loc: union(first.loc, node.loc),
    };
    const [place, drop] = pattern.keepFirstOutput ? [first, node] : [node, first];
    replaced.set(place, fused);
    replaced.set(drop, undefined);
    if (!othersNeedIt) graph.values.delete(mid);
    count++;
  }
  graph.nodes = graph.nodes.flatMap((node) => {
    if (!replaced.has(node)) return [node];
    const by = replaced.get(node);
    return by ? [by] : [];
  });
  return count;
}
