import * as fs from 'fs';

/**
 * Header reader for iden3 binary files (here: r1cs): 4-byte magic, uint32 version, uint32 section
 * count, then sections of (uint32 type, uint64 size, data). Only the few header bytes are read,
 * so this is cheap even for large files.
 */
export interface BinSections {
  magic: string;
  /** Offset of the data of each section type (first occurrence). */
  offsets: Map<number, number>;
}

export function readBinSections(file: string): BinSections {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = readAt(fd, 0, 12);
    const magic = head.toString('latin1', 0, 4);
    const count = head.readUInt32LE(8);
    const offsets = new Map<number, number>();
    let pos = 12;
    for (let i = 0; i < count; i++) {
      if (pos + 12 > size) throw new Error(`truncated section table at byte ${pos}`);
      const entry = readAt(fd, pos, 12);
      const type = entry.readUInt32LE(0);
      const length = Number(entry.readBigUInt64LE(4));
      if (!offsets.has(type)) offsets.set(type, pos + 12);
      pos += 12 + length;
    }
    if (pos > size) throw new Error('truncated file');
    return { magic, offsets };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads `length` bytes of `file` at `offset`. */
export function readBytes(file: string, offset: number, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    return readAt(fd, offset, length);
  } finally {
    fs.closeSync(fd);
  }
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, offset);
  if (n !== length) throw new Error(`unexpected end of file at byte ${offset + n}`);
  return buf;
}
