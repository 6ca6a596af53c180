import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from './constraint-system';
import { LinearCombination, ONE_WIRE, Signal, lcAccumulate, lcConstant, lcWire } from './linear-combination';

/**
 * The log-derivative lookup argument (LogUp, Haböck 2022, eprint 2022/1530) of a groth16-cr
 * circuit. Each table T (rows t_j, or pairs (t_j, s_j)) proves that every looked-up value f_i is
 * a row, through one identity in the challenge c (challenge 0; pairs are folded with challenge 1,
 * f = x + c'·y):
 *   Σ_i 1/(c − f_i) = Σ_j m_j/(c − t_j)
 * with the multiplicities m_j committed in round 1. Per lookup: an inverse wire h_i (round 2) and
 * h_i·(c − f_i) = 1, plus for pairs the product wire c'·y. Per table row: m_j (round 1), g_j
 * (round 2) and g_j·(c − t_j) = m_j. Then the sums: partial sums of CHUNK terms (a wire and one
 * constraint each) and one constraint Σ h − Σ g = 0. Sound when the lookups number fewer than p:
 * if some f_i is not a row, the two sides differ as rational functions in c and agree at a random
 * c with probability at most (lookups + rows)/p (docs/challenge-round.md).
 */

/** Terms per partial sum: keeps every linear combination of the argument short. */
export const SUM_CHUNK = 4096;

/** Constraints and wires one lookup costs (pairs need the product c'·y too). */
export function lookupCost(pair: boolean): { constraints: number; wires: number } {
  return pair ? { constraints: 2, wires: 2 } : { constraints: 1, wires: 1 };
}

/** Constraints and wires of a table's side of the argument, for `rows` rows and `lookups` lookups. */
export function tableCost(rows: number, lookups: number): { constraints: number; wires: number } {
  const partials = Math.ceil(lookups / SUM_CHUNK) + Math.ceil(rows / SUM_CHUNK);
  return { constraints: rows + partials + 1, wires: 2 * rows + partials };
}

interface Table {
  name: string;
  keys: bigint[];
  /** Second column (function tables), or undefined for single-column tables. */
  values?: bigint[];
  rowOf: Map<bigint, number>;
  counts: number[];
  /** Inverse wires of the lookups, summed CHUNK at a time. */
  pending: LinearCombination;
  partials: Signal[];
  lookups: number;
}

export class LookupArgument {
  private readonly tables = new Map<string, Table>();
  private closed = false;

  /** limbBits: width of the range table [0, 2^limbBits) the range blocks look limbs up in. */
  constructor(readonly limbBits: number) {
    assert(limbBits >= 1 && limbBits <= 24, `limb width ${limbBits} out of [1, 24]`);
  }

  static readonly RANGE = 'range';

  /** Defines a table once (a second definition under the same name must be identical in size). */
  defineTable(name: string, keys: bigint[], values?: bigint[]): void {
    const existing = this.tables.get(name);
    if (existing) {
      assert(existing.keys.length === keys.length, `lookup table ${name} defined twice with different rows`);
      return;
    }
    assert(!values || values.length === keys.length, `lookup table ${name}: ${keys.length} keys, ${values?.length} values`);
    const rowOf = new Map<bigint, number>();
    keys.forEach((k, j) => {
      assert(!rowOf.has(k), `lookup table ${name}: key ${k} twice`);
      rowOf.set(k, j);
    });
    this.tables.set(name, { name, keys, values, rowOf, counts: new Array<number>(keys.length).fill(0), pending: new Map(), partials: [], lookups: 0 });
  }

  private table(name: string): Table {
    if (name === LookupArgument.RANGE && !this.tables.has(name)) {
      const keys = Array.from({ length: 1 << this.limbBits }, (_, j) => BigInt(j));
      this.defineTable(name, keys);
    }
    const t = this.tables.get(name);
    assert(t !== undefined, `lookup table ${name} is not defined`);
    return t;
  }

  /** Proves x ∈ [0, 2^limbBits) (the caller has checked the value). */
  range(cs: ConstraintSystem, x: Signal, label: string): void {
    this.lookup(cs, LookupArgument.RANGE, x, undefined, label);
  }

