import * as path from 'path';
import { withFile } from '@onnx-zk/tensor-ir';
import { StreamedR1cs, StreamingConstraintSystem, Signal } from '@onnx-zk/zk-accelerator-components';
import type { CircuitModule } from '../llvm';
import { AssignOptions, raiseUnsatisfied, synthesizeModule } from './assign-circuit';
import { ASSIGNMENT_FILES } from './write-assignment';

/** A circuit assigned straight to its files: the header counts and the output signals. */
export interface StreamedAssignment {
  header: StreamedR1cs;
  outputs: Signal[][];
  /** rounds: written for groth16-cr circuits only. */
  files: { r1cs: string; wtns: string; sym: string; rounds: string };
}

/**
 * Assigns the circuit with the streaming builder: constraints, witness and labels go to temp
 * files in `dir` as gadgets add them, and circuit.r1cs, witness.wtns and circuit.sym are streamed
 * out at the end (byte-identical to assignCircuit + writeAssignment). Raises PV014, writing
 * nothing, when the witness breaks a constraint.
 */
export function assignCircuitToFiles(mod: CircuitModule, inputs: readonly BigInt64Array[], dir: string, options: AssignOptions = {}): StreamedAssignment {
  return withFile(mod.file, () => {
    const cs = new StreamingConstraintSystem(dir);
    try {
      const { finalize, outputs } = synthesizeModule(cs, mod, inputs, options);
      const files = {
        r1cs: path.join(dir, ASSIGNMENT_FILES.r1cs), wtns: path.join(dir, ASSIGNMENT_FILES.wtns), sym: path.join(dir, ASSIGNMENT_FILES.sym),
        rounds: path.join(dir, ASSIGNMENT_FILES.rounds),
      };
      const { header, failure } = cs.finalizeToFiles(finalize, files);
      if (failure) raiseUnsatisfied(failure);
      return { header, outputs, files };
    } finally {
      cs.dispose();
    }
  });
}
