import { Graph, Node, Tensor } from './model';
import { IrErrors, OnnxZkError, raise } from './errors';
import { onnxOps } from './ops';
import { matMulTransposedB } from './ops/MatMul';
import { PARALLEL_MIN_MACS, warmMatMulHelper, withMatMulPrecision } from './ops/helpers/matmul-pool';
import { lookupOp } from './op-tables';
import { sameShape, shapeToString } from './tensor';

export interface RunFloatOptions {
  /**
   * Free each intermediate value after its last use (default false: every value is returned).
   * The result then holds the constants, the inputs and the graph outputs only, and the peak
   * memory of a run stays near the weights' size.
   */
  freeIntermediates?: boolean;
  /**
   * How MatMul and Gemm sum the products of a float32 weight: 'float64' (default; the reference,
   * every element the float64 sum of the definition, bit for bit) or 'float32' (each block of 256
   * products summed in float32, as onnxruntime does, then added in float64: about twice as fast,
   * float32-accurate). Other ops are unaffected.
   */
  matmulPrecision?: 'float64' | 'float32';
}

/**
 * The float reference interpreter: runs a float-stage graph on the given inputs (in graph input
 * order) and returns every value — constants, inputs and node outputs — by name.
 */
export function runFloat(graph: Graph, inputs: Tensor[], opts: RunFloatOptions = {}): Map<string, Tensor> {
  return withMatMulPrecision(opts.matmulPrecision ?? 'float64', () => run(graph, inputs, opts));
}

function run(graph: Graph, inputs: Tensor[], opts: RunFloatOptions): Map<string, Tensor> {
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
  if (splitsProducts(graph)) warmMatMulHelper();
  const dying = opts.freeIntermediates ? lastUses(graph) : undefined;
  // Intermediates are not returned in the lean mode, so a weight Transpose feeding MatMuls only is
  // never materialized there: those MatMuls read the weight transposed in place.
  const fused = opts.freeIntermediates ? transposedWeights(graph) : undefined;
  graph.nodes.forEach((node, i) => {
    if (fused?.skipped.has(i)) return;
    const weight = fused?.readers.get(i);
    if (weight !== undefined) runTransposedMatMul(node, env, weight);
    else runNode(node, env, graph.opset);
    for (const name of dying?.[i] ?? []) env.delete(name);
  });
  return env;
}

/**
 * Transpose nodes with perm [1, 0] (or the default) of a 2-D graph constant whose every reader is
 * a MatMul taking the result as B (never a graph output): their indices, and for each such MatMul
 * the constant it reads transposed.
 */
function transposedWeights(graph: Graph): { skipped: Set<number>; readers: Map<number, string> } {
  const readersOf = new Map<string, { node: number; input: number }[]>();
  graph.nodes.forEach((node, i) => node.inputs.forEach((name, input) => {
    if (name === '') return;
    const list = readersOf.get(name) ?? [];
    list.push({ node: i, input });
    readersOf.set(name, list);
  }));
  const skipped = new Set<number>();
  const readers = new Map<number, string>();
  const outputs = new Set(graph.outputs);
  graph.nodes.forEach((node, i) => {
    const w = graph.constants.get(node.inputs[0]);
    const perm = node.attrs.perm;
    if (node.op !== 'Transpose' || !w || w.shape.length !== 2 || (perm && (perm.type !== 'ints' || perm.value[0] !== 1 || perm.value[1] !== 0))) return;
    const out = node.outputs[0];
    const uses = readersOf.get(out) ?? [];
    if (outputs.has(out) || uses.length === 0) return;
    if (!uses.every((u) => u.input === 1 && graph.nodes[u.node].op === 'MatMul' && graph.nodes[u.node].inputs[0] !== out)) return;
    skipped.add(i);
    for (const u of uses) readers.set(u.node, node.inputs[0]);
  });
  return { skipped, readers };
}

function runTransposedMatMul(node: Node, env: Map<string, Tensor>, weight: string): void {
  const site = { node: node.name, op: node.op };
  const a = env.get(node.inputs[0]) ?? raise(IrErrors.DANGLING, site, `'${node.inputs[0]}' has no value yet`);
  env.set(node.outputs[0], matMulTransposedB(node, a, env.get(weight)!));
}

/** Whether some MatMul or Gemm of the graph is large enough to be split over two threads. */
function splitsProducts(graph: Graph): boolean {
  return graph.nodes.some((node) => {
    if (node.op !== 'MatMul' && node.op !== 'Gemm') return false;
    const a = graph.values.get(node.inputs[0]);
    const y = graph.values.get(node.outputs[0]);
    if (!a || !y || a.shape.length === 0) return false;
    const k = node.op === 'Gemm' && node.attrs.transA?.value ? a.shape[0] : a.shape[a.shape.length - 1];
    return y.shape.reduce((p, d) => p * d, 1) * k >= PARALLEL_MIN_MACS;
  });
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
