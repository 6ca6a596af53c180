import { itemCount, itemWires, System } from './system';

/** Free wires tied together by constraints or lookups, with those items (by item number). */
export interface Component {
  wires: number[];
  constraints: number[];
}

/**
 * Splits the items (constraints, then lookups) by the free wires they share (union–find): a second
 * witness can be sought in each part alone, so independent elements do not multiply the search.
 */
export function components(sys: System, isFree: (wire: number) => boolean): Component[] {
  const nWires = sys.r1cs.nWires;
  const parent = new Int32Array(nWires).map((_, i) => i);
  const find = (w: number): number => {
    while (parent[w] !== w) [w, parent[w]] = [parent[w], parent[parent[w]]];
    return w;
  };
  const wiresOf = Array.from({ length: itemCount(sys) }, (_, i) => itemWires(sys, i).filter(isFree));
  for (const ws of wiresOf) for (let i = 1; i < ws.length; i++) parent[find(ws[i])] = find(ws[0]);
  const byRoot = new Map<number, Component>();
  const get = (root: number): Component => {
    let comp = byRoot.get(root);
    if (!comp) byRoot.set(root, (comp = { wires: [], constraints: [] }));
    return comp;
  };
  for (let w = 0; w < nWires; w++) if (isFree(w)) get(find(w)).wires.push(w);
  wiresOf.forEach((ws, i) => { if (ws.length > 0) get(find(ws[0])).constraints.push(i); });
  return [...byRoot.values()];
}
