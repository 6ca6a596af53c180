import { Graph, raise, TirFile, verifyGraph } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { bindGadgets, checkStrategies, StrategyChoice } from './bind';
import { applyFusion, fusions } from './fusions';
import { addRangeChecks } from './range-checks';
import { wireWideReads } from './wire-wide-reads';
import type { StrategyGoal } from './strategy';
import { BackendChoice, BACKENDS, chooseBackend } from './backend';
import { rangeMode } from '../gadgets/blocks/range';
import { costSummary } from './cost-summary';
import { functionTables, FunctionTable } from '../gadgets/function-tables';
import { paramsFromNode } from './params-from-node';
import { gadgets } from '../gadgets';

export const PRODUCER = 'zk-accelerator-components';

export interface SelectOptions extends StrategyGoal {
  /** Strategy per gadget name (default: each gadget's first strategy). */
  strategies?: StrategyChoice;
  /** Proving backend (select/backend.ts); default auto. */
  backend?: BackendChoice;
  /** groth16-cr's limb width (default: the one with the fewest constraints). */
  limbBits?: number;
}

/** A copy that passes may edit: new node objects and maps; tensors and infos are shared. */
function copyGraph(graph: Graph): Graph {
  return {
    ...graph,
    inputs: [...graph.inputs],
    outputs: [...graph.outputs],
    values: new Map(graph.values),
    constants: new Map(graph.constants),
    nodes: graph.nodes.map((n) => ({ ...n, inputs: [...n.inputs], outputs: [...n.outputs], attrs: { ...n.attrs }, loc: [...n.loc] })),
    metadata: { ...graph.metadata },
  };
}

/** The function tables the bound nodes look up in under groth16-cr (each name once, in node order). */
function graphFunctionTables(graph: Graph): FunctionTable[] {
  const seen = new Map<string, FunctionTable>();
  for (const node of graph.nodes) {
    const attr = node.attrs.gadget;
    if (attr?.type !== 'string') continue;
    for (const t of functionTables(attr.value, paramsFromNode(gadgets[attr.value], node, graph))) if (!seen.has(t.name)) seen.set(t.name, t);
  }
  return [...seen.values()];
}

/**
 * The select stage: fixed graph → accel graph. Fuses the patterns of `fusions`, adds a
 * RangeCheck per graph input and binds every node to a gadget with its cost. The input is taken
 * as verified (readTir verifies); the output is verified here.
 */
export function selectGadgets(file: TirFile, options: SelectOptions = {}): TirFile {
  if (file.graph.stage !== 'fixed') raise(Errors.BAD_STAGE, {}, `got stage ${file.graph.stage}`);
  const choice = options.strategies ?? {};
  checkStrategies(choice);
  const graph = copyGraph(file.graph);
  graph.stage = 'accel';
  for (const pattern of fusions) applyFusion(graph, pattern);
  wireWideReads(graph);
  addRangeChecks(graph);
  const backend = options.backend ?? 'auto';
  if (!BACKENDS.includes(backend)) raise(Errors.BAD_BACKEND, {}, `backend ${String(backend)}`);
  // Costs depend on the backend (range checks by bits or by lookups): bind a copy per candidate.
  const { graph: bound } = chooseBackend(backend, options.limbBits, () => {
    const g = copyGraph(graph);
    bindGadgets(g, choice, { errorBudget: options.errorBudget, target: options.target });
    // function tables are groth16-cr's only: no need to list them for the bits candidate
    const functionTables = rangeMode().kind === 'lookup' ? graphFunctionTables(g) : [];
    return { graph: g, total: costSummary(g).total.constraints, functionTables };
  });
  verifyGraph(bound);
  return { producer: PRODUCER, graph: bound };
}
