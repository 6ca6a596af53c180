import * as path from 'path';
import { raise } from '@onnx-zk/tensor-ir';
import { StreamedFiles, StreamedR1cs, StreamingConstraintSystem } from '@onnx-zk/zk-accelerator-components';
import { Errors } from '../errors';
import { DenseCircuitOptions, synthesizeDenseCircuit } from './dense-circuit';

export interface StreamedDenseCircuit {
  header: StreamedR1cs;
  layers: number;
}

/**
 * Builds the synthetic dense circuit with the streaming builder (temp files next to the r1cs) and
 * writes circuit.r1cs, witness.wtns and circuit.sym; outputs public, inputs private.
 */
export function buildDenseCircuitFiles(options: DenseCircuitOptions, files: StreamedFiles): StreamedDenseCircuit {
  const cs = new StreamingConstraintSystem(path.dirname(files.r1cs));
  try {
    const { inputs, outputs, layers } = synthesizeDenseCircuit(cs, options);
    const { header, failure } = cs.finalizeToFiles({ outputs, privateInputs: inputs }, files);
    if (failure) raise(Errors.WITNESS_UNSATISFIED, { node: failure.label.split('.')[0] }, `constraint ${failure.index} (${failure.label})`);
    return { header, layers };
  } finally {
    cs.dispose();
  }
}
