import { BinSection, ByteSink, writeBinFile } from './bin-file';
import type { R1CS } from './finalize';
import type { LinearCombination } from './linear-combination';

export const N8 = 32;

/** The counts of an r1cs header (section 1). */
export interface R1csHeader {
  prime: bigint;
  nWires: number;
  nPubOut: number;
  nPubIn: number;
  nPrvIn: number;
  nConstraints: number;
}

/** Bytes of one serialized linear combination: u32 term count, then (u32 wire, n8 coefficient) terms. */
export function lcBytes(terms: number): number {
  return 4 + terms * (4 + N8);
}

/**
 * Writes circuit.r1cs in iden3's r1cs format v1 (sections: header, constraints, wire → label);
 * `writeConstraints` must write exactly `constraintBytes` bytes.
 */
export function writeR1csFile(file: string, h: R1csHeader, constraintBytes: number, writeConstraints: (sink: ByteSink) => void): void {
  const header: BinSection = {
    type: 1,
    size: 4 + N8 + 4 * 4 + 8 + 4,
    write(sink) {
      sink.u32(N8);
      sink.bigint(h.prime, N8);
      sink.u32(h.nWires);
      sink.u32(h.nPubOut);
      sink.u32(h.nPubIn);
      sink.u32(h.nPrvIn);
      sink.u64(h.nWires); // nLabels: every wire is its own label
      sink.u32(h.nConstraints);
    },
  };
  const wireToLabel: BinSection = {
    type: 3,
    size: 8 * h.nWires,
    write(sink) {
      for (let w = 0; w < h.nWires; w++) sink.u64(w);
    },
  };
  writeBinFile(file, 'r1cs', 1, [header, { type: 2, size: constraintBytes, write: writeConstraints }, wireToLabel]);
}

/** Writes an in-memory R1CS (terms of every linear combination in wire order). */
export function writeR1cs(file: string, r1cs: R1CS): void {
  let constraintBytes = 0;
  for (const c of r1cs.constraints) constraintBytes += lcBytes(c.a.size) + lcBytes(c.b.size) + lcBytes(c.c.size);
  const header = { ...r1cs, nConstraints: r1cs.constraints.length };
  writeR1csFile(file, header, constraintBytes, (sink) => {
    for (const c of r1cs.constraints) {
      for (const lc of [c.a, c.b, c.c]) writeLc(sink, lc);
    }
  });
}

function writeLc(sink: ByteSink, lc: LinearCombination): void {
  sink.u32(lc.size);
  for (const wire of [...lc.keys()].sort((x, y) => x - y)) {
    sink.u32(wire);
    sink.bigint(lc.get(wire)!, N8);
  }
}
