import { withOutputDir } from '../output-dir';
import { prepareCircuit } from './prepare';
import { writeAssignment } from './write-assignment';
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

/** Assigns the circuit and writes its R1CS, witness and symbol map (no setup, no proof). */
export async function runAssign(options: AssignRunOptions): Promise<AssignRunResult> {
  const prepared = prepareCircuit(options.module, options.input, { publicInputs: options.publicInputs });
  const { r1cs, outputs } = prepared.assignment;
  await withOutputDir(options.out, async (stage) => { writeAssignment(stage, r1cs); });
  return {
    signature: prepared.module.signature,
    constraints: r1cs.constraints.length,
    wires: r1cs.nWires,
    outputs: outputs.map((signals: Signal[]) => signals.map((s) => s.value)),
  };
}
