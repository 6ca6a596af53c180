import { tableCost } from '../r1cs/lookup';
import { FunctionTable, uniqueTables } from './exp-arith';
import { expFunctionTables } from './exp';
import { geluFunctionTables } from './gelu';
import { sigmoidFunctionTables } from './sigmoid';
import { softmaxFunctionTables } from './softmax';
import type { Cost, ParamValue } from './types';

export type { FunctionTable } from './exp-arith';

/**
 * The function tables (groth16-cr, exp-arith.ts) of the approximating gadgets. A gadget's cost()
 * counts its lookups but not the tables' own side, rows + 1 constraints and 2·rows wires per table,
 * which the circuit pays once per table name however many nodes look it up (r1cs/lookup.ts
 * tableCost). The tables depend on the params only, not on the limb width.
 */
const BY_GADGET: Record<string, (params: ParamValue[]) => FunctionTable[]> = {
  exp: expFunctionTables,
  softmax: softmaxFunctionTables,
  gelu: geluFunctionTables,
  sigmoid: sigmoidFunctionTables,
};

/**
 * The tables `gadget` (a name in `gadgets`) looks up in under groth16-cr for these params (as cost()
 * takes them: `in` params may be element counts), each once; [] for gadgets without function tables.
 */
export function functionTables(gadget: string, params: ParamValue[]): FunctionTable[] {
  return BY_GADGET[gadget]?.(params) ?? [];
}

/** The fixed cost of a set of tables, each name counted once (a circuit defines a table once). */
export function functionTablesCost(tables: FunctionTable[]): Cost {
  return uniqueTables(tables).reduce((acc, t) => {
    const c = tableCost(t.rows);
    return { constraints: acc.constraints + c.constraints, wires: acc.wires + c.wires };
  }, { constraints: 0, wires: 0 });
}
