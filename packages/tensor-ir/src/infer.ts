import { Graph, Node, ValueInfo } from './model';
import { ErrorCollector, ErrorDef, IrErrors, raise } from './errors';
import { InferContext, OpDef } from './ops/types';
import { lookupOp, opsFor } from './op-tables';

/** The context an op's shape rule runs in, reading input types from `graph.values`. */
export function inferContext(graph: Graph, node: Node): InferContext {
  const site = { node: node.name, op: node.op };
  const inputs: (ValueInfo | undefined)[] = node.inputs.map((n) => (n === '' ? undefined : graph.values.get(n)));
  return {
    node,
    stage: graph.stage,
    opset: graph.opset,
    inputs,
    constants: node.inputs.map((n) => (n === '' ? undefined : graph.constants.get(n))),
    isGraphInput: (i) => graph.inputs.includes(node.inputs[i]),
    input(i) {
      const v = inputs[i];
      return v ?? raise(IrErrors.BAD_OPERANDS, site, `input ${i} is required but absent`);
    },
    fail: (details: string, def: ErrorDef = IrErrors.BAD_OPERANDS) => raise(def, site, details),
  };
}

/** Why a node's input/output counts do not fit its op, or undefined when they do. */
export function arityProblem(def: OpDef, node: Node): string | undefined {
  const specs = def.inputs;
  const variadic = specs.length > 0 && specs[specs.length - 1].variadic === true;
  const minIn = specs.reduce((m, s, i) => (s.optional ? m : i + 1), 0);
  const maxIn = variadic ? Infinity : specs.length;
  const n = node.inputs.length;
  if (n < minIn || n > maxIn) return `expected ${rangeText(minIn, maxIn)} inputs, got ${n}`;
  for (let i = 0; i < n; i++) {
    const spec = specs[Math.min(i, specs.length - 1)];
    if (node.inputs[i] === '' && !spec.optional) return `input ${i} (${spec.name}) is required but absent`;
  }
  const minOut = def.outputs.reduce((m, s, i) => (s.optional ? m : i + 1), 0);
  const m = node.outputs.length;
  if (m < minOut || m > def.outputs.length) return `expected ${rangeText(minOut, def.outputs.length)} outputs, got ${m}`;
  const absent = node.outputs.findIndex((o, i) => o === '' && !def.outputs[i].optional);
  if (absent >= 0) return `output ${absent} (${def.outputs[absent].name}) is required but absent`;
  return undefined;
}

function rangeText(min: number, max: number): string {
  if (min === max) return `${min}`;
  return max === Infinity ? `at least ${min}` : `${min} to ${max}`;
}

/** The op of a node in the graph's dialect, or undefined (the caller reports IR007). */
export function opOf(graph: Graph, node: Node): OpDef | undefined {
  return lookupOp(opsFor(graph.stage), node.op);
}

export function unknownOpDetails(graph: Graph, node: Node): string {
  const known = Object.keys(opsFor(graph.stage)).join(', ');
  return `'${node.op}' is not an op of the ${graph.stage} dialect (known: ${known})`;
}

/**
 * Sets the type of every node output from its op's shape rule, in node order, keeping any
 * FixedInfo already recorded (constants without a ValueInfo get one from their tensor). Reports
 * every problem at once (e.g. all unknown ops); a node whose inputs could not be typed is
 * skipped rather than reported again.
 */
export function inferShapes(graph: Graph): void {
  for (const [name, t] of graph.constants) {
    if (!graph.values.has(name)) graph.values.set(name, { name, dtype: t.dtype, shape: [...t.shape] });
  }
  const errors = new ErrorCollector();
  const untyped = new Set<string>();
  for (const node of graph.nodes) {
    const site = { node: node.name, op: node.op };
    const def = opOf(graph, node);
    const typed = def && node.inputs.every((n) => !untyped.has(n));
    const missing = node.inputs.find((n) => n !== '' && !untyped.has(n) && !graph.values.get(n));
    const arity = def && arityProblem(def, node);
    if (!def) errors.add(IrErrors.UNKNOWN_OP, site, unknownOpDetails(graph, node));
    else if (missing !== undefined) errors.add(IrErrors.DANGLING, site, `input '${missing}' has no type`);
    else if (arity) errors.add(IrErrors.ARITY, site, arity);
    const types = def && typed && missing === undefined && !arity ? errors.attempt(() => def.infer(inferContext(graph, node))) : undefined;
    node.outputs.forEach((out, i) => {
      if (out === '') return;
      if (!types) { untyped.add(out); return; }
      const fixed = graph.values.get(out)?.fixed;
      graph.values.set(out, { name: out, dtype: types[i].dtype, shape: [...types[i].shape], ...(fixed ? { fixed } : {}) });
    });
  }
  errors.throwIfAny();
}
