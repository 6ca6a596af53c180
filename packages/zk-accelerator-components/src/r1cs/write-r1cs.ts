import { writeBinFile } from './bin-file';
import type { R1CS } from './finalize';
import type { LinearCombination } from './linear-combination';

const N8 = 32;

function lcSize(lc: LinearCombination): number {
  return 4 + lc.size * (4 + N8);
}

/** Writes circuit.r1cs in iden3's r1cs format v1 (sections: header, constraints, wire → label). */
export function writeR1cs(file: string, r1cs: R1CS): void {
  let constraintBytes = 0;
  for (const c of r1cs.constraints) constraintBytes += lcSize(c.a) + lcSize(c.b) + lcSize(c.c);
  writeBinFile(file, 'r1cs', 1, [
    {
      type: 1,
      size: 4 + N8 + 4 * 4 + 8 + 4,
      write(sink) {
        sink.u32(N8);
        sink.bigint(r1cs.prime, N8);
        sink.u32(r1cs.nWires);
        sink.u32(r1cs.nPubOut);
        sink.u32(r1cs.nPubIn);
        sink.u32(r1cs.nPrvIn);
        sink.u64(r1cs.nWires); // nLabels: every wire is its own label
        sink.u32(r1cs.constraints.length);
      },
    },
    {
      type: 2,
      size: constraintBytes,
      write(sink) {
        for (const c of r1cs.constraints) {
          for (const lc of [c.a, c.b, c.c]) {
            sink.u32(lc.size);
            for (const wire of [...lc.keys()].sort((x, y) => x - y)) {
              sink.u32(wire);
              sink.bigint(lc.get(wire)!, N8);
            }
          }
        }
      },
    },
    {
      type: 3,
      size: 8 * r1cs.nWires,
      write(sink) {
        for (let w = 0; w < r1cs.nWires; w++) sink.u64(w);
      },
    },
  ]);
}
