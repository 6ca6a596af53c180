import { dequantize, quantize } from '@onnx-zk/tensor-ir';

describe('quantize', () => {
  it('rounds half away from zero', () => {
    expect(quantize(0.5, 0)).toBe(1n);
    expect(quantize(-0.5, 0)).toBe(-1n);
    expect(quantize(1.5, 0)).toBe(2n);
    expect(quantize(2.5, 0)).toBe(3n);
    expect(quantize(-2.5, 0)).toBe(-3n);
    expect(quantize(0.49999999999999994, 0)).toBe(0n);
    expect(quantize(3 / 16, 3)).toBe(2n); // 1.5 → 2
    expect(quantize(-3 / 16, 3)).toBe(-2n);
  });

  it('scales by 2^frac exactly', () => {
    expect(quantize(1.5417295, 8)).toBe(395n); // 394.6827...
    expect(quantize(-0.25, 4)).toBe(-4n);
    expect(quantize(0, 16)).toBe(0n);
    expect(quantize(-0, 16)).toBe(0n);
    expect(quantize(7, -1)).toBe(4n); // 3.5 → 4
  });

  it('stays exact when x·2^frac exceeds 2^53', () => {
    expect(quantize(1 + 2 ** -52, 100)).toBe((1n << 100n) + (1n << 48n));
    expect(quantize(3, 60)).toBe(3n << 60n);
    expect(quantize(-(2 ** 60), 10)).toBe(-(1n << 70n));
    expect(quantize(Number.MIN_VALUE, 1074)).toBe(1n);
    expect(quantize(Number.MIN_VALUE, 1073)).toBe(1n); // 0.5 → 1
  });

  it('rejects non-finite numbers', () => {
    expect(() => quantize(NaN, 4)).toThrow(/IR022/);
    expect(() => quantize(Infinity, 4)).toThrow(/IR022/);
  });

  it('dequantize inverts quantize on representable values', () => {
    expect(dequantize(-4n, 4)).toBe(-0.25);
    expect(dequantize(395n, 8)).toBe(395 / 256);
    for (const x of [0.75, -3.125, 1024.5]) expect(dequantize(quantize(x, 8), 8)).toBe(x);
  });
});
