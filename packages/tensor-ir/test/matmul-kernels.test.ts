import { Tensor, makeTensor, runFloat } from '@onnx-zk/tensor-ir';
import { evalOp } from './helpers/ops';
import { PARALLEL_MIN_MACS } from '../src/ops/helpers/matmul-pool';
import { floatMlp } from './helpers/graphs';

/** Deterministic float32 values in [-1, 1). */
function values(n: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 1073741824 - 1;
  });
}

/** The definition: Y[i, j] = Σ_p A[i, p]·B[p, j] in float64, ascending p, rounded to float32 once. */
function naive(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number, at = (i: number, p: number) => a[i * k + p], bt = (p: number, j: number) => b[p * n + j]): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let p = 0; p < k; p++) acc += at(i, p) * bt(p, j);
      out.push(Math.fround(acc));
    }
  }
  return out;
}

const f32 = (shape: number[], seed: number): Tensor => makeTensor('float32', shape, values(shape.reduce((x, y) => x * y, 1), seed));

describe('MatMul and Gemm kernels', () => {
  // Sizes that are not multiples of the 4×4 tiles and cross the 128-wide column and depth blocks.
  test.each([[7, 133, 262], [4, 128, 128], [1, 300, 5], [9, 1, 3]])('MatMul [%i,%i]x[%i,...] equals the definition bit for bit', (m, k, n) => {
    const a = f32([m, k], 1);
    const b = f32([k, n], 2);
    const { shape, values: y } = evalOp('MatMul', [a, b]);
    expect(shape).toEqual([m, n]);
    expect(y).toEqual(naive(a.data as Float32Array, b.data as Float32Array, m, k, n));
  });

  test('MatMul broadcasts batches: [2, 1, 5, 6] x [3, 6, 9]', () => {
    const a = f32([2, 1, 5, 6], 3);
    const b = f32([3, 6, 9], 4);
    const { shape, values: y } = evalOp('MatMul', [a, b]);
    expect(shape).toEqual([2, 3, 5, 9]);
    const da = a.data as Float32Array;
    const db = b.data as Float32Array;
    for (let s = 0; s < 2; s++) {
      for (let t = 0; t < 3; t++) {
        const expected = naive(da.subarray(s * 30, s * 30 + 30), db.subarray(t * 54, t * 54 + 54), 5, 6, 9);
        expect(y.slice((s * 3 + t) * 45, (s * 3 + t + 1) * 45)).toEqual(expected);
      }
    }
  });

  test('MatMul of int64 operands reads them as numbers', () => {
    const a = makeTensor('int64', [2, 2], [1n, 2n, 3n, 4n]);
    const b = makeTensor('int64', [2, 1], [5n, 6n]);
    expect(evalOp('MatMul', [a, b]).values).toEqual([17, 39]);
  });

  test.each([[0, 0], [1, 0], [0, 1], [1, 1]])('Gemm transA=%i transB=%i with alpha, beta and a broadcast C', (transA, transB) => {
    const [m, k, n] = [6, 135, 10];
    const a = f32(transA ? [k, m] : [m, k], 5);
    const b = f32(transB ? [n, k] : [k, n], 6);
    const c = f32([n], 7);
    const attrs = { transA: { type: 'int' as const, value: transA }, transB: { type: 'int' as const, value: transB }, alpha: { type: 'float' as const, value: 0.5 }, beta: { type: 'float' as const, value: 2 } };
    const { shape, values: y } = evalOp('Gemm', [a, b, c], attrs);
    expect(shape).toEqual([m, n]);
    const da = a.data as Float32Array;
    const db = b.data as Float32Array;
    const at = (i: number, p: number) => (transA ? da[p * m + i] : da[i * k + p]);
    const bt = (p: number, j: number) => (transB ? db[j * k + p] : db[p * n + j]);
    const dc = c.data as Float32Array;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let p = 0; p < k; p++) acc += at(i, p) * bt(p, j);
        expect(y[i * n + j]).toBe(Math.fround(0.5 * acc + 2 * dc[j]));
      }
    }
  });
});

describe('MatMul on two threads', () => {
  test('a product with B in shared memory is split over a helper thread, with the same bits', () => {
    // Above PARALLEL_MIN_MACS; with 8 rows an unshared B stays on one thread, a shared one is split.
    const [m, k, n] = [8, 300, 1000];
    const a = f32([m, k], 8);
    const b = f32([k, n], 9);
    const sharedB = new Float32Array(new SharedArrayBuffer(b.data.byteLength));
    sharedB.set(b.data as Float32Array);
    expect(m * k * n).toBeGreaterThan(PARALLEL_MIN_MACS);
    const one = evalOp('MatMul', [a, b]).values;
    const two = evalOp('MatMul', [a, { ...b, data: sharedB }]).values;
    expect(two).toEqual(one);
    expect(one.slice(0, n)).toEqual(naive(a.data as Float32Array, b.data as Float32Array, 1, k, n));
  });
});

describe('runFloat value lifetimes', () => {
  test('freeIntermediates keeps constants, inputs and outputs only, with the same outputs', () => {
    const g = floatMlp();
    const x = makeTensor('float32', [1, 3], [1, 2, 3]);
    const all = runFloat(g, [x]);
    const lean = runFloat(g, [x], { freeIntermediates: true });
    expect([...lean.keys()].sort()).toEqual([...g.constants.keys(), ...g.inputs, ...g.outputs].sort());
    for (const o of g.outputs) expect(lean.get(o)!.data).toEqual(all.get(o)!.data);
  });
});
