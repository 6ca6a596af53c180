import { Graph, assert } from '@onnx-zk/tensor-ir';
import { backendOf, Backend } from '@onnx-zk/zk-accelerator-components';

/** The `!onnx_zk.signature` JSON: how prover-driver quantizes inputs and decodes outputs. */
export interface CircuitSignature {
  version: 1;
  model: string;
  inputs: { name: string; shape: number[]; frac: number; public: boolean }[];
  outputs: { name: string; shape: number[]; frac: number }[];
  /** The proving backend select bound the graph for (groth16-cr: with its limb width). */
  backend: { name: Backend; limbBits?: number };
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
    backend: backendJson(graph),
  };
}

function backendJson(graph: Graph): CircuitSignature['backend'] {
  const plan = backendOf(graph);
  return plan.limbBits === undefined ? { name: plan.backend } : { name: plan.backend, limbBits: plan.limbBits };
}
