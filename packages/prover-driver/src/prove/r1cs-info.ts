import { readR1csHeader } from '../setup/r1cs-stream';

/** The counts in an iden3 r1cs header (section 1). */
export interface R1csInfo {
  wires: number;
  publicOutputs: number;
  publicInputs: number;
  privateInputs: number;
  constraints: number;
}

/** The header counts of an r1cs file (setup/r1cs-stream.ts reads and checks it). */
export function readR1csInfo(file: string): R1csInfo {
  const h = readR1csHeader(file);
  return { wires: h.nWires, publicOutputs: h.nPubOut, publicInputs: h.nPubIn, privateInputs: h.nPrvIn, constraints: h.nConstraints };
}
