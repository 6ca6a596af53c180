import type { R1CS } from '../r1cs/finalize';

/** Free wires tied together by constraints, with the constraints that mention them. */
export interface Component {
  wires: number[];
  constraints: number[];
}

/**
 * Splits the constraints by the free wires they share (union–find): a second witness can be
 * sought in each part alone, so independent elements do not multiply the search.
 */
export function components(r1cs: R1CS, isFree: (wire: number) => boolean): Component[] {
  const parent = new Int32Array(r1cs.nWires).map((_, i) => i);
  const find = (w: number): number => {
    while (parent[w] !== w) [w, parent[w]] = [parent[w], parent[parent[w]]];
    return w;
  };
  const freeOf = (ci: number): number[] => {
    const { a, b, c } = r1cs.constraints[ci];
    return [...new Set([...a.keys(), ...b.keys(), ...c.keys()])].filter(isFree);
  };
  const wiresOf = r1cs.constraints.map((_, ci) => freeOf(ci));
  for (const ws of wiresOf) for (let i = 1; i < ws.length; i++) parent[find(ws[i])] = find(ws[0]);
  const byRoot = new Map<number, Component>();
  const get = (root: number): Component => {
    let comp = byRoot.get(root);
    if (!comp) byRoot.set(root, (comp = { wires: [], constraints: [] }));
    return comp;
  };
  for (let w = 0; w < r1cs.nWires; w++) if (isFree(w)) get(find(w)).wires.push(w);
  wiresOf.forEach((ws, ci) => { if (ws.length > 0) get(find(ws[0])).constraints.push(ci); });
  return [...byRoot.values()];
}
