import { int64Words, sameInt64 } from '@onnx-zk/tensor-ir';

describe('int64 words', () => {
  const a = BigInt64Array.from([1n, -2n, 1n << 40n, -(1n << 62n), 1n, -2n]);

  test('int64Words is a view of the low and high words', () => {
    const w = int64Words(a.subarray(1, 2));
    expect([w[0], w[1]]).toEqual([-2, -1]);
    w[0] = -3;
    expect(a[1]).toBe(-3n);
    w[0] = -2;
  });

  test('sameInt64 compares whole arrays (lengths too) and ranges, typed or not', () => {
    expect(sameInt64(a, BigInt64Array.from(a))).toBe(true);
    expect(sameInt64(a, Array.from(a))).toBe(true);
    expect(sameInt64(a, a.subarray(0, 5))).toBe(false);
    expect(sameInt64(a, a, 0, 4, 2)).toBe(true);
    expect(sameInt64(a, a, 0, 3, 2)).toBe(false);
    expect(sameInt64(a, a, 4, 0, 3)).toBe(false);
    const b = BigInt64Array.from(a);
    b[2] += 1n << 32n; // differs only in the high word
    expect(sameInt64(a, b)).toBe(false);
  });
});
