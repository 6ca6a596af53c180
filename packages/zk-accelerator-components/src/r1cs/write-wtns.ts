import { writeBinFile } from './bin-file';
import { P } from './field';

const N8 = 32;

/** Writes witness.wtns in iden3's wtns format v2 (sections: header, values little-endian). */
export function writeWtns(file: string, witness: readonly bigint[]): void {
  writeBinFile(file, 'wtns', 2, [
    {
      type: 1,
      size: 4 + N8 + 4,
      write(sink) {
        sink.u32(N8);
        sink.bigint(P, N8);
        sink.u32(witness.length);
      },
    },
    {
      type: 2,
      size: N8 * witness.length,
      write(sink) {
        for (const v of witness) sink.bigint(v, N8);
      },
    },
  ]);
}
