import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { Signal, signalAdd, signalConstant, signalScale } from '../r1cs/linear-combination';
import { lookupCost } from '../r1cs/lookup';
import { decompose } from './bits';
import { proveRange, rangeCost } from './blocks/range';
import type { Cost } from './types';

/**
 * Arithmetic shared by the exp, softmax, gelu and sigmoid gadgets: products of unknowns (one
 * constraint and one wire each), product chains, coefficient tables selected by index bits, and
 * (groth16-cr) function tables looked up by key.
 */

/** c = a·b: one constraint, one wire `label`. */
export function mul(cs: ConstraintSystem, a: Signal, b: Signal, label: string): Signal {
  const c = cs.newWire(a.value * b.value, label);
  cs.constrain(a, b, c, label);
  return c;
}

/** Π factors (none: the constant 1): factors.length − 1 products. */
export function productChain(cs: ConstraintSystem, factors: Signal[], label: (i: number) => string): Signal {
  if (factors.length === 0) return signalConstant(1n);
  return factors.slice(1).reduce((acc, f, i) => mul(cs, acc, f, label(i)), factors[0]);
}

export function productChainCost(n: number): number {
  return Math.max(0, n - 1);
}

/** Products tableColumns spends for `indexBits` bits: every monomial of two bits or more. */
export function tableSelectCost(indexBits: number): number {
  return (1 << indexBits) - indexBits - 1;
}

/**
 * The row `rows[j]` for j = Σ 2^i·bits[i], as signals (one per column). Each column is the
 * multilinear polynomial through the table: Σ_U c_U·Π_{i∈U} b_i with c_U the Möbius transform of
 * the column, so only the monomials (2^h − h − 1 products) cost constraints.
 */
export function tableColumns(cs: ConstraintSystem, bits: Signal[], rows: bigint[][], label: (u: number) => string): Signal[] {
  const size = 1 << bits.length;
  const monomials: Signal[] = [signalConstant(1n)];
  for (let u = 1; u < size; u++) {
    const top = 31 - Math.clz32(u);
    const rest = u & ~(1 << top);
    monomials.push(rest === 0 ? bits[top] : mul(cs, monomials[rest], bits[top], label(u)));
  }
  return rows[0].map((_, col) => {
    const c = rows.map((row) => row[col]);
    for (let i = 0; i < bits.length; i++) {
      for (let u = 0; u < size; u++) if (u & (1 << i)) c[u] -= c[u & ~(1 << i)];
    }
    return c.reduce((acc, cu, u) => signalAdd(acc, monomials[u], cu), signalConstant(0n));
  });
}

/** Σ coeffs[i]·s^i·2^((d−i)·g) with the powers of s computed by d − 1 products. */
export function polyInField(cs: ConstraintSystem, s: Signal, coeffs: bigint[], g: number, label: (i: number) => string): Signal {
  const d = coeffs.length - 1;
  const powers: Signal[] = [signalConstant(1n), s];
  for (let i = 2; i <= d; i++) powers.push(mul(cs, powers[i - 1], s, label(i)));
  return coeffs.reduce((acc, c, i) => signalAdd(acc, powers[i], c << BigInt((d - i) * g)), signalConstant(0n));
}

/** c0·2^(2l) + (c1·2^l + c2·R)·R: two products. */
export function quadInField(cs: ConstraintSystem, c: Signal[], r: Signal, l: number, label: (part: string) => string): Signal {
  const c2r = mul(cs, c[2], r, label('c2r'));
  const inner = signalAdd(signalScale(c[1], 1n << BigInt(l)), c2r);
  return signalAdd(signalScale(c[0], 1n << BigInt(2 * l)), mul(cs, inner, r, label('quad')));
}

/*
 * Function tables (groth16-cr only, cs.lookups present). A function of a small unsigned integer key
 * (a segment index, k's scale factor, a zero test) is a family of two-column tables (key, value),
 * one per column of its rows: `<name>_k<bits>` (one column) or `<name>_c<i>_k<bits>`, keys
 * [0, 2^bits). Looking a key up in them proves the key's range and hands out the row's values at
 * two constraints and two wires per column (plus the value's wire); each table costs the circuit
 * rows + 1 constraints and 2·rows wires once, whatever the number of lookups (r1cs/lookup.ts).
 * The values are the integer semantics' own constants, so outputs do not change.
 */

