import { Graph, Node, Tensor } from '../model';
import { opOf } from '../infer';
import { typeNode } from './type-node';

/** Ops whose result depends only on the input's type, so they fold once its shape is static. */
const SHAPE_ONLY = new Set(['Shape', 'Size']);

/** Ops never folded: their value is meant to vary (none of the float dialect's ops today). */
const NEVER_FOLD = new Set<string>(['RandomNormal', 'RandomUniform', 'RandomNormalLike', 'RandomUniformLike', 'Multinomial', 'Bernoulli']);

export interface FoldOptions {
  /** Nodes to keep even when foldable (typed by then), e.g. those the frontend's lenient table checks. */
  keep?: (node: Node, graph: Graph) => boolean;
}

/**
 * fold-constants: evaluates, with the op's own float semantics, every node whose inputs are all
 * constants (or, for Shape and Size, whose input has a static type) and turns its outputs into
 * graph constants. Walking in order folds whole chains — PyTorch's Shape → Gather → Unsqueeze →
 * Concat → Reshape, ConstantOfShape, Range — so every shape is static before lowering. Nodes are
 * typed as the walk goes, so it also runs before inferShapes (at import).
 */
export function foldConstants(graph: Graph, opts: FoldOptions = {}): void {
  if (graph.stage !== 'float') return;
  const kept: Node[] = [];
  for (const node of graph.nodes) {
    if (!typeNode(graph, node) || opts.keep?.(node, graph) || !fold(graph, node)) kept.push(node);
  }
  graph.nodes = kept;
}

function fold(graph: Graph, node: Node): boolean {
  const def = opOf(graph, node);
  if (!def?.evalFloat || NEVER_FOLD.has(node.op)) return false;
  const args = foldableInputs(graph, node);
  if (!args) return false;
  const outs = def.evalFloat(node, args, graph.opset);
  node.outputs.forEach((out, i) => {
    if (out === '' || !outs[i]) return;
    graph.constants.set(out, outs[i]);
    graph.values.set(out, { name: out, dtype: outs[i].dtype, shape: [...outs[i].shape] });
  });
  return true;
}

/** The node's inputs as tensors when it can be evaluated now, else undefined. */
function foldableInputs(graph: Graph, node: Node): (Tensor | undefined)[] | undefined {
  if (SHAPE_ONLY.has(node.op)) {
    const info = graph.values.get(node.inputs[0]);
    // Shape and Size read only the shape: no need to materialise the data.
    return info ? [{ dtype: info.dtype, shape: [...info.shape], data: new Float32Array(0) }] : undefined;
  }
  const args = node.inputs.map((n) => (n === '' ? undefined : graph.constants.get(n)));
  return node.inputs.every((n, i) => n === '' || args[i] !== undefined) ? args : undefined;
}
