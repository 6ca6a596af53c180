import { OnnxZkError, bigintValues, makeTensor, tensorValues, typedArrayFor } from '@onnx-zk/tensor-ir';

describe('makeTensor', () => {
  it('zero-fills the typed array of each dtype', () => {
    expect(makeTensor('float32', [2, 3]).data).toEqual(new Float32Array(6));
    expect(makeTensor('int64', [2]).data).toEqual(new BigInt64Array(2));
    expect(makeTensor('bool', []).data).toEqual(new Uint8Array(1));
    expect(typedArrayFor('int32', 3)).toBeInstanceOf(Int32Array);
    expect(typedArrayFor('int8', 3)).toBeInstanceOf(Int8Array);
    expect(typedArrayFor('float64', 3)).toBeInstanceOf(Float64Array);
  });

  it('converts numbers and bigints and rounds to float32', () => {
    const t = makeTensor('float32', [2], [0.1, 2n] as unknown as number[]);
    expect(t.data[0]).toBe(Math.fround(0.1));
    expect(t.data[1]).toBe(2);
    expect(makeTensor('int64', [2], [3, -4]).data).toEqual(BigInt64Array.from([3n, -4n]));
    expect(tensorValues(makeTensor('int64', [1], [-(2n ** 40n)]))).toEqual([-(2 ** 40)]);
  });

  it('uses a typed array of the right class as is', () => {
    const data = new Float32Array([1, 2]);
    expect(makeTensor('float32', [2], data).data).toBe(data);
  });

  it('rejects a wrong element count and non-integers for integer dtypes with IR022', () => {
    expect(() => makeTensor('float32', [2, 2], [1, 2, 3])).toThrow(/IR022.*needs 4 elements, got 3/);
    expect(() => makeTensor('int64', [1], [1.5])).toThrow(OnnxZkError);
    expect(() => makeTensor('int32', [1], [0.5])).toThrow(/not an integer/);
    expect(() => makeTensor('float32', [-1])).toThrow(/IR022/);
  });

  it('reads values back as numbers or exact bigints', () => {
    expect(bigintValues(makeTensor('int64', [1], [2n ** 62n]))).toEqual([2n ** 62n]);
    expect(bigintValues(makeTensor('float32', [2], [3, -1]))).toEqual([3n, -1n]);
    expect(() => bigintValues(makeTensor('float32', [1], [0.5]))).toThrow(/IR022/);
    expect(tensorValues(makeTensor('bool', [2], [1, 0]))).toEqual([1, 0]);
  });
});
