import type { Graph, Node } from '@onnx-zk/tensor-ir';

/** Puts one RangeCheck node per graph input at the front, so bad inputs are caught first. Its loc
 * is the input's name, which names the check's wires in circuit.sym. */
export function addRangeChecks(graph: Graph): void {
  const names = new Set(graph.nodes.map((n) => n.name));
  const checks: Node[] = graph.inputs.map((input) => {
    let name = `RangeCheck_${input}`;
    for (let i = 1; names.has(name); i++) name = `RangeCheck_${input}_${i}`;
    names.add(name);
    return { op: 'RangeCheck', name, inputs: [input], outputs: [], attrs: {}, loc: [input] };
  });
  graph.nodes = [...checks, ...graph.nodes];
}
