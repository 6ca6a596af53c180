import type { R1CS } from '../r1cs/finalize';
import { fromField, toField } from '../r1cs/field';
import { evalLc, LinearCombination } from '../r1cs/linear-combination';
import { checkR1cs } from '../r1cs/check';

/** The proving backends the checker synthesizes gadgets for (select/backend.ts). */
export type SoundnessBackend = 'groth16' | 'groth16-cr';

/** A table's rows as field elements: key → the row's value (undefined for a one-column table). */
export interface TableRows {
  name: string;
  rows: Map<bigint, bigint | undefined>;
  pair: boolean;
  /** The least and greatest key (and value), as signed integers: every row lies within. */
  keyHull: [bigint, bigint];
  valueHull?: [bigint, bigint];
}

/** One lookup, as the predicate "(key[, value]) is a row of table". */
export interface Membership {
  table: string;
  key: LinearCombination;
  value?: LinearCombination;
  label: string;
}

/**
 * What the solver sees: R1CS constraints and table-membership predicates over one witness.
 * Items are numbered constraints first (0 .. nConstraints − 1), then lookups. For a groth16-cr
 * case the constraints of the LogUp argument itself (accumulators, multiplicities, challenge
 * products) are not there: each lookup is its membership predicate instead.
 */
export interface System {
  r1cs: R1CS;
  lookups: Membership[];
  tables: Map<string, TableRows>;
}

export function plainSystem(r1cs: R1CS): System {
  return { r1cs, lookups: [], tables: new Map() };
}

export function itemCount(sys: System): number {
  return sys.r1cs.constraints.length + sys.lookups.length;
}

/** The lookup behind item i, or undefined for a constraint. */
export function lookupOf(sys: System, i: number): Membership | undefined {
  return i < sys.r1cs.constraints.length ? undefined : sys.lookups[i - sys.r1cs.constraints.length];
}

/** The wires item i mentions (wire 0 included). */
export function itemWires(sys: System, i: number): number[] {
  const l = lookupOf(sys, i);
  if (l) return [...new Set([...l.key.keys(), ...(l.value?.keys() ?? [])])];
  const { a, b, c } = sys.r1cs.constraints[i];
  return [...new Set([...a.keys(), ...b.keys(), ...c.keys()])];
}

/** Whether field values key (and value) form a row of the table. */
export function isRow(t: TableRows, key: bigint, value: bigint | undefined): boolean {
  if (!t.rows.has(key)) return false;
  return !t.pair || t.rows.get(key) === value;
}

/** Whether a lookup holds on a complete witness. */
export function membershipHolds(sys: System, l: Membership, witness: readonly (bigint | undefined)[]): boolean {
  const ev = (lc: LinearCombination) => evalLc(lc, witness as bigint[]);
  return isRow(sys.tables.get(l.table)!, ev(l.key), l.value && ev(l.value));
}

/** The first constraint or lookup a complete witness violates (by label), or null. */
export function checkSystem(sys: System, witness: readonly bigint[]): string | null {
  const failure = checkR1cs(sys.r1cs, [...witness]);
  if (failure) return `constraint ${failure.index} (${failure.label})`;
  const bad = sys.lookups.find((l) => !membershipHolds(sys, l, witness));
  return bad ? `lookup ${bad.label} in ${bad.table}` : null;
}

/** Table rows as field elements. */
export function tableRows(name: string, keys: readonly bigint[], values?: readonly bigint[]): TableRows {
  const rows = new Map(keys.map((k, j): [bigint, bigint | undefined] => [toField(k), values ? toField(values[j]) : undefined]));
  const hull = (xs: readonly bigint[]): [bigint, bigint] => {
    if (xs.length === 0) return [1n, 0n]; // no row: nothing fits
    const s = xs.map((x) => fromField(toField(x)));
    return [s.reduce((m, x) => (x < m ? x : m)), s.reduce((m, x) => (x > m ? x : m))];
  };
  return { name, pair: values !== undefined, rows, keyHull: hull(keys), ...(values ? { valueHull: hull(values) } : {}) };
}