/** One table a gadget looks up in: the circuit pays tableCost(rows) once per name. */
export interface FunctionTable {
  name: string;
  rows: number;
}

/** A function of a key by columns; the name encodes everything the values depend on. */
export interface FunctionFamily {
  name: string;
  columns: number;
  value(key: number, column: number): bigint;
}

/** Largest total of rows (over a family's columns) a gadget keys a table family by directly. */
export const FUNCTION_TABLE_MAX_ROWS = 1 << 12;

/** Widest zero test [hi = 0] made by a table lookup (16 rows); wider ones by a range proof. */
export const ZERO_TABLE_MAX_BITS = 4;

/** Whether a key of `bits` bits may index the family's tables directly (its columns' rows ≤ 2^12). */
export function fitsTables(family: FunctionFamily, bits: number): boolean {
  return family.columns * 2 ** bits <= FUNCTION_TABLE_MAX_ROWS;
}

/** Row selection by the key's bits (decomposition and monomials) when that needs fewer constraints than the lookups. */
function selectsByBits(bits: number, columns: number): boolean {
  return 2 ** bits - 1 < 2 * columns;
}

export function functionTableName(family: FunctionFamily, bits: number, column: number): string {
  return family.columns === 1 ? `${family.name}_k${bits}` : `${family.name}_c${column}_k${bits}`;
}

/** The tables selectRow looks up in for a key of `bits` bits (none when it selects by bits). */
export function selectTables(family: FunctionFamily, bits: number): FunctionTable[] {
  if (bits === 0 || selectsByBits(bits, family.columns)) return [];
  return Array.from({ length: family.columns }, (_, i) => ({ name: functionTableName(family, bits, i), rows: 2 ** bits }));
}

/** Constraints and wires of selectRow (the key's own wire is the caller's). */
export function selectCost(bits: number, columns: number): Cost {
  if (bits === 0) return { constraints: 0, wires: 0 };
  if (selectsByBits(bits, columns)) {
    const monomials = tableSelectCost(bits);
    return { constraints: bits + monomials, wires: bits - 1 + monomials };
  }
  const per = lookupCost(true);
  return { constraints: columns * per.constraints, wires: columns * (per.wires + 1) };
}

const builtTables = new Map<string, { keys: bigint[]; values: bigint[] }>();

function defineColumn(cs: ConstraintSystem, family: FunctionFamily, bits: number, column: number): string {
  const name = functionTableName(family, bits, column);
  let t = builtTables.get(name);
  if (!t) {
    const keys = Array.from({ length: 2 ** bits }, (_, k) => BigInt(k));
    t = { keys, values: keys.map((_, k) => family.value(k, column)) };
    builtTables.set(name, t);
  }
  cs.lookups!.defineTable(name, t.keys, t.values);
  return name;
}

/**
 * The family's row at `key` ∈ [0, 2^bits), one signal per column, proving the key's range: bits = 0
 * gives row 0's constants; a few bits select by the multilinear polynomial through the rows
 * (tableColumns on the key's bits, parts `bit` and `mono`); otherwise each column is a wire `coef[i]`
 * looked up with the key in its table (lookup mode only). label(part, ...index) names the parts.
 */
export function selectRow(cs: ConstraintSystem, key: Signal, bits: number, family: FunctionFamily,
  label: (part: string, ...index: number[]) => string): Signal[] {
  const columns = [...Array(family.columns).keys()];
  if (bits === 0) return columns.map((i) => signalConstant(family.value(0, i)));
  assert(key.value >= 0n && key.value < 1n << BigInt(bits), `selectRow: key ${key.value} does not fit ${bits} bits`);
  if (selectsByBits(bits, family.columns)) {
    const keyBits = decompose(cs, key, bits, (i) => label('bit', i));
    const rows = Array.from({ length: 2 ** bits }, (_, k) => columns.map((i) => family.value(k, i)));
    return tableColumns(cs, keyBits, rows, (u) => label('mono', u));
  }
  assert(cs.lookups !== undefined, 'selectRow: a table lookup needs the lookup argument');
  const k = Number(key.value);
  return columns.map((i) => {
    const v = cs.newWire(family.value(k, i), label('coef', i));
    cs.lookups!.lookup(cs, defineColumn(cs, family, bits, i), key, v, label('coef', i));
    return v;
  });
}

