import type { R1CS } from '../r1cs/finalize';
import { P } from '../r1cs/field';
import type { LinearCombination } from '../r1cs/linear-combination';
import type { Component } from './components';
import { solveBitSum } from './boolean-sum';
import { modInv, polyRoots } from './field-math';
import { Domains, LinearForm, propagateIntervals } from './intervals';
import { itemWires, lookupOf, Membership, membershipHolds, System } from './system';

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

const mod = (v: bigint): bigint => ((v % P) + P) % P;

/** Widest interval the search enumerates value by value. */
const MAX_INTERVAL_BRANCH = 256n;

/**
 * Partial assignments of one component's wires over a base witness, with propagation: a
 * constraint left with one unknown is a polynomial of degree ≤ 2 in it, solved exactly; a lookup
 * left with one unknown allows one value per table row (a lookup is the predicate "key, and value,
 * form a row of the table", not a constraint).
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
  readonly r1cs: R1CS;
  /** The lookup behind item k of the component, undefined for a constraint. */
  private readonly lookups: (Membership | undefined)[];

  constructor(readonly sys: System, readonly comp: Component) {
    this.r1cs = sys.r1cs;
    this.vals = [...sys.r1cs.witness];
    const free = new Set(comp.wires);
    for (const w of comp.wires) { this.vals[w] = undefined; this.wireCons.set(w, []); }
    this.lookups = comp.constraints.map((i) => lookupOf(sys, i));
    this.consWires = comp.constraints.map((i, k) => {
      const ws = itemWires(sys, i).filter((w) => free.has(w));
      ws.forEach((w) => this.wireCons.get(w)!.push(k));
      return ws;
    });
    this.unknowns = Int32Array.from(this.consWires, (ws) => ws.length);
    this.consWires.forEach((ws, k) => {
      if (ws.length !== 1 || this.lookups[k]) return;
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

  /**
   * The values the one unknown of lookup k may take: one per row whose key (and value) it can
   * match. Distinct rows give distinct values when the unknown is in the key.
   */
  private lookupOptions(k: number): { wire: number; values: bigint[] } {
    const l = this.lookups[k]!;
    const t = this.sys.tables.get(l.table)!;
    const wire = this.consWires[k].find((w) => this.vals[w] === undefined)!;
    const split = (lc: LinearCombination | undefined): [bigint, bigint] => {
      let [coef, rest] = [0n, 0n];
      for (const [w, k2] of lc ?? []) if (w === wire) coef = k2; else rest += k2 * this.vals[w]!;
      return [mod(coef), mod(rest)];
    };
    const [[kc, k0], [vc, v0]] = [split(l.key), split(l.value)];
    const values: bigint[] = [];
    if (kc !== 0n) {
      const inv = modInv(kc);
      for (const [key, value] of t.rows) {
        const u = mod((key - k0) * inv);
        if (!t.pair || mod(v0 + vc * u - value!) === 0n) values.push(u);
      }
    } else if (t.rows.has(k0) && vc !== 0n) {
      // Only in the value: the known key picks the row.
      values.push(mod((t.rows.get(k0)! - v0) * modInv(vc)));
    }
    return { wire, values };
  }

  /** Whether lookup k's one unknown may be forced or contradicted (a one-column table of ≥ 2 rows never). */
  private lookupMayForce(k: number): boolean {
    const t = this.sys.tables.get(this.lookups[k]!.table)!;
    return t.pair || t.rows.size < 2;
  }

  /**
   * The linear forms bounds propagation reads at the current assignment: each lookup's key (and
   * value) within its table's hull, each constraint that is linear once the assigned wires are in
   * (one side without unknowns) equal to 0.
   */
  private linearForms(): LinearForm[] {
    const forms: LinearForm[] = [];
    const form = (lc: LinearCombination, lo: bigint, hi: bigint) => {
      const { unknown, known } = this.split(lc);
      if (unknown.size > 0) forms.push({ known: mod(known), terms: unknown, lo, hi });
    };
    for (const k of this.active()) {
      if (this.unknowns[k] === 0) continue;
      const l = this.lookups[k];
      if (l) {
        const t = this.sys.tables.get(l.table)!;
        form(l.key, ...t.keyHull);
        if (l.value) form(l.value, ...t.valueHull!);
        continue;
      }
      const { a, b, c } = this.r1cs.constraints[this.comp.constraints[k]];
      const [A, B, C] = [this.split(a), this.split(b), this.split(c)];
      const linear = (known: bigint, x: Split) => {
        const terms = new Map<number, bigint>();
        for (const [w, v] of x.unknown) terms.set(w, mod(v * known));
        for (const [w, v] of C.unknown) terms.set(w, mod((terms.get(w) ?? 0n) - v));
        for (const [w, v] of terms) if (v === 0n) terms.delete(w);
        if (terms.size > 0) forms.push({ known: mod(known * x.known - C.known), terms, lo: 0n, hi: 0n });
      };
      if (A.unknown.size === 0) linear(A.known, B);
      else if (B.unknown.size === 0) linear(B.known, A);
    }
    return forms;
  }

  /** Bounds of the unknowns (groth16-cr systems only: lookups are what bounds wires); null: no solution. */
  private domains(): Domains | null | undefined {
    if (this.sys.lookups.length === 0) return undefined;
    return propagateIntervals(this.linearForms());
  }

  private holds(k: number): boolean {
    const l = this.lookups[k];
    if (l) return membershipHolds(this.sys, l, this.vals);
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
      if (this.lookups[k]) {
        if (!this.lookupMayForce(k)) continue;
        const { wire, values } = this.lookupOptions(k);
        if (values.length === 0) return this.fail();
        if (values.length === 1) this.assign(wire, values[0]);
        continue;
      }
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
    if (this.lookups[k]) return undefined;
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
   * What to branch on, exhaustively first: a bit decomposition's unique solution; with lookups,
   * the wires bounds propagation pins to one value (all at once; none when an interval is empty);
   * the two roots of a one-unknown constraint; the narrower of the smallest interval and the rows
   * a one-unknown lookup allows; else guesses for the most constrained wire.
   */
  branch(guesses: (wire: number) => bigint[]): Branch {
    const active = this.active();
    for (const k of active) {
      if (this.unknowns[k] < 2) continue;
      const options = this.bitSumOptions(k);
      if (options) return { options, exhaustive: true };
    }
    // Bounds: every wire pinned to one value at once, else later the narrowest interval.
    const dom = this.domains();
    if (dom === null) return { options: [], exhaustive: true };
    const open = (this.focus?.wires ?? this.comp.wires).filter((w) => this.vals[w] === undefined && dom?.has(w));
    const pinned = open.filter((w) => dom!.get(w)![0] === dom!.get(w)![1]);
    if (pinned.length > 0) return { options: [pinned.map((w) => [w, mod(dom!.get(w)![0])])], exhaustive: true };
    let narrowest: { wire: number; size: bigint } | undefined;
    for (const w of open) {
      const [lo, hi] = dom!.get(w)!;
      if (!narrowest || hi - lo + 1n < narrowest.size) narrowest = { wire: w, size: hi - lo + 1n };
    }
    let best: { wire: number; open: number } | undefined;
    let rows: { wire: number; values: bigint[] } | undefined;
    for (const k of active) {
      if (this.unknowns[k] === 1 && this.lookups[k]) {
        const options = this.lookupOptions(k);
        if (!rows || options.values.length < rows.values.length) rows = options;
      } else if (this.unknowns[k] === 1) {
        const { wire, roots } = this.rootsOf(k);
        if (roots !== 'free') return { options: roots.map((v) => [[wire, v]]), exhaustive: true };
      }
      if (this.unknowns[k] > 0 && (!best || this.unknowns[k] < best.open)) {
        best = { wire: this.consWires[k].find((w) => this.vals[w] === undefined)!, open: this.unknowns[k] };
      }
    }
    if (narrowest && narrowest.size <= MAX_INTERVAL_BRANCH && (!rows || narrowest.size <= BigInt(rows.values.length))) {
      const [lo] = dom!.get(narrowest.wire)!;
      return { options: Array.from({ length: Number(narrowest.size) }, (_, i) => [[narrowest!.wire, mod(lo + BigInt(i))]]), exhaustive: true };
    }
    if (rows) return { options: rows.values.map((v) => [[rows!.wire, v]]), exhaustive: true };
    const wire = best?.wire ?? (this.focus?.wires ?? this.comp.wires).find((w) => this.vals[w] === undefined)!;
    return { options: guesses(wire).map((v) => [[wire, v]]), exhaustive: false };
  }
}

function sameTerms(x: Map<number, bigint>, y: Map<number, bigint>): boolean {
  return x.size === y.size && [...x].every(([w, v]) => y.get(w) === v);
}
