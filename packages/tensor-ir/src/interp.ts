import { Graph, Node, Tensor } from './model';
import { IrErrors, OnnxZkError, raise } from './errors';
import { onnxOps } from './ops';
import { lookupOp } from './op-tables';
import { sameShape, shapeToString } from './tensor';

export interface RunFloatOptions {
  /**
   * Free each intermediate value after its last use (default false: every value is returned).
   * The result then holds the constants, the inputs and the graph outputs only, and the peak
   * memory of a run stays near the weights' size.
   */
  freeIntermediates?: boolean;
}

/**
 * The float reference interpreter: runs a float-stage graph on the given inputs (in graph input
 * order) and returns every value — constants, inputs and node outputs — by name.
 */
export function runFloat(graph: Graph, inputs: Tensor[], opts: RunFloatOptions = {}): Map<string, Tensor> {
  if (graph.stage !== 'float') raise(IrErrors.WRONG_STAGE, {}, `the float interpreter runs float graphs, got ${graph.stage}`);
  if (inputs.length !== graph.inputs.length) {
    raise(IrErrors.INPUT_MISMATCH, {}, `the graph has ${graph.inputs.length} inputs (${graph.inputs.join(', ')}), got ${inputs.length}`);
  }
  const env = new Map<string, Tensor>(graph.constants);
  graph.inputs.forEach((name, i) => {
    const info = graph.values.get(name);
    const t = inputs[i];
    if (info && (info.dtype !== t.dtype || !sameShape(info.shape, t.shape))) {
      raise(IrErrors.INPUT_MISMATCH, {}, `input '${name}' is ${info.dtype}${shapeToString(info.shape)}, got ${t.dtype}${shapeToString(t.shape)}`);
    }
    env.set(name, t);
  });
  const dying = opts.freeIntermediates ? lastUses(graph) : undefined;
  graph.nodes.forEach((node, i) => {
    runNode(node, env, graph.opset);
    for (const name of dying?.[i] ?? []) env.delete(name);
  });
  return env;
}

/** For each node, the node outputs whose last reader it is (never graph outputs). */
function lastUses(graph: Graph): string[][] {
  const last = new Map<string, number>();
  graph.nodes.forEach((node, i) => {
    for (const name of [...node.inputs, ...node.outputs]) last.set(name, i);
  });
  const produced = new Set(graph.nodes.flatMap((n) => n.outputs));
  const kept = new Set(graph.outputs);
  const dying: string[][] = graph.nodes.map(() => []);
  for (const [name, i] of last) if (produced.has(name) && !kept.has(name) && name !== '') dying[i].push(name);
  return dying;
}

function runNode(node: Node, env: Map<string, Tensor>, opset: number): void {
  const site = { node: node.name, op: node.op };
  const def = lookupOp(onnxOps, node.op) ?? raise(IrErrors.UNKNOWN_OP, site, `'${node.op}' is not an op of the float dialect`);
  if (!def.evalFloat) raise(IrErrors.NO_FLOAT_SEMANTICS, site);
  const args = node.inputs.map((n) => (n === '' ? undefined : env.get(n) ?? raise(IrErrors.DANGLING, site, `'${n}' has no value yet`)));
  let outs: Tensor[];
  try {
    outs = def.evalFloat(node, args, opset);
  } catch (e) {
    // Shared helpers raise without knowing the node; name it here.
    if (e instanceof OnnxZkError && e.site.node === undefined) throw new OnnxZkError(e.def, { ...e.site, ...site }, e.details);
    throw e;
  }
  node.outputs.forEach((o, i) => {
    if (o !== '') env.set(o, outs[i]);
  });
}
