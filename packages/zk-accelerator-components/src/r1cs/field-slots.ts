import { toField } from './field';

const SLOT = 32;
const MASK64 = 0xffffffffffffffffn;

/**
 * Field elements in 32-byte little-endian slots of one growing Buffer (wtns's layout), instead of
 * an array of BigInt: 2^20 wires take 32 MiB and copy straight into witness.wtns.
 */
export class FieldSlots {
  private buf = Buffer.alloc(SLOT * 1024);
  private n = 0;

  get count(): number {
    return this.n;
  }

  /** Appends a signed integer, reduced into [0, p). */
  push(value: bigint): void {
    if ((this.n + 1) * SLOT > this.buf.length) {
      const bigger = Buffer.alloc(this.buf.length * 2);
      this.buf.copy(bigger);
      this.buf = bigger;
    }
    let v = toField(value);
    const at = this.n * SLOT;
    for (let i = 0; i < SLOT; i += 8) {
      this.buf.writeBigUInt64LE(v & MASK64, at + i);
      v >>= 64n;
    }
    this.n++;
  }

  get(i: number): bigint {
    const at = i * SLOT;
    let v = 0n;
    for (let k = SLOT - 8; k >= 0; k -= 8) v = (v << 64n) | this.buf.readBigUInt64LE(at + k);
    return v;
  }

  /** The 32 bytes of slot i (a view: valid until the next push). */
  slot(i: number): Buffer {
    return this.buf.subarray(i * SLOT, (i + 1) * SLOT);
  }
}
