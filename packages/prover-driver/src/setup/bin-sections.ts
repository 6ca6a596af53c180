/**
 * The section table of an iden3 binary file (.r1cs, .zkey, .ptau): 4-byte magic, u32 version,
 * u32 section count, then sections of (u32 id, u64 size, data). Only the 12-byte headers are read.
 */
export type SectionTable = Map<number, { start: number; size: number }>;

/** Reads `length` bytes at `pos`; raises the caller's coded error on a short read. */
export type ReadAt = (pos: number, length: number) => Buffer;

export interface SectionProblems {
  /** Not a file of this kind: magic or version. */
  wrongKind(detail: string): never;
  /** A section runs past the end of the file. */
  truncated(detail: string): never;
}

/**
 * The table of a file of `fileSize` bytes whose magic must be `magic` (and version `version`,
 * when given); the first section of an id wins.
 */
export function readSectionTable(read: ReadAt, fileSize: number, kind: { magic: string; version?: number }, problems: SectionProblems): SectionTable {
  if (fileSize < 12) problems.wrongKind(`too short for a ${kind.magic} file`);
  const head = read(0, 12);
  if (head.toString('latin1', 0, 4) !== kind.magic) problems.wrongKind(`no "${kind.magic}" magic`);
  if (kind.version !== undefined && head.readUInt32LE(4) !== kind.version) problems.wrongKind(`unsupported version ${head.readUInt32LE(4)}`);
  const sections: SectionTable = new Map();
  let pos = 12;
  for (let i = 0, n = head.readUInt32LE(8); i < n; i++) {
    const entry = read(pos, 12);
    const id = entry.readUInt32LE(0);
    const size = Number(entry.readBigUInt64LE(4));
    if (pos + 12 + size > fileSize) problems.truncated(`section ${id} needs ${size} bytes, the file ends at byte ${fileSize}`);
    if (!sections.has(id)) sections.set(id, { start: pos + 12, size });
    pos += 12 + size;
  }
  return sections;
}
