import { Graph, Node } from '../model';
import { OnnxZkError, OnnxZkErrorList } from '../errors';
import { arityProblem, inferContext, opOf } from '../infer';

/**
 * Types one node's outputs from its op's shape rule, if it can: returns false (leaving the
 * outputs untyped) when the op is unknown, an input has no type or the rule rejects the node.
 * Passes that walk a graph before full inference (fold-constants at import) use it; the errors
 * themselves are reported by inferShapes afterwards, with every problem at once.
 */
export function typeNode(graph: Graph, node: Node): boolean {
  const def = opOf(graph, node);
  if (!def || arityProblem(def, node)) return false;
  if (node.inputs.some((n) => n !== '' && !graph.values.has(n))) return false;
  try {
    const types = def.infer(inferContext(graph, node));
    node.outputs.forEach((out, i) => {
      if (out !== '') graph.values.set(out, { name: out, dtype: types[i].dtype, shape: [...types[i].shape] });
    });
    return true;
  } catch (e) {
    if (e instanceof OnnxZkError || e instanceof OnnxZkErrorList) return false;
    throw e;
  }
}
