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

  it('agrees with exact BigInt rounding on either side of 2^53 and on halves', () => {
    /** Reference: x = m·2^e exactly, then round half away from zero in BigInt. */
    const exact = (x: number, frac: number): bigint => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, Math.abs(x));
      const [hi, lo] = [view.getUint32(0), view.getUint32(4)];
      const biased = (hi >>> 20) & 0x7ff;
      const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
      const [m, e] = biased === 0 ? [fraction, -1074 + frac] : [fraction | (1n << 52n), biased - 1075 + frac];
      let mag = e >= 0 ? m << BigInt(e) : m >> BigInt(-e);
      if (e < 0 && 2n * (m - (mag << BigInt(-e))) >= 1n << BigInt(-e)) mag += 1n;
      return x < 0 ? -mag : mag;
    };
    const xs = [2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 2 ** 52 + 0.5, 2 ** 52 - 0.5, 2 ** 51 + 0.5, 0.5 - 2 ** -54, 0.5 + 2 ** -53, 1.5 - 2 ** -52, 2.5 + 2 ** -51];
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) xs.push((rand() - 0.5) * 2 ** Math.floor(rand() * 80 - 40));
    const wrong: string[] = [];
    for (const x of [...xs, ...xs.map((v) => -v)]) {
      for (const frac of [-1074, -1001, -1000, -60, -3, 0, 1, 16, 24, 40, 60, 1000, 1001]) {
        if (!Number.isFinite(x * 2 ** Math.min(frac, 1000))) continue;
        if (quantize(x, frac) !== exact(x, frac)) wrong.push(`quantize(${x}, ${frac}) = ${quantize(x, frac)}, exact ${exact(x, frac)}`);
      }
    }
    expect(wrong).toEqual([]);
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
