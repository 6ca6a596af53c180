/**
 * int16, uint16, uint32 and uint64: storage, both file forms, and the elementwise kernels with
 * C semantics (wrap modulo 2^bits, integer division toward zero). Expected values are computed by
 * hand in the comments.
 */
import {
  DType, Tensor, TirFile, decodeTir, dtypeSize, emptyGraph, encodeTir, isDType, makeTensor, parseTir, printTir,
  typedArrayFor, verifyGraph,
} from '@onnx-zk/tensor-ir';
import { evalOp, f32, i64, inferOp, int } from './helpers/ops';

const i16 = (data: number[]) => makeTensor('int16', [data.length], data);
const u16 = (data: number[]) => makeTensor('uint16', [data.length], data);
const u32 = (data: number[]) => makeTensor('uint32', [data.length], data);
const u64 = (data: bigint[]) => makeTensor('uint64', [data.length], data);
const U64_MAX = 2n ** 64n - 1n;
const big = (t: Tensor) => Array.from(t.data as BigUint64Array | BigInt64Array);
const ONNX_CODE: Record<string, number> = { uint8: 2, int8: 3, uint16: 4, int16: 5, int32: 6, int64: 7, float32: 1, uint32: 12, uint64: 13 };
const cast = (x: Tensor, to: DType) => evalOp('Cast', [x], { to: int(ONNX_CODE[to]) });

describe('storage of the new dtypes', () => {
  it('has a typed array and size per dtype; uint64 elements are bigints that wrap modulo 2^64', () => {
    expect(typedArrayFor('int16', 2)).toBeInstanceOf(Int16Array);
    expect(typedArrayFor('uint16', 2)).toBeInstanceOf(Uint16Array);
    expect(typedArrayFor('uint32', 2)).toBeInstanceOf(Uint32Array);
    expect(typedArrayFor('uint64', 2)).toBeInstanceOf(BigUint64Array);
    expect(['int16', 'uint16', 'uint32', 'uint64'].map((d) => dtypeSize(d as DType))).toEqual([2, 2, 4, 8]);
    expect(['int16', 'uint16', 'uint32', 'uint64'].every(isDType)).toBe(true);
    expect(makeTensor('uint64', [3], [-1, 5, 2n ** 64n + 3n] as unknown as bigint[]).data).toEqual(new BigUint64Array([U64_MAX, 5n, 3n]));
    expect(makeTensor('uint16', [2], [-1, 65536]).data).toEqual(new Uint16Array([65535, 0]));
    expect(() => makeTensor('uint32', [1], [1.5])).toThrow(/IR022.*not an integer/);
  });
});

function dtypeGraph(): TirFile {
  const g = emptyGraph('dtypes', 'float', 13);
  const consts: [string, Tensor][] = [
    ['a16', makeTensor('int16', [3], [-32768, 32767, -1])],
    ['b16', makeTensor('uint16', [2], [65535, 0])],
    ['c32', makeTensor('uint32', [2], [4294967295, 123456789])],
    ['d64', makeTensor('uint64', [3], [U64_MAX, 2n ** 63n, 0n])],
  ];
  for (const [name, t] of consts) {
    g.constants.set(name, t);
    g.values.set(name, { name, dtype: t.dtype, shape: t.shape });
  }
  g.inputs.push('x');
  g.values.set('x', { name: 'x', dtype: 'uint32', shape: [2] });
  g.values.set('y', { name: 'y', dtype: 'uint32', shape: [2] });
  g.values.set('z', { name: 'z', dtype: 'bool', shape: [3] });
  g.nodes.push({ op: 'Add', name: 'add', inputs: ['x', 'c32'], outputs: ['y'], attrs: {}, loc: ['add'] });
  g.nodes.push({ op: 'Less', name: 'less', inputs: ['d64', 'd64'], outputs: ['z'], attrs: {}, loc: ['less'] });
  g.outputs.push('y', 'z');
  return { producer: 'test', graph: g };
}

describe('file forms', () => {
  it('verifies a graph using the new dtypes', () => {
    expect(() => verifyGraph(dtypeGraph().graph)).not.toThrow();
  });

  it('round-trips through binary .tir bit-exactly', () => {
    const file = dtypeGraph();
    const back = decodeTir(encodeTir(file));
    expect(back).toEqual(file);
    expect(back.graph.constants.get('d64')!.data).toEqual(new BigUint64Array([U64_MAX, 2n ** 63n, 0n]));
  });

  it('prints exact values and parses them back', () => {
    const file = dtypeGraph();
    const text = printTir(file);
    expect(text).toContain('const %a16 : int16[3] = [-32768, 32767, -1]');
    expect(text).toContain('const %b16 : uint16[2] = [65535, 0]');
    expect(text).toContain('const %c32 : uint32[2] = [4294967295, 123456789]');
    expect(text).toContain('const %d64 : uint64[3] = [18446744073709551615, 9223372036854775808, 0]');
    expect(text).toContain('input %x : uint32[2]');
    const back = parseTir(text);
    expect(back).toEqual(file);
    expect(printTir(back)).toBe(text);
  });
});

