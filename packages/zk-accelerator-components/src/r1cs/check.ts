import { assert } from '@onnx-zk/tensor-ir';
import { P } from './field';
import { evalLc } from './linear-combination';
import type { R1CS } from './finalize';

export interface ConstraintFailure {
  index: number;
  label: string;
}

/** Checks A·B = C for every constraint; returns the first failing one, or null. */
export function checkR1cs(r1cs: R1CS, witness: readonly bigint[]): ConstraintFailure | null {
  assert(witness.length === r1cs.nWires, `witness has ${witness.length} values for ${r1cs.nWires} wires`);
  assert(witness[0] === 1n, 'witness[0] must be 1');
  for (let i = 0; i < r1cs.constraints.length; i++) {
    const { a, b, c, label } = r1cs.constraints[i];
    if ((evalLc(a, witness) * evalLc(b, witness) - evalLc(c, witness)) % P !== 0n) return { index: i, label };
  }
  return null;
}
