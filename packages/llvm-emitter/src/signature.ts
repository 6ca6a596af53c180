import { Graph, assert } from '@onnx-zk/tensor-ir';

/** The `!onnx_zk.signature` JSON: how prover-driver quantizes inputs and decodes outputs. */
export interface CircuitSignature {
  version: 1;
  model: string;
  inputs: { name: string; shape: number[]; frac: number; public: boolean }[];
  outputs: { name: string; shape: number[]; frac: number }[];
}

export function circuitSignature(graph: Graph, publicInputs: boolean): CircuitSignature {
  const port = (name: string) => {
    const info = graph.values.get(name);
    assert(info?.fixed, `graph input/output ${name} has FixedInfo (stage accel)`);
    return { name, shape: [...info.shape], frac: info.fixed.frac };
  };
  return {
    version: 1,
    model: graph.name,
    inputs: graph.inputs.map((name) => ({ ...port(name), public: publicInputs })),
    outputs: graph.outputs.map(port),
  };
}
