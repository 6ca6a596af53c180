import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from './constraint-system';
import { LinearCombination, ONE_WIRE, Signal, lcAccumulate, lcConstant, lcWire } from './linear-combination';

/**
 * The log-derivative lookup argument (LogUp, Haböck 2022, eprint 2022/1530) of a groth16-cr
 * circuit. Each table T (rows t_j, or pairs (t_j, s_j)) proves that every looked-up value f_i is
 * a row, through one identity in the challenge c (challenge 0; pairs are folded with challenge 1,
 * f = x + c'·y):
 *   Σ_i 1/(c − f_i) = Σ_j m_j/(c − t_j)
 * with the multiplicities m_j committed in round 1. Both sides are running sums in round 2: per
 * lookup an accumulator a_i = a_{i−1} + 1/(c − f_i), proved by (a_i − a_{i−1})·(c − f_i) = 1
 * (plus, for pairs, the product wire c'·y); per table row m_j (round 1) and b_j = b_{j−1} +
 * m_j/(c − t_j), proved by (b_j − b_{j−1})·(c − t_j) = m_j; then a_last = b_last. A lookup costs one
 * constraint and one wire whatever the circuit's size, a table rows + 1 constraints and 2·rows
 * wires. Sound when the lookups number fewer than p: if some f_i is not a row, the two sides differ
 * as rational functions in c and agree at a random c with probability at most (lookups + rows)/p
 * (docs/challenge-round.md).
 */

/** Constraints and wires one lookup costs (pairs need the product c'·y too). */
export function lookupCost(pair: boolean): { constraints: number; wires: number } {
  return pair ? { constraints: 2, wires: 2 } : { constraints: 1, wires: 1 };
}

/** Constraints and wires of a table's side of the argument (`rows` rows), whatever the lookups. */
export function tableCost(rows: number): { constraints: number; wires: number } {
  return { constraints: rows + 1, wires: 2 * rows };
}

interface Table {
  name: string;
  keys: bigint[];
  /** Second column (function tables), or undefined for single-column tables. */
  values?: bigint[];
  rowOf: Map<bigint, number>;
  counts: number[];
  /** The lookups' running sum so far (the constant 0 before the first). */
  acc: Signal;
  lookups: number;
}

export class LookupArgument {
  private readonly tables = new Map<string, Table>();
  private closed = false;
  /**
   * Observer of every lookup: its table, the looked-up linear combinations (allocation numbering)
   * and label. The soundness checker records lookups through it to model them as table membership;
   * it changes nothing in the circuit.
   */
  onLookup?: (table: string, key: LinearCombination, value: LinearCombination | undefined, label: string) => void;

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
    this.tables.set(name, { name, keys, values, rowOf, counts: new Array<number>(keys.length).fill(0), acc: { lc: new Map(), value: 0n }, lookups: 0 });
  }

  /** The range table [0, 2^limbBits): every groth16-cr circuit has it, looked up or not (a fixed cost). */
  private rangeTable(): Table {
    if (!this.tables.has(LookupArgument.RANGE)) this.defineTable(LookupArgument.RANGE, Array.from({ length: 1 << this.limbBits }, (_, j) => BigInt(j)));
    return this.tables.get(LookupArgument.RANGE)!;
  }

  private table(name: string): Table {
    if (name === LookupArgument.RANGE) return this.rangeTable();
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
    this.onLookup?.(name, key.lc, value?.lc, label);
    const c = cs.challenge(0);
    // denominator c − key (− c'·value for pairs)
    const den: LinearCombination = new Map(c.lc);
    lcAccumulate(den, key.lc, -1n);
    if (value) {
      const c2 = cs.challenge(1);
      const prod = cs.newRound2Wire({ a: c2.lc, b: value.lc, d: lcConstant(1n) }, `${label}_fold`);
      cs.constrain(c2, value, prod, `${label}_fold`);
      lcAccumulate(den, prod.lc, -1n);
    }
    t.acc = this.step(cs, t.acc, den, lcConstant(1n), `${label}_inv`);
    t.lookups++;
  }

  /** next = acc + num/den as a round-2 wire, proved by (next − acc)·den = num. */
  private step(cs: ConstraintSystem, acc: Signal, den: LinearCombination, num: LinearCombination, label: string): Signal {
    const next = cs.newRound2Wire({ a: acc.lc, b: den, e: num, d: den }, label);
    const diff: LinearCombination = new Map(next.lc);
    lcAccumulate(diff, acc.lc, -1n);
    cs.constrain(diff, den, num, label);
    return next;
  }

  /** A table's rows (keys, and the second column of a two-column table); the soundness checker reads them. */
  tableRows(name: string): { keys: readonly bigint[]; values?: readonly bigint[] } {
    const t = this.table(name);
    return { keys: t.keys, values: t.values };
  }

  /** Lookups made so far, per table (the cost summary and tests read it). */
  counts(): Map<string, { rows: number; lookups: number }> {
    return new Map([...this.tables.values()].map((t) => [t.name, { rows: t.keys.length, lookups: t.lookups }]));
  }

  /**
   * Adds every table's side: multiplicities (round 1), the rows' running sum (round 2) and the
   * closing constraint: both running sums equal. The range table is always closed (its cost is the
   * backend's fixed cost); another table only when something looked it up.
   */
  close(cs: ConstraintSystem): void {
    if (this.closed) return;
    this.rangeTable();
    this.closed = true;
    for (const t of this.tables.values()) {
      if (t.lookups === 0 && t.name !== LookupArgument.RANGE) continue;
      const c = cs.challenge(0);
      const c2 = t.values ? cs.challenge(1) : undefined;
      const ms = t.counts.map((n, j) => cs.newWire(BigInt(n), `lookup.${t.name}.m[${j}]`));
      let acc: Signal = { lc: new Map(), value: 0n };
      ms.forEach((m, j) => {
        const den: LinearCombination = new Map(c.lc);
        lcAccumulate(den, lcWire(ONE_WIRE), -t.keys[j]);
        if (c2) lcAccumulate(den, c2.lc, -t.values![j]);
        acc = this.step(cs, acc, den, m.lc, `lookup.${t.name}.sum[${j}]`);
      });
      const balance: LinearCombination = new Map(t.acc.lc);
      lcAccumulate(balance, acc.lc, -1n);
      cs.constrain(balance, cs.one, new Map(), `lookup.${t.name}.balance`);
    }
  }
}
