import { ByteSink, writeBinFile } from './bin-file';
import { P } from './field';

const N8 = 32;

/**
 * Writes witness.wtns in iden3's wtns format v2 (sections: header, values little-endian);
 * `writeValues` must write `count` field elements of n8 = 32 bytes each.
 */
export function writeWtnsFile(file: string, count: number, writeValues: (sink: ByteSink) => void): void {
  writeBinFile(file, 'wtns', 2, [
    {
      type: 1,
      size: 4 + N8 + 4,
      write(sink) {
        sink.u32(N8);
        sink.bigint(P, N8);
        sink.u32(count);
      },
    },
    { type: 2, size: N8 * count, write: writeValues },
  ]);
}

/** Writes an in-memory witness (field elements, in wire order). */
export function writeWtns(file: string, witness: readonly bigint[]): void {
  writeWtnsFile(file, witness.length, (sink) => {
    for (const v of witness) sink.bigint(v, N8);
  });
}
