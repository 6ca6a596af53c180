import { assert } from '@onnx-zk/tensor-ir';
import { readBinSections, readBytes } from './bin-header';

/** The counts in an iden3 r1cs header (section 1). */
export interface R1csInfo {
  wires: number;
  publicOutputs: number;
  publicInputs: number;
  privateInputs: number;
  constraints: number;
}

export function readR1csInfo(file: string): R1csInfo {
  const { magic, offsets } = readBinSections(file);
  const header = offsets.get(1);
  assert(magic === 'r1cs' && header !== undefined, `${file} is not an r1cs file`);
  const n8 = readBytes(file, header, 4).readUInt32LE(0);
  const b = readBytes(file, header + 4 + n8, 4 * 4 + 8 + 4);
  return {
    wires: b.readUInt32LE(0),
    publicOutputs: b.readUInt32LE(4),
    publicInputs: b.readUInt32LE(8),
    privateInputs: b.readUInt32LE(12),
    constraints: b.readUInt32LE(24),
  };
}
