import { Graph } from '@onnx-zk/tensor-ir';

/**
 * Removes a Rescale whose result is only a graph output: the exact accumulator (at the higher
 * frac) becomes the output instead. That saves the rescale's range checks (about s + k
 * constraints per output element) and its rounding error; public outputs decode with their own
 * frac, so nothing downstream needs the default scale.
 */
export function elideOutputRescales(graph: Graph): void {
  const uses = new Map<string, number>();
  for (const node of graph.nodes) for (const i of node.inputs) uses.set(i, (uses.get(i) ?? 0) + 1);
  for (const output of graph.outputs) uses.set(output, (uses.get(output) ?? 0) + 1);
  for (const output of new Set(graph.outputs)) {
    const rescale = graph.nodes.find((n) => n.op === 'Rescale' && n.outputs[0] === output);
    if (!rescale || uses.get(output) !== 1) continue;
    const acc = rescale.inputs[0];
    const producer = graph.nodes.find((n) => n.outputs.includes(acc));
    if (!producer || uses.get(acc) !== 1 || graph.outputs.includes(acc)) continue;
    producer.outputs = producer.outputs.map((o) => (o === acc ? output : o));
    const info = graph.values.get(acc)!;
    graph.values.delete(acc);
    graph.values.set(output, { ...info, name: output });
    graph.nodes = graph.nodes.filter((n) => n !== rescale);
  }
}
