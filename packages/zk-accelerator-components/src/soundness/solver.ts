import type { R1CS } from '../r1cs/finalize';
import { P } from '../r1cs/field';
import type { LinearCombination } from '../r1cs/linear-combination';
import type { Component } from './components';
import { solveBitSum } from './boolean-sum';
import { polyRoots } from './field-math';

/** Alternative assignments to try (each a list of wire = value); `exhaustive` when they are all the solutions. */
export interface Branch {
  options: [number, bigint][][];
  exhaustive: boolean;
}

type Split = { unknown: Map<number, bigint>; known: bigint };

/** Part of a component: constraints by position in it, and their unknown wires. */
export interface Focus {
  cons: number[];
  wires: number[];
}

/**
 * Partial assignments of one component's wires over a base witness, with propagation: a
 * constraint left with one unknown is a polynomial of degree ≤ 2 in it, solved exactly.
 */
export class Solver {
  readonly vals: (bigint | undefined)[];
  private readonly unknowns: Int32Array;
  private readonly wireCons = new Map<number, number[]>();
  private readonly consWires: number[][];
  private readonly trail: number[] = [];
  private queue: number[] = [];
  /** When set, the search completes only this part. */
  focus: Focus | null = null;
  /** Wires a constraint of their own restricts to {0, 1}. */
  private readonly booleans = new Set<number>();

  constructor(readonly r1cs: R1CS, readonly comp: Component) {
    this.vals = [...r1cs.witness];
    const free = new Set(comp.wires);
    for (const w of comp.wires) { this.vals[w] = undefined; this.wireCons.set(w, []); }
    this.consWires = comp.constraints.map((ci, k) => {
      const { a, b, c } = r1cs.constraints[ci];
      const ws = [...new Set([...a.keys(), ...b.keys(), ...c.keys()])].filter((w) => free.has(w));
      ws.forEach((w) => this.wireCons.get(w)!.push(k));
      return ws;
    });
    this.unknowns = Int32Array.from(this.consWires, (ws) => ws.length);
    this.consWires.forEach((ws, k) => {
      if (ws.length !== 1) return;
      const { roots } = this.rootsOf(k);
      if (roots !== 'free' && roots.every((r) => r === 0n || r === 1n)) this.booleans.add(ws[0]);
    });
    this.reset();
  }

  /** Back to no component wire assigned, every constraint due for propagation. */
  reset(): void {
    this.undo(0);
    this.queue = this.comp.constraints.map((_, k) => k);
  }

  get mark(): number {
    return this.trail.length;
  }

  assign(wire: number, value: bigint): void {
    this.vals[wire] = value;
    this.trail.push(wire);
    for (const k of this.wireCons.get(wire)!) if (--this.unknowns[k] <= 1) this.queue.push(k);
  }

  undo(mark: number): void {
    while (this.trail.length > mark) {
      const w = this.trail.pop()!;
      this.vals[w] = undefined;
      for (const k of this.wireCons.get(w)!) this.unknowns[k]++;
    }
    this.queue = [];
  }

  /** Solutions for the one unknown of constraint k (`free` if it does not restrict it). */
  private rootsOf(k: number): { wire: number; roots: bigint[] | 'free' } {
    const wire = this.consWires[k].find((w) => this.vals[w] === undefined)!;
    const { a, b, c } = this.r1cs.constraints[this.comp.constraints[k]];
    const split = (lc: LinearCombination): [bigint, bigint] => {
      let [coef, rest] = [0n, 0n];
      for (const [w, k2] of lc) if (w === wire) coef = k2; else rest += k2 * this.vals[w]!;
      return [coef, rest % P];
    };
    const [[aa, a0], [bb, b0], [cc, c0]] = [split(a), split(b), split(c)];
    return { wire, roots: polyRoots(aa * bb, aa * b0 + bb * a0 - cc, a0 * b0 - c0) };
  }

  private holds(k: number): boolean {
    const { a, b, c } = this.r1cs.constraints[this.comp.constraints[k]];
    const ev = (lc: LinearCombination) => { let s = 0n; for (const [w, x] of lc) s += x * this.vals[w]!; return s; };
    return (ev(a) * ev(b) - ev(c)) % P === 0n;
  }

  /** Forces every single solution; false on a contradiction. */
  propagate(): boolean {
    while (this.queue.length > 0) {
      const k = this.queue.pop()!;
      if (this.unknowns[k] === 0) { if (!this.holds(k)) return this.fail(); continue; }
      if (this.unknowns[k] !== 1) continue;
      const { wire, roots } = this.rootsOf(k);
      if (roots === 'free' || roots.length === 2) continue;
      if (roots.length === 0) return this.fail();
      this.assign(wire, roots[0]);
    }
    return true;
  }

  private fail(): boolean {
    this.queue = [];
    return false;
  }

