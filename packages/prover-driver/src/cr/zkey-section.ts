/**
 * The groth16-cr part of a proving key: section 11 of the .zkey, after snarkjs's sections 1–10
 * (snarkjs reads the sections it knows by id and ignores the others, so groth16.prove and
 * zKey.exportVerificationKey work on the file unchanged):
 *
 *   δ1·G1 (64 bytes) · δ1·G2 (128 bytes) · u32 nChallenges · u32 first round-1 wire ·
 *   u32 round-1 wire count · L1_i = (β·u_i(τ) + α·v_i(τ) + w_i(τ))/δ1·G1 per round-1 wire (64 bytes each)
 *
 * Points in snarkjs's LEM encoding (affine, little-endian Montgomery x ‖ y; all zero = infinity).
 * Section 8 of the same key holds the point at infinity for the round-1 wires (docs/challenge-round.md).
 */
import * as fs from 'fs';
import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { ReadAt, readSectionTable, SectionTable } from '../setup/bin-sections';
import { CrErrors } from './errors';

export const CR_SECTION = 11;
const G1 = 64;
const G2 = 128;
const PREFIX_BYTES = G1 + G2 + 12;

export interface CrSection {
  /** δ1·G1 and δ1·G2, LEM. */
  delta1G1: Uint8Array;
  delta1G2: Uint8Array;
  nChallenges: number;
  /** The first round-1 wire (nPublic + 1) and how many there are. */
  round1Start: number;
  round1Count: number;
  /** File offset of the first L1 point. */
  pointsAt: number;
}

/** The section's fixed part, before the L1 points. */
export function crSectionPrefix(s: Omit<CrSection, 'pointsAt'>): Uint8Array {
  const b = Buffer.alloc(PREFIX_BYTES);
  b.set(s.delta1G1, 0);
  b.set(s.delta1G2, G1);
  b.writeUInt32LE(s.nChallenges, G1 + G2);
  b.writeUInt32LE(s.round1Start, G1 + G2 + 4);
  b.writeUInt32LE(s.round1Count, G1 + G2 + 8);
  return b;
}

/** The section table of a proving key, read through `fd`. */
export function zkeySections(fd: number, zkey: string): { sections: SectionTable; read: ReadAt } {
  const size = fs.fstatSync(fd).size;
  const read: ReadAt = (pos, length) => {
    const b = Buffer.alloc(length);
    return fs.readSync(fd, b, 0, length, pos) === length ? b : raise(Errors.ZKEY_TRUNCATED, { file: zkey }, `the file ends at byte ${size}`);
  };
  const sections = readSectionTable(read, size, { magic: 'zkey' }, {
    wrongKind: (detail) => raise(Errors.ZKEY_NOT_GROTH16, { file: zkey }, detail),
    truncated: (detail) => raise(Errors.ZKEY_TRUNCATED, { file: zkey }, detail),
  });
  return { sections, read };
}

/** Reads section 11 of a proving key (not its points); PV303 when there is none. */
export function readCrSection(zkey: string): CrSection {
  const fd = openKey(zkey);
  try {
    const { sections, read } = zkeySections(fd, zkey);
    const span = sections.get(CR_SECTION);
    if (!span || span.size < PREFIX_BYTES) return raise(CrErrors.ZKEY_NOT_CR, { file: zkey }, 'no section 11');
    const b = read(span.start, PREFIX_BYTES);
    const s = {
      delta1G1: b.subarray(0, G1),
      delta1G2: b.subarray(G1, G1 + G2),
      nChallenges: b.readUInt32LE(G1 + G2),
      round1Start: b.readUInt32LE(G1 + G2 + 4),
      round1Count: b.readUInt32LE(G1 + G2 + 8),
      pointsAt: span.start + PREFIX_BYTES,
    };
    if (span.size !== PREFIX_BYTES + G1 * s.round1Count) raise(Errors.ZKEY_TRUNCATED, { file: zkey }, `section 11 has ${span.size} bytes, its header needs ${PREFIX_BYTES + G1 * s.round1Count}`);
    return s;
  } finally {
    fs.closeSync(fd);
  }
}

/** The L1 points of section 11, LEM. */
export function readL1Points(zkey: string, s: CrSection): Uint8Array {
  const fd = openKey(zkey);
  try {
    const b = Buffer.alloc(G1 * s.round1Count);
    if (fs.readSync(fd, b, 0, b.length, s.pointsAt) !== b.length) raise(Errors.ZKEY_TRUNCATED, { file: zkey }, 'section 11 ends early');
    return b;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Appends section 11 (prefix, then the L1 points) to a key snarkjs wrote, and counts it in the
 * file header (its u32 at byte 8).
 */
export function appendCrSection(zkey: string, prefix: Uint8Array, points: readonly Uint8Array[]): void {
  const fd = fs.openSync(zkey, 'r+');
  try {
    const head = Buffer.alloc(12);
    fs.readSync(fd, head, 0, 12, 0);
    let at = fs.fstatSync(fd).size;
    const size = prefix.length + points.reduce((n, p) => n + p.length, 0);
    const sectionHead = Buffer.alloc(12);
    sectionHead.writeUInt32LE(CR_SECTION, 0);
    sectionHead.writeBigUInt64LE(BigInt(size), 4);
    for (const part of [sectionHead, prefix, ...points]) at += fs.writeSync(fd, part, 0, part.length, at);
    head.writeUInt32LE(head.readUInt32LE(8) + 1, 8);
    fs.writeSync(fd, head, 8, 4, 8);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function openKey(zkey: string): number {
  try {
    return fs.openSync(zkey, 'r');
  } catch (e) {
    return raise(Errors.ZKEY_UNREADABLE, { file: zkey }, (e as Error).message);
  }
}
