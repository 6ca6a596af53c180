/**
 * Writes iden3's binary section file format, the container of .ptau files:
 * magic (4 bytes) · version u32 · section count u32 · sections, each `id u32 · size u64 · bytes`.
 * Little-endian throughout. Sections are written in order; a section's size is patched when it ends.
 */
import * as fs from 'fs';
import { promises as fsp } from 'fs';
import { assert } from '@onnx-zk/tensor-ir';

export interface SectionSpan {
  /** Offset of the section's first data byte. */
  start: number;
  size: number;
}

export class BinSectionWriter {
  private pos = 0;
  private open: { id: number; start: number } | undefined;
  readonly sections = new Map<number, SectionSpan>();

  private constructor(private readonly fh: fsp.FileHandle) {}

  /** Creates (truncates) `file`, readable too so finished sections can be hashed again. */
  static async create(file: string, magic: string, version: number, nSections: number): Promise<BinSectionWriter> {
    const w = new BinSectionWriter(await fsp.open(file, 'w+'));
    const head = Buffer.alloc(12);
    head.write(magic, 0, 4, 'latin1');
    head.writeUInt32LE(version, 4);
    head.writeUInt32LE(nSections, 8);
    await w.write(head);
    return w;
  }

  async startSection(id: number): Promise<void> {
    this.startSectionSync(id);
  }

  async write(bytes: Uint8Array): Promise<void> {
    await this.fh.write(bytes, 0, bytes.length, this.pos);
    this.pos += bytes.length;
  }

  /** Synchronous write, for producers that cannot await (no async write may be pending). */
  writeSync(bytes: Uint8Array): void {
    fs.writeSync(this.fh.fd, bytes, 0, bytes.length, this.pos);
    this.pos += bytes.length;
  }

  /** Current write offset (absolute). */
  get offset(): number {
    return this.pos;
  }

  /** Overwrites a u32 already written at absolute `offset` (e.g. a count known only at the end). */
  patchU32(offset: number, v: number): void {
    assert(offset + 4 <= this.pos, 'patch beyond what was written');
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v, 0);
    fs.writeSync(this.fh.fd, b, 0, 4, offset);
  }

  async writeU32(v: number): Promise<void> {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v, 0);
    await this.write(b);
  }

  async endSection(): Promise<void> {
    this.endSectionSync();
  }

  startSectionSync(id: number): void {
    assert(this.open === undefined, `section ${this.open?.id} still open`);
    const head = Buffer.alloc(12);
    head.writeUInt32LE(id, 0);
    this.writeSync(head);
    this.open = { id, start: this.pos };
  }

  endSectionSync(): void {
    assert(this.open !== undefined, 'no section open');
    const size = this.pos - this.open.start;
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(size), 0);
    fs.writeSync(this.fh.fd, b, 0, 8, this.open.start - 8);
    this.sections.set(this.open.id, { start: this.open.start, size });
    this.open = undefined;
  }

  /** Reads back `length` bytes at `offset` of a finished section. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const out = new Uint8Array(length);
    const { bytesRead } = await this.fh.read(out, 0, length, offset);
    assert(bytesRead === length, 'short read of a section just written');
    return out;
  }

  async close(): Promise<void> {
    assert(this.open === undefined, `section ${this.open?.id} left open`);
    await this.fh.sync();
    await this.fh.close();
  }

  /** Closes without the checks, for error paths. */
  async abandon(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}
