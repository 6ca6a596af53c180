import * as fs from 'fs';
import { StringDecoder } from 'string_decoder';

const CHUNK = 1 << 20;

/** Buffered sequential reader of a file, the counterpart of ByteSink. */
export class ByteSource {
  private buf = Buffer.alloc(CHUNK);
  private pos = 0;
  private end = 0;
  private eof = false;
  constructor(private readonly fd: number) {}

  /** Makes the next n bytes available from `this.at` on; false at end of file. */
  ensure(n: number): boolean {
    if (this.end - this.pos >= n) return true;
    if (n > this.buf.length) {
      const bigger = Buffer.alloc(Math.max(n, 2 * this.buf.length));
      this.buf.copy(bigger, 0, this.pos, this.end);
      this.buf = bigger;
    } else {
      this.buf.copy(this.buf, 0, this.pos, this.end);
    }
    this.end -= this.pos;
    this.pos = 0;
    while (!this.eof && this.end < n) {
      const got = fs.readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
      if (got === 0) this.eof = true;
      this.end += got;
    }
    return this.end >= n;
  }

  /** The buffer and offset of the bytes made available by ensure. */
  get view(): { buf: Buffer; at: number } {
    return { buf: this.buf, at: this.pos };
  }

  skip(n: number): void {
    this.pos += n;
  }

  u32(): number {
    if (!this.ensure(4)) throw new Error('internal error: truncated temp file');
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  /** A non-negative integer stored as n8 little-endian bytes. */
  bigint(n8: number): bigint {
    if (!this.ensure(n8)) throw new Error('internal error: truncated file');
    let v = 0n;
    for (let i = n8 - 8; i >= 0; i -= 8) v = (v << 64n) | this.buf.readBigUInt64LE(this.pos + i);
    this.pos += n8;
    return v;
  }

  /** n bytes as latin-1 text (magic numbers). */
  text(n: number): string {
    if (!this.ensure(n)) throw new Error('internal error: truncated file');
    const s = this.buf.toString('latin1', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  /** Lines of a text file (without their newline). */
  *lines(): Generator<string> {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (;;) {
      const got = this.ensure(1) ? this.end - this.pos : 0;
      if (got === 0) break;
      const text = rest + decoder.write(this.buf.subarray(this.pos, this.end));
      this.pos = this.end;
      const parts = text.split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
    rest += decoder.end();
    if (rest !== '') yield rest;
  }
}
