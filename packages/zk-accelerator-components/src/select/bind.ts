import { ErrorCollector, Graph, Node, OnnxZkError, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { gadgets } from '../gadgets';
import type { GadgetDef } from '../gadgets/types';
import { gadgetFits } from './params-from-node';
import { pickStrategy, StrategyGoal } from './strategy';

/** Strategy per gadget name; unlisted gadgets use their first (default) strategy. */
export type StrategyChoice = Record<string, string>;

/** The gadgets of an op, in record order; the first whose abi fits the node is chosen. */
export function gadgetsForOp(op: string): GadgetDef[] {
  return Object.values(gadgets).filter((g) => g.op === op);
}

export function checkStrategies(choice: StrategyChoice): void {
  for (const [name, strategy] of Object.entries(choice)) {
    const gadget = gadgets[name];
    if (!gadget || !gadget.strategies.includes(strategy)) {
      const known = gadget ? `${name} has ${gadget.strategies.join(', ')}` : `no gadget '${name}'`;
      raise(Errors.UNKNOWN_STRATEGY, {}, `${name}=${strategy}: ${known}`);
    }
  }
}

function bindNode(node: Node, graph: Graph, choice: StrategyChoice, goal: StrategyGoal): void {
  const site = { node: node.name, op: node.op };
  const candidates = gadgetsForOp(node.op);
  const gadget = candidates.find((g) => gadgetFits(g, node, graph));
  if (!gadget) {
    const why = candidates.length ? `operands suit none of ${candidates.map((g) => g.name).join(', ')}` : `op ${node.op}`;
    raise(Errors.NO_GADGET, site, why);
  }
  let rated;
  try {
    rated = pickStrategy(gadget, node, graph, choice[gadget.name], goal);
  } catch (e) {
    // Cost raises without a site (it sees only numbers); name the node here.
    if (e instanceof OnnxZkError && e.site.node === undefined) throw new OnnxZkError(e.def, site, e.details);
    throw e;
  }
  node.attrs = {
    ...node.attrs,
    gadget: { type: 'string', value: gadget.name },
    strategy: { type: 'string', value: rated.strategy },
    cost_constraints: { type: 'int', value: rated.cost.constraints },
    cost_wires: { type: 'int', value: rated.cost.wires },
    // Only approximating gadgets have a bound; their fixed ops declare the `error_bound` attribute.
    ...(gadget.errorBound ? { error_bound: { type: 'float' as const, value: rated.error } } : {}),
  };
}

/** Binds every node to a gadget, reporting every node that has none (or bad params) at once. */
export function bindGadgets(graph: Graph, choice: StrategyChoice, goal: StrategyGoal = {}): void {
  const errors = new ErrorCollector();
  for (const node of graph.nodes) errors.attempt(() => bindNode(node, graph, choice, goal));
  errors.throwIfAny();
}
