import { Graph, Node, assert } from '@onnx-zk/tensor-ir';
import { FixedTypes } from './rules/types';

/** The ValueInfo of a fixed node's inputs and outputs, as the rules see them. */
export function typesOf(graph: Graph, node: Node): FixedTypes {
  const info = (name: string) => {
    const v = graph.values.get(name);
    assert(v, `value '${name}' of node ${node.name} has no ValueInfo`);
    return v;
  };
  return {
    inputs: node.inputs.map((i) => (i === '' ? undefined : info(i))),
    outputs: node.outputs.map((o) => (o === '' ? undefined : info(o))),
  };
}