  /** Proves (key) or (key, value) is a row of the table; the caller has checked it is. */
  lookup(cs: ConstraintSystem, name: string, key: Signal, value: Signal | undefined, label: string): void {
    assert(!this.closed, 'lookup after the argument was closed');
    const t = this.table(name);
    assert((value === undefined) === (t.values === undefined), `lookup table ${name}: wrong number of columns`);
    const row = t.rowOf.get(key.value);
    assert(row !== undefined && (value === undefined || t.values![row] === value.value), `${label}: (${key.value}${value ? `, ${value.value}` : ''}) is not a row of ${name}`);
    t.counts[row]++;
    const c = cs.challenge(0);
    // denominator c − key (− c'·value for pairs)
    const den: LinearCombination = new Map(c.lc);
    lcAccumulate(den, key.lc, -1n);
    if (value) {
      const c2 = cs.challenge(1);
      const prod = cs.newRound2Wire({ a: c2.lc, b: value.lc, d: lcConstant(1n) }, `${label}.fold`);
      cs.constrain(c2, value, prod, `${label}.fold`);
      lcAccumulate(den, prod.lc, -1n);
    }
    const h = cs.newRound2Wire({ a: lcConstant(1n), b: lcConstant(1n), d: den }, `${label}.inv`);
    cs.constrain(h.lc, den, cs.one, `${label}.inv`);
    this.addToSum(cs, t, h, `lookup.${name}.sum`);
    t.lookups++;
  }

  private addToSum(cs: ConstraintSystem, t: Table, term: Signal, label: string): void {
    lcAccumulate(t.pending, term.lc, 1n);
    if (t.pending.size >= SUM_CHUNK) this.flush(cs, t, label);
  }

  private flush(cs: ConstraintSystem, t: Table, label: string): void {
    if (t.pending.size === 0) return;
    const s = cs.newRound2Wire({ a: t.pending, b: lcConstant(1n), d: lcConstant(1n) }, `${label}[${t.partials.length}]`);
    cs.constrain(t.pending, cs.one, s, `${label}[${t.partials.length}]`);
    t.partials.push(s);
    t.pending = new Map();
  }

  /** Lookups made so far, per table (the cost summary and tests read it). */
  counts(): Map<string, { rows: number; lookups: number }> {
    return new Map([...this.tables.values()].map((t) => [t.name, { rows: t.keys.length, lookups: t.lookups }]));
  }

  /**
   * Adds every table's side: multiplicities (round 1), row inverses (round 2) and the closing sum
   * Σ lookup inverses = Σ m_j/(c − t_j). Tables nobody looked up cost nothing.
   */
  close(cs: ConstraintSystem): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.tables.values()) {
      if (t.lookups === 0) continue;
      this.flush(cs, t, `lookup.${t.name}.sum`);
      const lookupSide = t.partials;
      t.partials = [];
      const c = cs.challenge(0);
      const c2 = t.values ? cs.challenge(1) : undefined;
      const ms = t.counts.map((n, j) => cs.newWire(BigInt(n), `lookup.${t.name}.m[${j}]`));
      ms.forEach((m, j) => {
        const den: LinearCombination = new Map(c.lc);
        lcAccumulate(den, lcWire(ONE_WIRE), -t.keys[j]);
        if (c2) lcAccumulate(den, c2.lc, -t.values![j]);
        const g = cs.newRound2Wire({ a: m.lc, b: lcConstant(1n), d: den }, `lookup.${t.name}.g[${j}]`);
        cs.constrain(g.lc, den, m, `lookup.${t.name}.g[${j}]`);
        this.addToSum(cs, t, g, `lookup.${t.name}.table_sum`);
      });
      this.flush(cs, t, `lookup.${t.name}.table_sum`);
      const balance: LinearCombination = new Map();
      for (const s of lookupSide) lcAccumulate(balance, s.lc, 1n);
      for (const s of t.partials) lcAccumulate(balance, s.lc, -1n);
      cs.constrain(balance, cs.one, new Map(), `lookup.${t.name}.balance`);
    }
  }
}
