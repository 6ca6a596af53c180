import { ErrorCollector, Graph, Node, numel, raise } from '@onnx-zk/tensor-ir';
import type { GadgetDef } from '@onnx-zk/zk-accelerator-components';
import { ResolvedArg, resolveArgs } from './abi';
import { Errors } from './errors';

/** One `call void @zk.<gadget>(...)` to emit, with its arguments resolved from the abi. */
export interface CallPlan {
  node: Node;
  gadget: GadgetDef;
  args: ResolvedArg[];
}

/** Largest global the emitter makes: 2^28 i64 = 2 GiB, far past any circuit snarkjs can prove. */
export const MAX_GLOBAL_ELEMENTS = 2 ** 28;

/**
 * Checks everything emission relies on and resolves each node's call. Every problem of every
 * node is reported at once (an OnnxZkErrorList), each naming the node and its op.
 */
export function planCalls(graph: Graph, gadgets: Record<string, GadgetDef>): CallPlan[] {
  if (graph.stage !== 'accel') raise(Errors.NOT_ACCEL, {}, `got stage ${graph.stage}`);
  const errors = new ErrorCollector();
  const plans: CallPlan[] = [];
  for (const node of graph.nodes) {
    const plan = errors.attempt(() => planNode(graph, node, gadgets));
    if (plan) plans.push(plan);
  }
  checkPorts(graph, errors);
  errors.throwIfAny();
  return plans;
}

function planNode(graph: Graph, node: Node, gadgets: Record<string, GadgetDef>): CallPlan {
  const site = { node: node.name, op: node.op };
  const attr = node.attrs.gadget;
  const name = attr?.type === 'string' ? attr.value : undefined;
  const gadget = name !== undefined && Object.prototype.hasOwnProperty.call(gadgets, name) ? gadgets[name] : undefined;
  if (!gadget) {
    const known = Object.keys(gadgets).sort().join(', ');
    raise(Errors.UNKNOWN_GADGET, site, `gadget '${name ?? '(none)'}'; known gadgets: ${known}`);
  }
  const args = resolveArgs(gadget, node, graph);
  for (const arg of args) checkArg(graph, node, arg);
  return { node, gadget, args };
}

function checkArg(graph: Graph, node: Node, arg: ResolvedArg): void {
  if (arg.kind === 'int' || arg.value === null) return;
  const site = { node: node.name, op: node.op };
  const info = graph.values.get(arg.value);
  if (!info || info.dtype !== 'int64') raise(Errors.NOT_INT64, site, `value ${arg.value} is ${info?.dtype ?? 'untyped'}`);
  const n = numel(info.shape);
  if (n > MAX_GLOBAL_ELEMENTS) raise(Errors.TOO_LARGE, site, `value ${arg.value} has ${n} elements`);
  if (arg.kind === 'lo' || arg.kind === 'hi') {
    if (arg.data.length !== n && arg.data.length !== 1) {
      raise(Errors.NO_BOUNDS, site, `${arg.kind} of ${arg.value} has ${arg.data.length} entries for ${n} elements`);
    }
  }
}

/** Graph inputs and outputs become @circuit's arguments and the signature (which needs their frac). */
function checkPorts(graph: Graph, errors: ErrorCollector): void {
  const computed = new Set(graph.nodes.flatMap((n) => n.outputs));
  for (const out of graph.outputs) {
    if (!computed.has(out)) errors.add(Errors.UNCOMPUTED_OUTPUT, { node: out, op: 'output' }, `graph output ${out}`);
  }
  for (const [name, op] of [...graph.inputs.map((v) => [v, 'input']), ...graph.outputs.map((v) => [v, 'output'])]) {
    const info = graph.values.get(name);
    if (!info || info.dtype !== 'int64') errors.add(Errors.NOT_INT64, { node: name, op }, `graph ${op} ${name}`);
    else if (!info.fixed) errors.add(Errors.NO_BOUNDS, { node: name, op }, `graph ${op} ${name} has no FixedInfo`);
  }
}
