import { Graph, Node } from '../model';

/**
 * eliminate-dead-nodes: drops every node none of whose outputs reaches a graph output, then every
 * constant nothing reads (e.g. the initializers of a folded shape chain), with their value infos.
 */
export function eliminateDeadNodes(graph: Graph): void {
  const live = new Set(graph.outputs);
  const kept: Node[] = [];
  for (let i = graph.nodes.length - 1; i >= 0; i--) {
    const node = graph.nodes[i];
    if (!node.outputs.some((o) => o !== '' && live.has(o))) continue;
    kept.push(node);
    for (const input of node.inputs) if (input !== '') live.add(input);
  }
  const keptSet = new Set(kept);
  const removed = graph.nodes.filter((n) => !keptSet.has(n));
  graph.nodes = kept.reverse();
  for (const node of removed) for (const out of node.outputs) graph.values.delete(out);
  for (const name of [...graph.constants.keys()]) {
    if (live.has(name)) continue;
    graph.constants.delete(name);
    graph.values.delete(name);
  }
}
