import { ErrorSite, Graph, Node, assert, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { typesOf } from '../graph-types';
import { rules } from '../rules';
import { ReadInterval, firstOverflow } from './interval';

/**
 * Sound range analysis: fills in FixedInfo lo/hi of every node output from the bounds of the
 * graph inputs (the declared input range) and of the constants, op by op with each rule's exact
 * interval arithmetic, and rejects any value that could leave |v| < 2^62.
 * `onnxOpOf` maps ONNX node names to their op types, for error messages.
 */
export function analyzeBounds(graph: Graph, onnxOpOf: ReadonlyMap<string, string> = new Map()): void {
  // Every interval is read from the FixedInfo arrays themselves (int64: the checks below keep
  // |v| < 2^62), so a constant's bounds are its data and no value's bounds are held twice.
  const intervals = new Map<string, ReadInterval>();
  for (const name of [...graph.inputs, ...graph.constants.keys()]) {
    const fixed = graph.values.get(name)?.fixed;
    assert(fixed, `value '${name}' has no FixedInfo`);
    checkFits(fixed, name, { node: name });
    intervals.set(name, fixed);
  }
  for (const node of graph.nodes) {
    const site = siteOf(node, onnxOpOf);
    const rule = rules[node.op];
    if (!rule?.bounds) raise(Errors.UNKNOWN_FIXED_OP, site, `${node.op} node '${node.name}'`);
    const types = typesOf(graph, node);
    const outs = rule.bounds(node, node.inputs.map((i) => (i === '' ? undefined : intervals.get(i))), types);
    node.outputs.forEach((name, k) => {
      const info = types.outputs[k];
      if (!info) return; // an absent optional output
      checkFits(outs[k], name, site, node);
      info.fixed = { frac: info.fixed?.frac ?? 0, lo: BigInt64Array.from(outs[k].lo), hi: BigInt64Array.from(outs[k].hi) };
      intervals.set(name, info.fixed);
    });
  }
}

function checkFits(x: ReadInterval, value: string, site: ErrorSite, node?: Node): void {
  const i = firstOverflow(x);
  if (i < 0) return;
  const of = node ? ` of ${node.op} node '${node.name}'` : '';
  raise(Errors.BOUND_OVERFLOW, site, `value '${value}'${of} element ${i} has bounds [${x.lo[i]}, ${x.hi[i]}]`);
}

/** Error site of a fixed node: the ONNX nodes it comes from and their op types. */
function siteOf(node: Node, onnxOpOf: ReadonlyMap<string, string>): ErrorSite {
  if (node.loc.length === 0) return { node: node.name, op: node.op };
  const ops = [...new Set(node.loc.map((l) => onnxOpOf.get(l) ?? node.op))];
  return { node: node.loc.join('+'), op: ops.join('+') };
}
