import { withOutputDir } from '../output-dir';
import { assignCircuitToFiles } from './assign-streamed';
import { loadCircuit } from './prepare';
import type { Signal } from '@onnx-zk/zk-accelerator-components';
import type { CircuitSignature } from '../llvm';

export interface AssignRunOptions {
  /** The LLVM module (.bc or .ll) from onnx-zk-llvm. */
  module: string;
  /** input.json: `{"input_data": [[...], ...]}`. */
  input: string;
  /** Output folder for circuit.r1cs, witness.wtns and circuit.sym. */
  out: string;
  /** Make every model input a public signal. */
  publicInputs?: boolean;
}

export interface AssignRunResult {
  signature: CircuitSignature;
  constraints: number;
  wires: number;
  /** The exact signed integer of every model output element (witness values). */
  outputs: bigint[][];
}

/** Assigns the circuit, streaming its R1CS, witness and symbol map to disk (no setup, no proof). */
export async function runAssign(options: AssignRunOptions): Promise<AssignRunResult> {
  const loaded = loadCircuit(options.module, options.input);
  const { header, outputs } = await withOutputDir(options.out, async (stage) => assignCircuitToFiles(loaded.module, loaded.inputs, stage, { publicInputs: options.publicInputs }));
  return {
    signature: loaded.module.signature,
    constraints: header.nConstraints,
    wires: header.nWires,
    outputs: outputs.map((signals: Signal[]) => signals.map((s) => s.value)),
  };
}
