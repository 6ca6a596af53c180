import type { Component } from './components';
import { guesses, mutations, randomValue } from './mutations';
import { seeded } from './random';
import { depthFirst, freshState, SearchState } from './search';
import { Solver } from './solver';
import type { System } from './system';

export interface AttackBudget {
  /** Nodes of the first, complete search (exhaustive when no branch guesses). */
  exhaustiveNodes: number;
  /** Nodes of each search started from one mutated wire or from random values. */
  probeNodes: number;
  randomProbes: number;
  deadline: number;
  seed: number;
}

export interface AttackResult {
  /** Every completion was enumerated: no second witness exists in this component. */
  proven: boolean;
  candidates: number;
  found?: (bigint | undefined)[];
}

type IsCounter = (vals: (bigint | undefined)[]) => boolean;

/**
 * Looks for a second witness in one component: a complete search first; if it had to guess or
 * ran out of budget, targeted mutations of each wire (targets first), then seeded random probes.
 */
export function attackComponent(sys: System, comp: Component, targets: number[], isCounter: IsCounter, budget: AttackBudget, split: boolean): AttackResult {
  const { r1cs } = sys;
  const s = new Solver(sys, comp);
  const honest = (w: number) => guesses(r1cs.witness[w]);
  const full = freshState();
  depthFirst(s, { maxNodes: budget.exhaustiveNodes, deadline: budget.deadline, split }, honest, isCounter, full);
  let candidates = full.nodes;
  if (full.found) return { proven: false, candidates, found: full.found };
  if (!full.guessed && !full.cut) return { proven: true, candidates };

  const probe = (wire: number, value: bigint, guess: (w: number) => bigint[]): SearchState => {
    s.reset();
    s.assign(wire, value);
    const st = freshState();
    depthFirst(s, { maxNodes: budget.probeNodes, deadline: budget.deadline, split }, guess, isCounter, st);
    candidates += st.nodes;
    return st;
  };
  const order = [...targets.filter((w) => comp.wires.includes(w)), ...comp.wires.filter((w) => !targets.includes(w))];
  for (const wire of order) {
    for (const m of mutations(r1cs.witness[wire])) {
      if (Date.now() > budget.deadline) return { proven: false, candidates };
      const st = probe(wire, m, honest);
      if (st.found) return { proven: false, candidates, found: st.found };
    }
  }
  const next = seeded(budget.seed);
  const randomGuess = (w: number) => [randomValue(next, r1cs.witness[w]), r1cs.witness[w]];
  for (let i = 0; i < budget.randomProbes && Date.now() <= budget.deadline; i++) {
    const wire = comp.wires[Math.floor(next() * comp.wires.length)];
    const st = probe(wire, randomValue(next, r1cs.witness[wire]), randomGuess);
    if (st.found) return { proven: false, candidates, found: st.found };
  }
  return { proven: false, candidates };
}