  complete(): boolean {
    return (this.focus?.wires ?? this.comp.wires).every((w) => this.vals[w] !== undefined);
  }

  /** The constraints (by position k) the search looks at: the focused part, else all. */
  private active(): number[] {
    return this.focus?.cons ?? this.consWires.map((_, k) => k);
  }

  /**
   * The independent parts of what is left: unknown wires tied by constraints that still have
   * unknowns. Parts can be completed one at a time, so their branchings add instead of multiply.
   */
  parts(): Focus[] {
    const byWire = new Map<number, number>();
    const parent: number[] = [];
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    const open = this.active().filter((k) => this.unknowns[k] > 0);
    open.forEach((k, i) => {
      parent.push(i);
      for (const w of this.consWires[k]) {
        if (this.vals[w] !== undefined) continue;
        const j = byWire.get(w);
        if (j === undefined) byWire.set(w, i); else parent[find(j)] = find(i);
      }
    });
    const groups = new Map<number, Focus>();
    open.forEach((k, i) => {
      const root = find(i);
      if (!groups.has(root)) groups.set(root, { cons: [], wires: [] });
      groups.get(root)!.cons.push(k);
    });
    for (const [w, i] of byWire) groups.get(find(i))!.wires.push(w);
    return [...groups.values()];
  }

  /** A linear part over unknowns and the constant of the known wires. */
  private split(lc: LinearCombination): Split {
    const unknown = new Map<number, bigint>();
    let known = 0n;
    for (const [w, k] of lc) if (this.vals[w] === undefined) unknown.set(w, k); else known += k * this.vals[w]!;
    return { unknown, known: known % P };
  }

  /**
   * The solutions of constraint k when it is a bit decomposition over boolean unknowns: linear
   * (one side constant) or L·(L + c) = d with L shared by both sides, solved through solveBitSum.
   */
  private bitSumOptions(k: number): [number, bigint][][] | undefined {
    if (!this.consWires[k].every((w) => this.vals[w] !== undefined || this.booleans.has(w))) return undefined;
    const { a, b, c } = this.r1cs.constraints[this.comp.constraints[k]];
    const [A, B, C] = [this.split(a), this.split(b), this.split(c)];
    const equations: [Map<number, bigint>, bigint][] = [];
    const combine = (x: Split, kx: bigint) => {
      const m = new Map<number, bigint>();
      for (const [w, v] of x.unknown) m.set(w, (v * kx) % P);
      for (const [w, v] of C.unknown) m.set(w, ((m.get(w) ?? 0n) - v + P) % P);
      return m;
    };
    if (A.unknown.size === 0) equations.push([combine(B, A.known), C.known - A.known * B.known]);
    else if (B.unknown.size === 0) equations.push([combine(A, B.known), C.known - A.known * B.known]);
    else if (C.unknown.size === 0 && sameTerms(A.unknown, B.unknown)) {
      // The shape test is cheap; the roots may need a square root in F_p.
      if (solveBitSum([...A.unknown], 0n) === undefined) return undefined;
      const roots = polyRoots(1n, A.known + B.known, A.known * B.known - C.known);
      if (roots === 'free') return undefined;
      for (const y of roots) equations.push([A.unknown, y]);
    } else return undefined;
    const options: [number, bigint][][] = [];
    for (const [terms, r] of equations) {
      const sol = solveBitSum([...terms].filter(([, v]) => v !== 0n), r);
      if (sol === undefined) return undefined;
      if (sol !== null) options.push([...sol]);
    }
    return options;
  }

  /**
   * What to branch on: a bit decomposition's unique solution, the two roots of a one-unknown
   * constraint (both exhaustive), else guesses for the most constrained wire.
   */
  branch(guesses: (wire: number) => bigint[]): Branch {
    const active = this.active();
    for (const k of active) {
      if (this.unknowns[k] < 2) continue;
      const options = this.bitSumOptions(k);
      if (options) return { options, exhaustive: true };
    }
    let best: { wire: number; open: number } | undefined;
    for (const k of active) {
      if (this.unknowns[k] === 1) {
        const { wire, roots } = this.rootsOf(k);
        if (roots !== 'free') return { options: roots.map((v) => [[wire, v]]), exhaustive: true };
      }
      if (this.unknowns[k] > 0 && (!best || this.unknowns[k] < best.open)) {
        best = { wire: this.consWires[k].find((w) => this.vals[w] === undefined)!, open: this.unknowns[k] };
      }
    }
    const wire = best?.wire ?? (this.focus?.wires ?? this.comp.wires).find((w) => this.vals[w] === undefined)!;
    return { options: guesses(wire).map((v) => [[wire, v]]), exhaustive: false };
  }
}

function sameTerms(x: Map<number, bigint>, y: Map<number, bigint>): boolean {
  return x.size === y.size && [...x].every(([w, v]) => y.get(w) === v);
}
