import { Graph, OnnxZkError, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { RangeMode, withRangeMode } from '../gadgets/blocks/range';
import { tableCost } from '../r1cs/lookup';
import { FunctionTable, functionTablesCost } from '../gadgets/function-tables';
import type { Cost } from '../gadgets/types';

/**
 * The proving backends (README "Backends"): `groth16`, snarkjs's Groth16 (circom/snarkjs interop,
 * range checks by bits), and `groth16-cr`, Groth16 with one commit-then-challenge round
 * (docs/challenge-round.md: range checks by limb lookups into a table of 2^w rows). `auto` costs
 * the graph under both, groth16-cr at each candidate limb width, and keeps the fewest constraints:
 * the table is a fixed cost, so small circuits stay on groth16.
 */
export type Backend = 'groth16' | 'groth16-cr';
export type BackendChoice = Backend | 'auto';
export const BACKENDS: readonly BackendChoice[] = ['auto', 'groth16', 'groth16-cr'];

/** Limb widths auto tries; a table of 2^w rows costs 2^w + 1 constraints. */
export const LIMB_WIDTHS = [4, 6, 8, 10, 12, 14, 16, 18];

/** Graph metadata keys the choice is recorded under (.acc.tir), read by llvm-emitter. */
export const BACKEND_KEY = 'backend';
export const LIMB_BITS_KEY = 'limb_bits';
/** groth16-cr: the function tables the graph's gadgets look up in, JSON [{name, rows}]. */
export const FUNCTION_TABLES_KEY = 'function_tables';

export interface BackendPlan {
  backend: Backend;
  /** groth16-cr: the range table's limb width. */
  limbBits?: number;
  /** The backend's fixed cost: groth16-cr's range table, its function tables and its challenge wires. */
  fixed: Cost;
  /** groth16-cr: the function tables (exp, GELU, sigmoid, ...) the graph uses. */
  functionTables?: FunctionTable[];
}

export function modeOfPlan(plan: BackendPlan): RangeMode {
  return plan.backend === 'groth16-cr' ? { kind: 'lookup', limbBits: plan.limbBits! } : { kind: 'bits' };
}

/**
 * The fixed cost of a plan: nothing for groth16; for groth16-cr the range table, every function
 * table (each once) and the challenge wires (a second challenge folds two-column tables).
 */
export function fixedCost(backend: Backend, limbBits?: number, functionTables: FunctionTable[] = []): Cost {
  if (backend === 'groth16') return { constraints: 0, wires: 0 };
  const t = tableCost(1 << limbBits!);
  const f = functionTablesCost(functionTables);
  const challenges = functionTables.length > 0 ? 2 : 1;
  return { constraints: t.constraints + f.constraints, wires: t.wires + f.wires + challenges };
}

/**
 * Binds `bind(graph)` under the chosen backend: `bind` must bind every node of the copy it is given
 * and return the copy with its total cost. Returns the bound graph and the plan.
 */
export function chooseBackend(
  choice: BackendChoice, limbBits: number | undefined, bind: () => { graph: Graph; total: number; functionTables?: FunctionTable[] },
): { graph: Graph; plan: BackendPlan } {
  if (limbBits !== undefined && (!Number.isInteger(limbBits) || limbBits < 1 || limbBits > 20)) raise(Errors.BAD_BACKEND, {}, `limb width ${limbBits}: give 1 to 20`);
  if (limbBits !== undefined && choice === 'groth16') raise(Errors.BAD_BACKEND, {}, 'a limb width is for groth16-cr (or auto)');
  const tried: { graph: Graph; plan: BackendPlan; total: number }[] = [];
  let refused: unknown;
  // Under auto a backend the graph cannot use (a strategy that needs the challenge: ZK024) drops out.
  const attempt = (mode: RangeMode, plan: (total: number, tables: FunctionTable[]) => { plan: BackendPlan; total: number }) => {
    try {
      const bound = withRangeMode(mode, bind);
      tried.push({ graph: bound.graph, ...plan(bound.total, bound.functionTables ?? []) });
    } catch (e) {
      if (choice !== 'auto' || !(e instanceof OnnxZkError) || e.def.code !== Errors.NEEDS_CHALLENGE.code) throw e;
      refused = e;
    }
  };
  if (choice !== 'groth16-cr') attempt({ kind: 'bits' }, (total) => ({ total, plan: { backend: 'groth16', fixed: fixedCost('groth16') } }));
  if (choice !== 'groth16') {
    for (const w of limbBits !== undefined ? [limbBits] : LIMB_WIDTHS) {
      attempt({ kind: 'lookup', limbBits: w }, (total, functionTables) => {
        const fixed = fixedCost('groth16-cr', w, functionTables);
        return { total: total + fixed.constraints, plan: { backend: 'groth16-cr', limbBits: w, fixed, functionTables } };
      });
    }
  }
  if (tried.length === 0) throw refused;
  // Fewest constraints; ties keep the earlier (groth16 first, then the narrower table).
  const best = tried.reduce((a, b) => (b.total < a.total ? b : a));
  best.graph.metadata[BACKEND_KEY] = best.plan.backend;
  if (best.plan.limbBits !== undefined) {
    best.graph.metadata[LIMB_BITS_KEY] = String(best.plan.limbBits);
    best.graph.metadata[FUNCTION_TABLES_KEY] = JSON.stringify(best.plan.functionTables ?? []);
  } else {
    delete best.graph.metadata[LIMB_BITS_KEY];
    delete best.graph.metadata[FUNCTION_TABLES_KEY];
  }
  return { graph: best.graph, plan: best.plan };
}

/** The backend an accel graph was bound for (graphs from before backends: groth16). */
export function backendOf(graph: Graph): BackendPlan {
  const backend = graph.metadata[BACKEND_KEY] ?? 'groth16';
  if (backend !== 'groth16' && backend !== 'groth16-cr') return raise(Errors.BAD_BACKEND, {}, `graph metadata says backend ${backend}`);
  if (backend === 'groth16') return { backend, fixed: fixedCost(backend) };
  const limbBits = Number(graph.metadata[LIMB_BITS_KEY]);
  if (!Number.isInteger(limbBits) || limbBits < 1 || limbBits > 20) return raise(Errors.BAD_BACKEND, {}, `graph metadata says limb_bits ${graph.metadata[LIMB_BITS_KEY]}`);
  const functionTables = readFunctionTables(graph.metadata[FUNCTION_TABLES_KEY]);
  return { backend, limbBits, fixed: fixedCost(backend, limbBits, functionTables), functionTables };
}

function readFunctionTables(text: string | undefined): FunctionTable[] {
  if (text === undefined) return [];
  try {
    const v = JSON.parse(text) as unknown;
    if (Array.isArray(v) && v.every((t) => t && typeof t.name === 'string' && Number.isInteger(t.rows) && t.rows > 0)) return v as FunctionTable[];
  } catch { /* reported below */ }
  return raise(Errors.BAD_BACKEND, {}, `graph metadata says function_tables ${text}`);
}