describe('arithmetic with C semantics', () => {
  it('accepts the new dtypes in shape rules and keeps them one dtype', () => {
    for (const dtype of ['int16', 'uint16', 'uint32', 'uint64'] as DType[]) {
      expect(inferOp('float', 'Add', [{ dtype, shape: [2] }, { dtype, shape: [1] }])[0]).toEqual({ dtype, shape: [2] });
      expect(inferOp('float', 'Less', [{ dtype, shape: [2] }, { dtype, shape: [2] }])[0].dtype).toBe('bool');
    }
    expect(() => inferOp('float', 'Add', [{ dtype: 'int16', shape: [2] }, { dtype: 'uint16', shape: [2] }])).toThrow(/same dtype/);
  });

  it('wraps Add, Sub and Mul modulo 2^bits', () => {
    // 32767 + 1 = 32768 ≡ -32768 (int16); -32768 - 1 ≡ 32767
    expect(evalOp('Add', [i16([32767, -5]), i16([1, 3])]).values).toEqual([-32768, -2]);
    expect(evalOp('Sub', [i16([-32768]), i16([1])]).values).toEqual([32767]);
    // 300·300 = 90000 = 65536 + 24464 (int16); 256·256 = 65536 ≡ 0 (uint16)
    expect(evalOp('Mul', [i16([300, -3]), i16([300, 7])]).values).toEqual([24464, -21]);
    expect(evalOp('Mul', [u16([256]), u16([256])]).values).toEqual([0]);
    // 65535 + 1 ≡ 0, 0 - 1 ≡ 65535 (uint16)
    expect(evalOp('Add', [u16([65535]), u16([1])]).values).toEqual([0]);
    expect(evalOp('Sub', [u16([0]), u16([1])]).values).toEqual([65535]);
    // uint32: 0 - 1 ≡ 4294967295; 65537² = 4295098369 = 2^32 + 131073; 4294967295 + 2 ≡ 1
    expect(evalOp('Sub', [u32([0]), u32([1])]).values).toEqual([4294967295]);
    expect(evalOp('Mul', [u32([65537, 4000000000]), u32([65537, 3])]).values).toEqual([131073, 3410065408]); // 12e9 - 2·2^32
    expect(evalOp('Add', [u32([4294967295]), u32([2])]).values).toEqual([1]);
    // uint64: exact beyond 2^53, wraps modulo 2^64
    expect(big(evalOp('Sub', [u64([0n, 10n]), u64([1n, 3n])]).t)).toEqual([U64_MAX, 7n]);
    expect(big(evalOp('Add', [u64([U64_MAX, 2n ** 63n]), u64([2n, 2n ** 63n])]).t)).toEqual([1n, 0n]);
    expect(big(evalOp('Mul', [u64([2n ** 32n, 2n ** 40n + 1n]), u64([2n ** 32n, 3n])]).t)).toEqual([0n, 3n * 2n ** 40n + 3n]);
    expect(evalOp('Add', [u64([1n]), u64([2n])]).t.dtype).toBe('uint64');
  });

  it('divides toward zero like C and rejects division by zero', () => {
    // int16: 7/2 = 3, -7/2 = -3 (not -4), -7/-2 = 3, -32768/-1 = 32768 ≡ -32768
    expect(evalOp('Div', [i16([7, -7, -7, -32768]), i16([2, 2, -2, -1])]).values).toEqual([3, -3, 3, -32768]);
    expect(evalOp('Div', [u16([65535, 5]), u16([2, 10])]).values).toEqual([32767, 0]);
    expect(evalOp('Div', [u32([4294967295, 7]), u32([2, 3])]).values).toEqual([2147483647, 2]);
    // (2^64 - 1) / 3 = 6148914691236517205 exactly; 2^63 / 2^31 = 2^32
    expect(big(evalOp('Div', [u64([U64_MAX, 2n ** 63n]), u64([3n, 2n ** 31n])]).t)).toEqual([6148914691236517205n, 2n ** 32n]);
    expect(() => evalOp('Div', [u32([1]), u32([0])])).toThrow(/division by zero/);
    expect(() => evalOp('Div', [u64([1n]), u64([0n])])).toThrow(/division by zero/);
  });

  it('compares unsigned values as unsigned (2^63 > 1 in uint64, 40000 > 1 in uint16)', () => {
    expect(evalOp('Less', [u64([2n ** 63n, 1n]), u64([1n, 2n ** 63n])]).values).toEqual([0, 1]);
    expect(evalOp('Greater', [u16([40000]), u16([1])]).values).toEqual([1]);
    expect(evalOp('GreaterOrEqual', [i16([-1, 5]), i16([-1, 6])]).values).toEqual([1, 0]);
    expect(evalOp('Equal', [u32([4294967295]), u32([4294967295])]).values).toEqual([1]);
    expect(big(evalOp('Max', [u64([U64_MAX, 3n]), u64([1n, 4n])]).t)).toEqual([U64_MAX, 4n]);
    expect(big(evalOp('Min', [u64([U64_MAX, 3n]), u64([1n, 4n])]).t)).toEqual([1n, 3n]);
    expect(evalOp('Max', [i16([-300, 2]), i16([-200, 1])]).values).toEqual([-200, 2]);
  });

  it('Pow: integer bases are exact and wrap; unsigned exponents work with float bases', () => {
    expect(evalOp('Pow', [f32([2], [2, 3]), u32([3])]).values).toEqual([8, 27]);
    expect(evalOp('Pow', [f32([2], [2, 3]), u64([3n])]).values).toEqual([8, 27]);
    // int16: 3^3 = 27, 2^15 = 32768 ≡ -32768, (-2)^3 = -8
    expect(evalOp('Pow', [i16([3, 2, -2]), i16([3, 15, 3])]).values).toEqual([27, -32768, -8]);
    expect(evalOp('Pow', [u32([2, 10]), u32([32, 9])]).values).toEqual([0, 1000000000]);
    // 3^39 = 4052555153018976267 needs all 62 bits; 2^64 ≡ 0 (uint64)
    expect(big(evalOp('Pow', [i64([1], [3]), i64([1], [39])]).t)).toEqual([4052555153018976267n]);
    expect(big(evalOp('Pow', [u64([3n, 2n]), u64([39n, 64n])]).t)).toEqual([4052555153018976267n, 0n]);
  });
});

