import { Graph, Node, ValueInfo, assert, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { typesOf } from '../graph-types';
import { rules } from '../rules';
import { checkInputCount, checkInputElement } from './check-input';

/**
 * The integer interpreter, the bit-exact specification of the circuit: runs a fixed (or accel)
 * graph on quantized inputs with exact BigInt arithmetic and returns every value by name. Each
 * produced element is checked against its proven bounds; a violation means the range analysis
 * was unsound and is an internal error.
 */
export function runInt(graph: Graph, inputs: readonly BigInt64Array[]): Map<string, BigInt64Array> {
  checkInputCount(graph, inputs.map((x) => x.length));
  const env = new Map<string, BigInt64Array>();
  graph.inputs.forEach((name, k) => {
    inputs[k].forEach((q, i) => checkInputElement(graph, name, i, q));
    env.set(name, inputs[k]);
  });
  for (const [name, t] of graph.constants) {
    assert(t.data instanceof BigInt64Array, `constant '${name}' of a fixed graph is not int64`);
    env.set(name, t.data);
  }
  for (const node of graph.nodes) {
    const rule = rules[node.op];
    if (!rule?.evalInt) raise(Errors.UNKNOWN_FIXED_OP, { node: node.name, op: node.op });
    const types = typesOf(graph, node);
    const outs = rule.evalInt(node, node.inputs.map((i) => (i === '' ? undefined : env.get(i))), types);
    node.outputs.forEach((name, k) => {
      if (name !== '') env.set(name, withinBounds(node, types.outputs[k]!, outs[k]));
    });
  }
  return env;
}

function withinBounds(node: Node, info: ValueInfo, values: bigint[]): BigInt64Array {
  const fixed = info.fixed;
  assert(fixed, `value '${info.name}' has no FixedInfo`);
  values.forEach((v, i) => {
    assert(
      v >= fixed.lo[i] && v <= fixed.hi[i],
      `unsound bounds: ${node.op} node '${node.name}' value '${info.name}' element ${i} = ${v} is outside [${fixed.lo[i]}, ${fixed.hi[i]}]`,
    );
  });
  return BigInt64Array.from(values);
}