/** [key = 0] for keys [0, 2^bits). */
export const ZERO_FAMILY: FunctionFamily = { name: 'is_zero', columns: 1, value: (k) => (k === 0 ? 1n : 0n) };

/** Constraints and wires of zeroGate (hi's own wire is the caller's). */
export function zeroGateCost(bits: number): Cost {
  if (bits <= ZERO_TABLE_MAX_BITS) return selectCost(bits, 1);
  const r = rangeCost(bits);
  return { constraints: 2 + r.constraints, wires: 1 + r.wires };
}

export function zeroGateTables(bits: number): FunctionTable[] {
  return bits <= ZERO_TABLE_MAX_BITS ? selectTables(ZERO_FAMILY, bits) : [];
}

/**
 * g = [hi = 0], proving hi ∈ [0, 2^bits): one boolean (bits = 1, g = 1 − hi), a lookup in
 * `is_zero_k<bits>` (bits ≤ 4), or else a boolean wire g with g·hi = 0 and hi + g − 1 ∈ [0, 2^bits)
 * (g = 1 forces hi = 0; g = 0 forces hi ≥ 1; hi ≤ 2^bits, and the caller's decomposition of
 * hi·2^o + lower with lower < 2^o, far below p, makes hi the integer it must be).
 */
export function zeroGate(cs: ConstraintSystem, hi: Signal, bits: number, label: (part: string, ...index: number[]) => string): Signal {
  if (bits <= ZERO_TABLE_MAX_BITS) return selectRow(cs, hi, bits, ZERO_FAMILY, label)[0];
  const g = cs.newWire(hi.value === 0n ? 1n : 0n, label('zero'));
  cs.constrain(g, signalAdd(g, signalConstant(-1n)), signalConstant(0n), label('zero'));
  cs.constrain(g, hi, signalConstant(0n), label('zero_hi'));
  proveRange(cs, signalAdd(signalAdd(hi, g), signalConstant(-1n)), bits, label('nonzero'));
  return g;
}

/**
 * Splits a ≥ 0 into pieces of the given widths, least significant first: piece 0 is the linear
 * combination a − Σ 2^(offset)·piece (no wire), every other piece of non-zero width a wire
 * `labels[i]`, a zero-width piece the constant 0. Proves nothing: the caller proves each piece's
 * range (piece 0 always, even at width 0, so that the pieces add up to a).
 */
export function splitPieces(cs: ConstraintSystem, a: Signal, widths: number[], labels: string[]): Signal[] {
  let offset = BigInt(widths[0]);
  let low = a;
  const pieces: Signal[] = [];
  for (let i = 1; i < widths.length; i++) {
    if (widths[i] === 0) {
      pieces.push(signalConstant(0n));
      continue;
    }
    const p = cs.newWire((a.value >> offset) & ((1n << BigInt(widths[i])) - 1n), labels[i]);
    low = signalAdd(low, p, -(1n << offset));
    pieces.push(p);
    offset += BigInt(widths[i]);
  }
  assert(a.value >= 0n && a.value < 1n << offset, `splitPieces: ${a.value} does not fit ${offset} bits`);
  return [low, ...pieces];
}

/** Wires splitPieces allocates. */
export function splitWires(widths: number[]): number {
  return widths.slice(1).filter((w) => w > 0).length;
}

/** The sum of costs. */
export function addCost(...costs: Cost[]): Cost {
  return costs.reduce((acc, c) => ({ constraints: acc.constraints + c.constraints, wires: acc.wires + c.wires }), { constraints: 0, wires: 0 });
}

/** Distinct tables by name (a circuit defines each once). */
export function uniqueTables(tables: FunctionTable[]): FunctionTable[] {
  const byName = new Map<string, FunctionTable>();
  for (const t of tables) if (!byName.has(t.name)) byName.set(t.name, t);
  return [...byName.values()];
}
