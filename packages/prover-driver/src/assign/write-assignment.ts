import * as path from 'path';
import { writeR1cs, writeRoundsFile, writeSym, writeWtns, R1CS } from '@onnx-zk/zk-accelerator-components';

export const ASSIGNMENT_FILES = { r1cs: 'circuit.r1cs', wtns: 'witness.wtns', sym: 'circuit.sym', rounds: 'circuit.rounds' } as const;

/** Writes circuit.r1cs (iden3 r1cs v1), witness.wtns (wtns v2) and circuit.sym into `dir`, and circuit.rounds for a groth16-cr circuit. */
export function writeAssignment(dir: string, r1cs: R1CS): { r1cs: string; wtns: string; sym: string } {
  const files = {
    r1cs: path.join(dir, ASSIGNMENT_FILES.r1cs),
    wtns: path.join(dir, ASSIGNMENT_FILES.wtns),
    sym: path.join(dir, ASSIGNMENT_FILES.sym),
  };
  writeR1cs(files.r1cs, r1cs);
  writeWtns(files.wtns, r1cs.witness);
  writeSym(files.sym, r1cs);
  if (r1cs.rounds) writeRoundsFile(path.join(dir, ASSIGNMENT_FILES.rounds), r1cs.rounds.info, r1cs.rounds.hints);
  return files;
}
