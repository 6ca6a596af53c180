/**
 * Reads and checks the header of a snarkjs Groth16 proving key (.zkey, iden3 binary sections)
 * without loading its points, and checks every point section's size against the header, so a
 * truncated or foreign key is a coded error rather than a snarkjs crash.
 */
import * as fs from 'fs';
import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { Q, R } from '../setup/bn254';
import { ReadAt, readSectionTable, SectionTable } from '../setup/bin-sections';

export interface ZkeyHeader {
  nVars: number;
  /** Public signals (outputs then public inputs), not counting the constant 1. */
  nPublic: number;
  domainSize: number;
  /** δ·G1, little-endian Montgomery x ‖ y as stored. */
  delta1: Buffer;
}

const G1 = 64;
const G2 = 128;
/** Section 2: n8q, q, n8r, r, nVars, nPublic, domainSize, α1, β1, β2, γ2, δ1, δ2. */
const GROTH16_HEADER_BYTES = 4 + 32 + 4 + 32 + 12 + 3 * G1 + 3 * G2;
const DELTA1_OFFSET = 84 + 2 * G1 + 2 * G2;

type Sections = SectionTable;
type Read = ReadAt;

export function readZkeyHeader(file: string): ZkeyHeader {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    return raise(Errors.ZKEY_UNREADABLE, { file }, (e as Error).message);
  }
  try {
    const fileSize = fs.fstatSync(fd).size;
    const read: Read = (pos, length) => {
      const b = Buffer.alloc(length);
      return fs.readSync(fd, b, 0, length, pos) === length ? b : raise(Errors.ZKEY_TRUNCATED, { file }, `the file ends at byte ${fileSize}`);
    };
    return parseHeader(read, readSections(read, fileSize, file), file);
  } finally {
    fs.closeSync(fd);
  }
}

function parseHeader(read: Read, sections: Sections, file: string): ZkeyHeader {
  const protocol = sections.get(1);
  const head = sections.get(2);
  if (!protocol || protocol.size !== 4 || read(protocol.start, 4).readUInt32LE(0) !== 1) raise(Errors.ZKEY_NOT_GROTH16, { file }, 'section 1 does not say Groth16');
  if (!head || head.size !== GROTH16_HEADER_BYTES) return raise(Errors.ZKEY_TRUNCATED, { file }, 'section 2 missing or of the wrong size');
  const b = read(head.start, head.size);
  if (b.readUInt32LE(0) !== 32 || le(b, 4) !== Q || b.readUInt32LE(36) !== 32 || le(b, 40) !== R) raise(Errors.ZKEY_WRONG_CURVE, { file });
  const header = { nVars: b.readUInt32LE(72), nPublic: b.readUInt32LE(76), domainSize: b.readUInt32LE(80), delta1: b.subarray(DELTA1_OFFSET, DELTA1_OFFSET + G1) };
  checkSectionSizes(read, sections, header, file);
  return header;
}

function checkSectionSizes(read: Read, sections: Sections, h: Omit<ZkeyHeader, 'delta1'>, file: string): void {
  const coefs = sections.get(4);
  const want: Record<number, number> = {
    3: (h.nPublic + 1) * G1, 5: h.nVars * G1, 6: h.nVars * G1, 7: h.nVars * G2, 8: (h.nVars - h.nPublic - 1) * G1, 9: h.domainSize * G1,
    4: coefs && coefs.size >= 4 ? 4 + read(coefs.start, 4).readUInt32LE(0) * (12 + 32) : 4,
  };
  for (const [id, size] of Object.entries(want)) {
    const s = sections.get(Number(id));
    if (!s) raise(Errors.ZKEY_TRUNCATED, { file }, `no section ${id}`);
    if (s.size !== size) raise(Errors.ZKEY_TRUNCATED, { file }, `section ${id} has ${s.size} bytes, the header needs ${size}`);
  }
}

function readSections(read: Read, fileSize: number, file: string): Sections {
  return readSectionTable(read, fileSize, { magic: 'zkey', version: 1 }, {
    wrongKind: (detail) => raise(Errors.ZKEY_NOT_GROTH16, { file }, detail),
    truncated: (detail) => raise(Errors.ZKEY_TRUNCATED, { file }, detail),
  });
}

/** A little-endian unsigned integer of 32 bytes. */
function le(data: Buffer, at: number): bigint {
  let v = 0n;
  for (let i = 31; i >= 0; i--) v = (v << 8n) | BigInt(data[at + i]);
  return v;
}