describe('Cast between the new dtypes', () => {
  it('keeps the low bits of integers (two\'s complement)', () => {
    expect(cast(i16([-1, -32768, 5]), 'uint16').values).toEqual([65535, 32768, 5]);
    expect(cast(u16([65535, 32768]), 'int16').values).toEqual([-1, -32768]);
    expect(cast(i16([-2]), 'uint32').values).toEqual([4294967294]);
    expect(cast(u32([4294967295, 70000]), 'int16').values).toEqual([-1, 4464]); // 70000 - 65536
    expect(cast(u32([4294967295]), 'int32').values).toEqual([-1]);
    expect(big(cast(i16([-1]), 'uint64').t)).toEqual([U64_MAX]);
    expect(big(cast(i64([2], [-1, 7]), 'uint64').t)).toEqual([U64_MAX, 7n]);
    expect(big(cast(u64([U64_MAX, 2n ** 63n]), 'int64').t)).toEqual([-1n, -(2n ** 63n)]);
    expect(cast(u64([2n ** 63n + 5n, U64_MAX]), 'uint32').values).toEqual([5, 4294967295]);
    expect(cast(u64([U64_MAX, 65536n + 7n]), 'int16').values).toEqual([-1, 7]);
    expect(cast(u64([300n]), 'uint8').values).toEqual([44]);
  });

  it('truncates floats toward zero and converts back to float', () => {
    expect(cast(f32([3], [3.7, -2.9, 65535.5]), 'int16').values).toEqual([3, -2, -1]);
    expect(cast(f32([2], [3.7, 65535.5]), 'uint16').values).toEqual([3, 65535]);
    expect(cast(f32([1], [4e9]), 'uint32').values).toEqual([4e9]);
    expect(big(cast(f32([2], [1e10, 0.9]), 'uint64').t)).toEqual([10000000000n, 0n]);
    expect(cast(i16([-3]), 'float32').values).toEqual([-3]);
    expect(cast(u64([U64_MAX]), 'float32').t.data).toEqual(new Float32Array([2 ** 64]));
    expect(cast(u32([4294967295]), 'int64').t.data).toEqual(new BigInt64Array([4294967295n]));
  });
});
