import * as fs from 'fs';
import { tempPathFor } from '@onnx-zk/tensor-ir';

const CHUNK = 1 << 20;

/** Buffered little-endian writer on a file descriptor, so big circuits stream to disk. */
export class ByteSink {
  private buf = Buffer.alloc(CHUNK);
  private pos = 0;
  constructor(private readonly fd: number) {}

  private room(n: number): void {
    if (this.pos + n > this.buf.length) this.flush();
    if (n > this.buf.length) this.buf = Buffer.alloc(n);
  }

  u32(v: number): void {
    this.room(4);
    this.pos = this.buf.writeUInt32LE(v, this.pos);
  }

  u64(v: number): void {
    this.room(8);
    this.pos = this.buf.writeBigUInt64LE(BigInt(v), this.pos);
  }

  /** A non-negative integer as n8 little-endian bytes. */
  bigint(v: bigint, n8: number): void {
    this.room(n8);
    for (let i = 0; i < n8; i += 8) {
      this.buf.writeBigUInt64LE(v & 0xffffffffffffffffn, this.pos + i);
      v >>= 64n;
    }
    this.pos += n8;
  }

  /** Raw bytes, copied. */
  bytes(b: Buffer): void {
    this.room(b.length);
    b.copy(this.buf, this.pos);
    this.pos += b.length;
  }

  text(s: string): void {
    const bytes = Buffer.from(s, 'utf8');
    this.room(bytes.length);
    bytes.copy(this.buf, this.pos);
    this.pos += bytes.length;
  }

  flush(): void {
    if (this.pos > 0) fs.writeSync(this.fd, this.buf, 0, this.pos);
    this.pos = 0;
  }
}

/** Streams a file to a temp path and renames it into place, so no partial file is left. */
export function writeStreamAtomic(file: string, write: (sink: ByteSink) => void): void {
  const tmp = tempPathFor(file);
  const fd = fs.openSync(tmp, 'w');
  try {
    const sink = new ByteSink(fd);
    write(sink);
    sink.flush();
    fs.closeSync(fd);
    fs.renameSync(tmp, file);
  } catch (e) {
    try { fs.closeSync(fd); } catch { /* already closed */ }
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export interface BinSection {
  type: number;
  /** Exact byte size of the section's content. */
  size: number;
  write(sink: ByteSink): void;
}

/** iden3's binary container: 4-byte magic, u32 version, u32 section count, then sections. */
export function writeBinFile(file: string, magic: string, version: number, sections: BinSection[]): void {
  writeStreamAtomic(file, (sink) => {
    sink.text(magic);
    sink.u32(version);
    sink.u32(sections.length);
    for (const section of sections) {
      sink.u32(section.type);
      sink.u64(section.size);
      section.write(sink);
    }
  });
}
