import { Graph, Node, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { rangeMode } from '../gadgets/blocks/range';
import type { Cost, GadgetDef } from '../gadgets/types';
import { paramsFromNode } from './params-from-node';

/** What select optimises: `size` (fewest constraints) or `accuracy` (smallest error bound). */
export type Target = 'size' | 'accuracy';

export interface StrategyGoal {
  /** Largest error bound an approximating op may have (absolute, real units of its output). */
  errorBudget?: number;
  target?: Target;
}

export interface RatedStrategy {
  strategy: string;
  cost: Cost;
  /** The gadget's errorBound (0 for exact gadgets). */
  error: number;
}

function withStrategy(node: Node, strategy: string): Node {
  return { ...node, attrs: { ...node.attrs, strategy: { type: 'string', value: strategy } } };
}

/** Cost and error bound of the node under one strategy. */
export function rateStrategy(gadget: GadgetDef, node: Node, graph: Graph, strategy: string): RatedStrategy {
  const params = paramsFromNode(gadget, withStrategy(node, strategy), graph);
  return { strategy, cost: gadget.cost(params), error: gadget.errorBound?.(params) ?? 0 };
}

const byTarget: Record<Target, (a: RatedStrategy, b: RatedStrategy) => number> = {
  size: (a, b) => a.cost.constraints - b.cost.constraints || a.error - b.error,
  accuracy: (a, b) => a.error - b.error || a.cost.constraints - b.cost.constraints,
};

/** The node's own strategy attribute when the gadget has it, else the gadget's default. */
function currentStrategy(gadget: GadgetDef, node: Node): string {
  const attr = node.attrs.strategy;
  return attr?.type === 'string' && gadget.strategies.includes(attr.value) ? attr.value : gadget.strategies[0];
}

/**
 * groth16-cr (cost formulas in lookup mode): an exact gadget with several strategies and none of the
 * node's own takes its cheapest (fewest constraints; ties keep the earlier, so the default). This is
 * how matmul_private's `freivalds`, which needs the challenge, becomes the default there when it is
 * cheaper. Under groth16 nothing changes (undefined: the caller keeps the default).
 */
function cheapestWithChallenge(gadget: GadgetDef, node: Node, graph: Graph): RatedStrategy | undefined {
  if (rangeMode().kind !== 'lookup' || gadget.errorBound || gadget.strategies.length < 2 || node.attrs.strategy !== undefined) return undefined;
  const rated = gadget.strategies.map((s) => rateStrategy(gadget, node, graph, s));
  return rated.reduce((a, b) => (b.cost.constraints < a.cost.constraints ? b : a));
}

/**
 * The strategy of one node: an explicit `--strategy gadget=s` wins; otherwise, with a goal, the
 * strategies within the error budget ranked by the target (size unless given); otherwise the
 * node's own strategy attribute or the default. ZK021 when no strategy meets the budget. An exact
 * gadget (no error bound) keeps the node's own strategy under a goal: its strategies differ in
 * layout, not in error; under groth16-cr, one with no strategy of its own takes its cheapest
 * (cheapestWithChallenge), goal or not.
 */
export function pickStrategy(gadget: GadgetDef, node: Node, graph: Graph, explicit: string | undefined, goal: StrategyGoal): RatedStrategy {
  if (explicit === undefined) {
    const cheapest = cheapestWithChallenge(gadget, node, graph);
    if (cheapest) return cheapest;
  }
  if (explicit !== undefined || !gadget.errorBound || (goal.errorBudget === undefined && goal.target === undefined)) {
    return rateStrategy(gadget, node, graph, explicit ?? currentStrategy(gadget, node));
  }
  const rated = gadget.strategies.map((s) => rateStrategy(gadget, node, graph, s));
  const budget = goal.errorBudget ?? Infinity;
  const fitting = rated.filter((r) => r.error <= budget).sort(byTarget[goal.target ?? 'size']);
  if (fitting.length === 0) {
    const best = rated.map((r) => `${r.strategy} ${r.error.toExponential(2)}`).join(', ');
    raise(Errors.OVER_BUDGET, { node: node.name, op: node.op }, `budget ${budget}, error bounds: ${best}`);
  }
  return fitting[0];
}
