/**
 * int64 arrays read 32 bits at a time: comparing or converting a model's weights without making
 * a BigInt per element.
 */

/** The int64 words (low, high per element) of a BigInt64Array, as a view (no copy). */
export function int64Words(a: BigInt64Array): Int32Array {
  return new Int32Array(a.buffer, a.byteOffset, a.length * 2);
}

/** Whether a[aStart ..] and b[bStart ..] hold the same `length` int64 values (default: all of both). */
export function sameInt64(a: ArrayLike<bigint>, b: ArrayLike<bigint>, aStart = 0, bStart = 0, length = a.length): boolean {
  if (aStart + length > a.length || bStart + length > b.length || (length === a.length && a.length !== b.length)) return false;
  if (a instanceof BigInt64Array && b instanceof BigInt64Array) {
    const [wa, wb] = [int64Words(a), int64Words(b)];
    for (let i = 0; i < 2 * length; i++) if (wa[2 * aStart + i] !== wb[2 * bStart + i]) return false;
    return true;
  }
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}
