/**
 * Reads an iden3 .r1cs file's header and streams its constraints without holding the file in
 * memory (a 2^20-constraint circuit of long weighted sums is ~640 MB): the file is read in
 * blocks, and every term is handed to a callback as (constraint, matrix, wire, coefficient bytes).
 */
import * as fs from 'fs';
import { raise } from '@onnx-zk/tensor-ir';
import { R } from './bn254';
import { readSectionTable } from './bin-sections';
import { SetupErrors } from './errors';

export interface R1csHeader {
  nWires: number;
  nPubOut: number;
  nPubIn: number;
  nPrvIn: number;
  nConstraints: number;
  /** Offset and size of the constraints section. */
  constraints: { start: number; size: number };
}

export const enum Matrix { A = 0, B = 1, C = 2 }

/** One term: the 32-byte little-endian coefficient is at `coefOffset` of `buf`, valid during the call only. */
export type TermVisitor = (constraint: number, matrix: Matrix, wire: number, buf: Buffer, coefOffset: number) => void;

const BLOCK = 1 << 24;

/** Sequential reader over one byte range of a file, in blocks. */
class BlockReader {
  private buf = Buffer.alloc(0);
  private pos = 0;
  private fileOffset: number;

  constructor(private readonly fd: number, start: number, private readonly end: number, private readonly file: string) {
    this.fileOffset = start;
  }

  /** Makes `n` bytes available at `this.at`; returns the buffer and offset to read them from. */
  take(n: number): { buf: Buffer; at: number } {
    if (this.pos + n > this.buf.length) this.refill(n);
    const at = this.pos;
    this.pos += n;
    return { buf: this.buf, at };
  }

  u32(): number {
    const { buf, at } = this.take(4);
    return buf.readUInt32LE(at);
  }

  private refill(n: number): void {
    const rest = this.buf.subarray(this.pos);
    const want = Math.min(Math.max(BLOCK, n), this.end - this.fileOffset + rest.length);
    if (want < n) raise(SetupErrors.R1CS_CORRUPT, { file: this.file }, 'the constraints section ends inside a constraint');
    const next = Buffer.alloc(want);
    rest.copy(next, 0);
    const got = fs.readSync(this.fd, next, rest.length, want - rest.length, this.fileOffset);
    if (got !== want - rest.length) raise(SetupErrors.R1CS_CORRUPT, { file: this.file }, 'file shorter than its section table');
    this.fileOffset += got;
    this.buf = next;
    this.pos = 0;
  }
}

function readAt(fd: number, offset: number, length: number, file: string): Buffer {
  const buf = Buffer.alloc(length);
  if (fs.readSync(fd, buf, 0, length, offset) !== length) raise(SetupErrors.R1CS_CORRUPT, { file }, `truncated at byte ${offset}`);
  return buf;
}

/** The header (section 1) and where the constraints (section 2) are; checks the field is BN254's Fr. */
export function readR1csHeader(file: string): R1csHeader {
  const fd = fs.openSync(file, 'r');
  try {
    const corrupt: (detail: string) => never = (detail) => raise(SetupErrors.R1CS_CORRUPT, { file }, detail);
    const sections = readSectionTable((pos, length) => readAt(fd, pos, length, file), fs.fstatSync(fd).size, { magic: 'r1cs' }, {
      wrongKind: (detail) => corrupt(`not an r1cs file (${detail})`),
      truncated: (detail) => corrupt(`file shorter than its section table: ${detail}`),
    });
    const h = sections.get(1);
    const constraints = sections.get(2);
    if (!h || !constraints) corrupt('missing header or constraints section');
    const n8 = readAt(fd, h.start, 4, file).readUInt32LE(0);
    if (n8 !== 32) corrupt(`field element size ${n8}, expected 32`);
    const body = readAt(fd, h.start + 4, 32 + 28, file);
    const prime = BigInt(`0x${Buffer.from(body.subarray(0, 32)).reverse().toString('hex')}`);
    if (prime !== R) corrupt('the circuit is not over the BN254 scalar field');
    return {
      nWires: body.readUInt32LE(32),
      nPubOut: body.readUInt32LE(36),
      nPubIn: body.readUInt32LE(40),
      nPrvIn: body.readUInt32LE(44),
      nConstraints: body.readUInt32LE(56),
      constraints,
    };
  } finally {
    fs.closeSync(fd);
  }
}

/** Calls `visit` for every term of every constraint, in file order (A, B, C per constraint). */
export function forEachTerm(file: string, header: R1csHeader, visit: TermVisitor): void {
  const fd = fs.openSync(file, 'r');
  try {
    const { start, size } = header.constraints;
    const reader = new BlockReader(fd, start, start + size, file);
    for (let c = 0; c < header.nConstraints; c++) {
      for (const matrix of [Matrix.A, Matrix.B, Matrix.C]) {
        const n = reader.u32();
        for (let k = 0; k < n; k++) {
          const { buf, at } = reader.take(36);
          const wire = buf.readUInt32LE(at);
          if (wire >= header.nWires) raise(SetupErrors.R1CS_CORRUPT, { file }, `constraint ${c} uses wire ${wire} of ${header.nWires}`);
          visit(c, matrix, wire, buf, at + 4);
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A 32-byte little-endian integer at `offset` of `buf`. */
export function readLe256(buf: Buffer, offset: number): bigint {
  return buf.readBigUInt64LE(offset) | (buf.readBigUInt64LE(offset + 8) << 64n) | (buf.readBigUInt64LE(offset + 16) << 128n) | (buf.readBigUInt64LE(offset + 24) << 192n);
}

/** R's 32-bit words, little-endian, and its lowest 64 bits. */
const R_WORDS = Array.from({ length: 8 }, (_, i) => Number((R >> BigInt(32 * i)) & 0xffffffffn));
const R_LOW = R & 0xffffffffffffffffn;

/**
 * A field coefficient as a small signed integer congruent to it mod r when it is one (as the
 * coefficients of weighted sums are: |c| < 2^64, negatives stored as r − |c|), else its full value.
 * The common cases cost one BigInt instead of four.
 */
export function readCoefficient(buf: Buffer, offset: number): bigint {
  let high = 0;
  for (let w = 2; w < 8; w++) high |= buf.readUInt32LE(offset + 4 * w);
  if (high === 0) return buf.readBigUInt64LE(offset);
  let negative = true;
  for (let w = 2; w < 8 && negative; w++) negative = buf.readUInt32LE(offset + 4 * w) === R_WORDS[w];
  if (negative) {
    const low = buf.readBigUInt64LE(offset);
    if (low <= R_LOW) return low - R_LOW;
  }
  return readLe256(buf, offset);
}
