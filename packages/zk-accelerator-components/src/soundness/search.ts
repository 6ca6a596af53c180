import type { Focus, Solver } from './solver';

export interface SearchLimits {
  maxNodes: number;
  deadline: number;
  /** Complete independent parts one at a time (the counter test must ignore unassigned wires). */
  split: boolean;
}

export interface SearchState {
  /** Partial assignments visited (the candidates tried). */
  nodes: number;
  /** A branch had to guess values (not every solution was enumerated). */
  guessed: boolean;
  /** Stopped by a limit before the space was covered. */
  cut: boolean;
  found?: (bigint | undefined)[];
}

type Vals = (bigint | undefined)[];
type IsCounter = (vals: Vals) => boolean;

/**
 * Depth-first search over completions of the solver's current partial assignment: propagate,
 * then branch (exhaustively on a bit decomposition or the roots of a one-unknown constraint, else
 * on guesses), or split into independent parts. Stops at the first complete assignment
 * `isCounter` accepts.
 */
export function depthFirst(s: Solver, limits: SearchLimits, guesses: (wire: number) => bigint[], isCounter: IsCounter, state: SearchState): boolean {
  if (state.nodes >= limits.maxNodes || Date.now() > limits.deadline) {
    state.cut = true;
    return false;
  }
  state.nodes++;
  const mark = s.mark;
  let hit = false;
  if (s.propagate()) {
    if (s.complete()) {
      hit = isCounter(s.vals);
      if (hit) state.found = [...s.vals];
    } else {
      const parts = limits.split ? s.parts() : [];
      if (parts.length > 1) hit = partwise(s, parts, limits, guesses, isCounter, state);
      else {
        const br = s.branch(guesses);
        if (!br.exhaustive) state.guessed = true;
        const inner = s.mark;
        for (const option of br.options) {
          for (const [wire, v] of option) s.assign(wire, v);
          hit = depthFirst(s, limits, guesses, isCounter, state);
          s.undo(inner);
          if (hit || state.cut) break;
        }
      }
    }
  }
  s.undo(mark);
  return hit;
}

/**
 * Completes each part alone: a second witness exists here iff every part has a completion and
 * one part has one that isCounter accepts; it is the other parts' first completions plus that one.
 */
function partwise(s: Solver, parts: Focus[], limits: SearchLimits, guesses: (wire: number) => bigint[], isCounter: IsCounter, state: SearchState): boolean {
  const outer = s.focus;
  const chosen: Vals = [...s.vals];
  let counter = false;
  try {
    for (const part of parts) {
      s.focus = part;
      let first: Vals | undefined;
      const sub = freshState();
      depthFirst(s, limits, guesses, (vals) => {
        first ??= [...vals];
        return isCounter(vals);
      }, sub);
      state.nodes += sub.nodes;
      state.guessed ||= sub.guessed;
      state.cut ||= sub.cut;
      const pick = sub.found ?? first;
      if (!pick || state.cut) return false; // no completion of this part (or out of budget)
      counter ||= sub.found !== undefined;
      for (const w of part.wires) chosen[w] = pick[w];
    }
  } finally {
    s.focus = outer;
  }
  if (counter) state.found = chosen;
  return counter;
}

export function freshState(): SearchState {
  return { nodes: 0, guessed: false, cut: false };
}
