import { Graph, Tensor } from '../model';

/** A name no node and no value of the graph uses yet: `base`, else `base_1`, `base_2`, … */
export function freshNodeName(graph: Graph, base: string): string {
  const taken = (n: string) => graph.values.has(n) || graph.constants.has(n) || graph.nodes.some((node) => node.name === n);
  if (!taken(base)) return base;
  for (let i = 1; ; i++) if (!taken(`${base}_${i}`)) return `${base}_${i}`;
}

/** Adds a constant (with its ValueInfo) under a fresh name derived from `base`; returns the name. */
export function addConstant(graph: Graph, base: string, t: Tensor): string {
  const name = freshNodeName(graph, base);
  graph.constants.set(name, t);
  graph.values.set(name, { name, dtype: t.dtype, shape: [...t.shape] });
  return name;
}

export function isFloatTensor(t: Tensor): boolean {
  return t.dtype === 'float32' || t.dtype === 'float64';
}
