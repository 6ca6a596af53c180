import { ErrorCollector, Graph, Node } from '@onnx-zk/tensor-ir';
import { FeErrors } from './errors';

/** One spec rule that real exporters break and peers (EZKL) accept anyway. */
interface LenientRow {
  op: string;
  /** The ONNX rule the node breaks, quoted in the error and the warning. */
  rule: string;
  applies(node: Node, graph: Graph): boolean;
  /** The spec-valid nodes that compute what the peers compute for it. */
  rewrite(node: Node): Node[];
}

const dtypeOf = (graph: Graph, value: string | undefined) => (value ? graph.values.get(value)?.dtype : undefined);
const isFloat = (graph: Graph, value: string | undefined) => ['float32', 'float64'].includes(dtypeOf(graph, value) ?? '');

/**
 * The rows. Float Equal before opset 11 becomes ¬(a < b ∨ a > b) (equal except that NaN == NaN
 * holds); bool Add becomes Or (numpy's bool sum); int8 MatMul runs as written (int8 arithmetic).
 */
export const lenientRows: readonly LenientRow[] = [
  {
    op: 'Equal',
    rule: 'Equal takes float tensors only from opset 11',
    applies: (node, graph) => graph.opset < 11 && isFloat(graph, node.inputs[0]),
    rewrite: (n) => [
      { ...n, op: 'Less', name: `${n.name}/less`, outputs: [`${n.outputs[0]}/less`], attrs: {} },
      { ...n, op: 'Greater', name: `${n.name}/greater`, outputs: [`${n.outputs[0]}/greater`], attrs: {} },
      { ...n, op: 'Or', name: `${n.name}/or`, inputs: [`${n.outputs[0]}/less`, `${n.outputs[0]}/greater`], outputs: [`${n.outputs[0]}/ne`], attrs: {} },
      { ...n, op: 'Not', inputs: [`${n.outputs[0]}/ne`], attrs: {} },
    ],
  },
  {
    op: 'MatMul',
    rule: 'MatMul takes float, int32, int64, uint32 and uint64 tensors, not int8',
    applies: (node, graph) => dtypeOf(graph, node.inputs[0]) === 'int8',
    rewrite: (n) => [n],
  },
  {
    op: 'Add',
    rule: 'Add takes numeric tensors, not bool',
    applies: (node, graph) => dtypeOf(graph, node.inputs[0]) === 'bool',
    rewrite: (n) => [{ ...n, op: 'Or' }],
  },
];

/** Whether a row of the table applies to the node (its inputs typed). */
export function breaksLenientRule(node: Node, graph: Graph): boolean {
  return lenientRows.some((r) => r.op === node.op && r.applies(node, graph));
}

/**
 * Applies the lenient table to a graph whose values are typed as far as they can be: strict mode
 * reports every matching node (FE016, naming the node and the rule); lenient mode rewrites it and
 * warns. Returns whether anything was rewritten.
 */
export function applyLeniency(graph: Graph, lenient: boolean, file: string | undefined, warn: (line: string) => void): boolean {
  const errors = new ErrorCollector();
  let changed = false;
  graph.nodes = graph.nodes.flatMap((node) => {
    const row = lenientRows.find((r) => r.op === node.op && r.applies(node, graph));
    if (!row) return [node];
    const site = { file, node: node.name, op: node.op };
    if (!lenient) {
      errors.add(FeErrors.SPEC_INVALID, site, row.rule);
      return [node];
    }
    const where = [file, `${node.name} (${node.op})`].filter((w) => w !== undefined).join(': ');
    warn(`warning ${FeErrors.SPEC_INVALID.code}: ${where}: ${FeErrors.SPEC_INVALID.message}: ${row.rule}; accepted under --lenient`);
    const rewritten = row.rewrite(node);
    changed ||= rewritten.length !== 1 || rewritten[0] !== node;
    return rewritten;
  });
  errors.throwIfAny();
  return changed;
}
