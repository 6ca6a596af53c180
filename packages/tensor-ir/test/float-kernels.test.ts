import { DType, Tensor, broadcastIndices, broadcastShapes, emptyGraph, makeTensor, runFloat, tensorValues } from '@onnx-zk/tensor-ir';
import { evalOp, ints } from './helpers/ops';
import { addConst, addInput, node, setType } from './helpers/graphs';
import { WasmMatMulJob, instantiateWasmKernel, wasmKernelBytes, wasmMatMulCols } from '../src/ops/helpers/matmul-wasm';
import { PARALLEL_MIN_MACS, WASM_MIN_MACS, helperStats } from '../src/ops/helpers/matmul-pool';
import { forEachRun, planRuns } from '../src/ops/helpers/strided';

/** A seeded generator of floats in [-1, 1) (LCG), so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2147483648 - 1;
  };
}

const numel = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function randomF32(shape: number[], seed: number, shared = false): Tensor {
  const r = rng(seed);
  const n = numel(shape);
  const data = shared ? new Float32Array(new SharedArrayBuffer(n * 4)) : new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = r();
  return makeTensor('float32', shape, data);
}

/** The definition: Y(i, j) = Σ_p A(i, p)·B(p, j) in float64, ascending p. */
function naiveProduct(m: number, k: number, n: number, a: (i: number, p: number) => number, b: (p: number, j: number) => number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let p = 0; p < k; p++) acc += a(i, p) * b(p, j);
      out[i * n + j] = acc;
    }
  }
  return out;
}

describe('WebAssembly MatMul kernel (float64 sums, bit for bit the definition)', () => {
  const kernel = instantiateWasmKernel(wasmKernelBytes());

  test('the assembled module validates and instantiates', () => {
    expect(kernel).toBeDefined();
  });

  // Odd sizes, rows not a multiple of the 4-row tile, depths across the 256-deep block and columns
  // across the 128-wide panel.
  test.each([[1, 1, 1], [3, 5, 7], [4, 256, 128], [5, 257, 131], [13, 300, 260], [2, 513, 9], [64, 64, 64]])('[%i,%i] x [%i cols]', (m, k, n) => {
    const r = rng(m * 1000 + k * 10 + n);
    const a = Float32Array.from({ length: m * k }, r);
    const b = Float32Array.from({ length: k * n }, r);
    const out = new Float64Array(m * n).fill(NaN);
    wasmMatMulCols(kernel!, { a, offA: 0, sAi: k, sAp: 1, b, offB: 0, sBp: n, sBj: 1, out, offY: 0, m, k, n, j0: 0, j1: n });
    expect(Array.from(out)).toEqual(Array.from(naiveProduct(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j])));
  });

  test('a column range writes those columns only, at the given offsets', () => {
    const [m, k, n, j0, j1] = [6, 40, 37, 5, 30];
    const r = rng(7);
    const a = Float32Array.from({ length: 3 + m * k }, r);
    const b = Float32Array.from({ length: 2 + k * n }, r);
    const out = new Float64Array(1 + m * n).fill(-7);
    wasmMatMulCols(kernel!, { a, offA: 3, sAi: k, sAp: 1, b, offB: 2, sBp: n, sBj: 1, out, offY: 1, m, k, n, j0, j1 });
    const want = naiveProduct(m, k, n, (i, p) => a[3 + i * k + p], (p, j) => b[2 + p * n + j]);
    expect(out[0]).toBe(-7);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) expect(out[1 + i * n + j]).toBe(j >= j0 && j < j1 ? want[i * n + j] : -7);
    }
  });

  test.each([[false, true], [true, false], [true, true]])('strided operands: A transposed %s, B transposed %s', (ta, tb) => {
    const [m, k, n] = [7, 270, 133];
    const r = rng(11);
    const a = Float32Array.from({ length: m * k }, r);
    const b = Float32Array.from({ length: k * n }, r);
    const job: WasmMatMulJob = {
      a, offA: 0, sAi: ta ? 1 : k, sAp: ta ? m : 1,
      b, offB: 0, sBp: tb ? 1 : n, sBj: tb ? k : 1,
      out: new Float64Array(m * n), offY: 0, m, k, n, j0: 0, j1: n,
    };
    wasmMatMulCols(kernel!, job);
    const want = naiveProduct(m, k, n, (i, p) => a[i * job.sAi + p * job.sAp], (p, j) => b[p * job.sBp + j * job.sBj]);
    expect(Array.from(job.out)).toEqual(Array.from(want));
  });

  test('shared columns: chunks claimed from a counter cover the range exactly once', () => {
    const [m, k, n, j0, j1, chunk] = [9, 300, 700, 3, 690, 256];
    const r = rng(13);
    const a = Float32Array.from({ length: m * k }, r);
    const b = Float32Array.from({ length: k * n }, r);
    const want = naiveProduct(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j]);
    for (const [sBp, sBj, bt] of [[n, 1, b], [1, k, Float32Array.from({ length: k * n }, (_, x) => b[(x % k) * n + Math.floor(x / k)])]] as const) {
      const out = new Float64Array(m * n).fill(-1);
      // Another thread has taken chunk 0: this one does chunks 1 and 2 ([259, 690)).
      const claim = new Int32Array(new SharedArrayBuffer(4));
      claim[0] = 1;
      wasmMatMulCols(kernel!, { a, offA: 0, sAi: k, sAp: 1, b: bt, offB: 0, sBp, sBj, out, offY: 0, m, k, n, j0, j1 }, claim, chunk);
      expect(claim[0]).toBe(4);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) expect(out[i * n + j]).toBe(j >= j0 + chunk && j < j1 ? want[i * n + j] : -1);
      }
    }
  });

  test('B stored transposed with a gap between its stored rows, over a column range', () => {
    const [m, k, n, gap, j0, j1] = [5, 261, 140, 3, 6, 139];
    const r = rng(12);
    const a = Float32Array.from({ length: m * k }, r);
    const b = Float32Array.from({ length: 1 + n * (k + gap) }, r);
    const out = new Float64Array(m * n).fill(-1);
    wasmMatMulCols(kernel!, { a, offA: 0, sAi: k, sAp: 1, b, offB: 1, sBp: 1, sBj: k + gap, out, offY: 0, m, k, n, j0, j1 });
    const want = naiveProduct(m, k, n, (i, p) => a[i * k + p], (p, j) => b[1 + j * (k + gap) + p]);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) expect(out[i * n + j]).toBe(j >= j0 && j < j1 ? want[i * n + j] : -1);
    }
  });

  test('float64 and int32 B keep every bit (no float32 rounding on the way in)', () => {
    const [m, k, n] = [5, 33, 11];
    const r = rng(3);
    const a = Float64Array.from({ length: m * k }, () => r() / 3);
    for (const b of [Float64Array.from({ length: k * n }, () => r() / 7), Int32Array.from({ length: k * n }, () => Math.round(r() * 1e6))]) {
      const out = new Float64Array(m * n);
      wasmMatMulCols(kernel!, { a, offA: 0, sAi: k, sAp: 1, b, offB: 0, sBp: n, sBj: 1, out, offY: 0, m, k, n, j0: 0, j1: n });
      expect(Array.from(out)).toEqual(Array.from(naiveProduct(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j])));
    }
  });
});

describe('float32 block sums (matmulPrecision float32)', () => {
  const kernel = instantiateWasmKernel(wasmKernelBytes());
  /**
   * The float32 error bound of a block: at most 257 roundings of 2⁻²⁴ (the product and the running
   * sum), relative to Σ|products|; the float64 additions of the blocks are far below it.
   */
  const close = (got: number, want: number, mass: number) => Math.abs(got - want) <= mass * 257 * 2 ** -24;

  test.each([[1, 1, 1], [3, 5, 7], [5, 257, 131], [13, 600, 260], [64, 64, 64]])('[%i,%i] x [%i cols], B by rows and transposed, with a column range', (m, k, n) => {
    const r = rng(m + k + n);
    const a = Float32Array.from({ length: m * k }, r);
    const b = Float32Array.from({ length: k * n }, r);
    const j0 = n > 8 ? 3 : 0;
    for (const [sBp, sBj] of [[n, 1], [1, k]]) {
      const out = new Float64Array(m * n).fill(-1);
      wasmMatMulCols(kernel!, { a, offA: 0, sAi: k, sAp: 1, b, offB: 0, sBp, sBj, out, offY: 0, m, k, n, j0, j1: n, float32: true });
      const want = naiveProduct(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * sBp + j * sBj]);
      const mass = naiveProduct(m, k, n, (i, p) => Math.abs(a[i * k + p]), (p, j) => Math.abs(b[p * sBp + j * sBj]));
      for (let x = 0; x < m * n; x++) {
        if (x % n < j0) expect(out[x]).toBe(-1);
        else expect(close(out[x], want[x], mass[x])).toBe(true);
      }
    }
  });

  test('runFloat sums in float32 blocks only when asked, and restores float64 sums after', () => {
    const g = emptyGraph('t', 'float', 13);
    addInput(g, 'x', 'float32', [6, 300]);
    addConst(g, 'W', randomF32([300, 90], 51));
    g.nodes.push(node('MatMul', 'M', ['x', 'W'], ['y']));
    setType(g, 'y', 'float32', [6, 90]);
    g.outputs.push('y');
    const x = randomF32([6, 300], 52);
    const exact = tensorValues(runFloat(g, [x]).get('y')!);
    const fast = tensorValues(runFloat(g, [x], { matmulPrecision: 'float32' }).get('y')!);
    expect(fast).not.toEqual(exact);
    fast.forEach((v, i) => expect(Math.abs(v - exact[i])).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(exact[i]))));
    expect(tensorValues(runFloat(g, [x], { matmulPrecision: 'float64' }).get('y')!)).toEqual(exact);
    const [dx, dw] = [x.data, g.constants.get('W')!.data] as Float32Array[];
    expect(evalOp('MatMul', [x, g.constants.get('W')!]).values).toEqual(Array.from(naiveProduct(6, 300, 90, (i, p) => dx[i * 300 + p], (p, j) => dw[p * 90 + j]), Math.fround));
  });
});

describe('MatMul and Gemm through the kernels', () => {
  test('MatMul with broadcast batch dimensions: [2, 1, 5, 300] x [3, 300, 9]', () => {
    const a = randomF32([2, 1, 5, 300], 1);
    const b = randomF32([3, 300, 9], 2);
    expect(5 * 300 * 9).toBeGreaterThanOrEqual(WASM_MIN_MACS);
    const { shape, values } = evalOp('MatMul', [a, b]);
    expect(shape).toEqual([2, 3, 5, 9]);
    const da = a.data as Float32Array;
    const db = b.data as Float32Array;
    for (let s = 0; s < 2; s++) {
      for (let t = 0; t < 3; t++) {
        const want = naiveProduct(5, 300, 9, (i, p) => da[s * 1500 + i * 300 + p], (p, j) => db[t * 2700 + p * 9 + j]);
        expect(values.slice((s * 3 + t) * 45, (s * 3 + t + 1) * 45)).toEqual(Array.from(want, Math.fround));
      }
    }
  });

  test('a product split over two threads (shared B, odd rows and columns) has the single-thread bits', () => {
    const [m, k, n] = [7, 301, 1001];
    expect(m * k * n).toBeGreaterThan(PARALLEL_MIN_MACS);
    const a = randomF32([m, k], 4);
    const b = randomF32([k, n], 5);
    const sharedB = randomF32([k, n], 5, true);
    const one = evalOp('MatMul', [a, b]).values;
    const before = { ...helperStats };
    const two = evalOp('MatMul', [a, sharedB]).values;
    expect(helperStats.done + helperStats.skipped).toBe(before.done + before.skipped + 1);
    expect(helperStats.redone).toBe(before.redone);
    expect(two).toEqual(one);
    const da = a.data as Float32Array;
    const db = b.data as Float32Array;
    expect(one).toEqual(Array.from(naiveProduct(m, k, n, (i, p) => da[i * k + p], (p, j) => db[p * n + j]), Math.fround));
  });

  test('the helper thread computes columns of a large product (same bits as one thread)', () => {
    const [m, k, n] = [64, 512, 2048];
    const a = randomF32([m, k], 14);
    const b = randomF32([k, n], 15, true);
    const alone = new Float64Array(m * n);
    const kernel = instantiateWasmKernel(wasmKernelBytes())!;
    wasmMatMulCols(kernel, { a: a.data as Float32Array, offA: 0, sAi: k, sAp: 1, b: b.data as Float32Array, offB: 0, sBp: n, sBj: 1, out: alone, offY: 0, m, k, n, j0: 0, j1: n });
    const want = Array.from(alone, Math.fround);
    // The helper starts on the first product; within a few it takes part in one.
    const before = helperStats.done;
    for (let r = 0; r < 5 && helperStats.done === before; r++) expect(evalOp('MatMul', [a, b]).values).toEqual(want);
    expect(helperStats.done).toBeGreaterThan(before);
  });

  test('Gemm with transB on a shared B runs split, with alpha and beta', () => {
    const [m, k, n] = [9, 300, 1000];
    const a = randomF32([m, k], 6);
    const b = randomF32([n, k], 7, true);
    const c = randomF32([n], 8);
    const attrs = { transB: { type: 'int' as const, value: 1 }, alpha: { type: 'float' as const, value: 0.5 }, beta: { type: 'float' as const, value: 2 } };
    const before = { ...helperStats };
    const { values } = evalOp('Gemm', [a, b, c], attrs);
    expect(helperStats.done + helperStats.skipped).toBe(before.done + before.skipped + 1);
    expect(helperStats.redone).toBe(before.redone);
    const [da, db, dc] = [a.data, b.data, c.data] as Float32Array[];
    const prod = naiveProduct(m, k, n, (i, p) => da[i * k + p], (p, j) => db[j * k + p]);
    expect(values).toEqual(Array.from(prod, (v, idx) => Math.fround(0.5 * v + 2 * dc[idx % n])));
  });
});

describe('runFloat reads a weight Transpose feeding MatMuls in place', () => {
  function graph(extraReader: boolean) {
    const g = emptyGraph('t', 'float', 13);
    addInput(g, 'x', 'float32', [2, 3, 40]);
    addConst(g, 'W', randomF32([50, 40], 9));
    g.nodes.push(node('Transpose', 'T', ['W'], ['Wt'], { perm: ints([1, 0]) }));
    g.nodes.push(node('MatMul', 'M1', ['x', 'Wt'], ['y1']));
    g.nodes.push(node('MatMul', 'M2', ['y0', 'Wt'], ['y2']));
    // y0 = x·1 keeps M2 apart from M1 (a second reader of the transposed weight).
    addConst(g, 'one', makeTensor('float32', [], [1]));
    g.nodes.splice(1, 0, node('Mul', 'S', ['x', 'one'], ['y0']));
    setType(g, 'y0', 'float32', [2, 3, 40]);
    setType(g, 'Wt', 'float32', [40, 50]);
    setType(g, 'y1', 'float32', [2, 3, 50]);
    setType(g, 'y2', 'float32', [2, 3, 50]);
    g.outputs.push('y1', 'y2');
    if (extraReader) {
      g.nodes.push(node('Relu', 'R', ['Wt'], ['r']));
      setType(g, 'r', 'float32', [40, 50]);
      g.outputs.push('r');
    }
    return g;
  }

  test('the lean run skips the Transpose and gets the bits of the full run', () => {
    const g = graph(false);
    const x = randomF32([2, 3, 40], 10);
    const full = runFloat(g, [x]);
    const lean = runFloat(g, [x], { freeIntermediates: true });
    expect(full.has('Wt')).toBe(true);
    expect(lean.has('Wt')).toBe(false);
    for (const o of ['y1', 'y2']) expect(tensorValues(lean.get(o)!)).toEqual(tensorValues(full.get(o)!));
    const [dx, dw] = [x.data, g.constants.get('W')!.data] as Float32Array[];
    const want = naiveProduct(6, 40, 50, (i, p) => dx[i * 40 + p], (p, j) => dw[j * 40 + p]);
    expect(tensorValues(lean.get('y1')!)).toEqual(Array.from(want, Math.fround));
  });

  test('a Transpose with another reader is run as usual', () => {
    const g = graph(true);
    const x = randomF32([2, 3, 40], 11);
    const lean = runFloat(g, [x], { freeIntermediates: true });
    const full = runFloat(g, [x]);
    expect(tensorValues(lean.get('r')!)).toEqual(tensorValues(full.get('r')!));
    expect(tensorValues(lean.get('y2')!)).toEqual(tensorValues(full.get('y2')!));
  });
});

/** Reference elementwise op through broadcastIndices (the index map the kernels no longer build). */
function naiveBinary(a: Tensor, b: Tensor, f: (x: number, y: number) => number): number[] {
  const shape = broadcastShapes(a.shape, b.shape)!;
  const ia = broadcastIndices(a.shape, shape);
  const ib = broadcastIndices(b.shape, shape);
  return Array.from(ia, (_, k) => Math.fround(f(Number(a.data[ia[k]]), Number(b.data[ib[k]]))));
}

describe('broadcast runs', () => {
  const pairs: [number[], number[]][] = [
    [[2, 3, 4], [2, 3, 4]], [[2, 3, 4], [4]], [[2, 3, 4], [3, 1]], [[2, 1, 4], [1, 3, 1]], [[], [5, 2]], [[5, 2], []],
    [[1, 12, 7, 7], [1, 1, 7, 7]], [[3, 1, 5, 1], [2, 5, 6]], [[1], [1]], [[4, 1], [1, 4]], [[2, 0, 3], [3]], [[7, 1, 1, 9], [1, 6, 5, 1]],
  ];

  test.each(pairs)('planRuns visits %j x %j in row-major order with the broadcast offsets', (sa, sb) => {
    const shape = broadcastShapes(sa, sb)!;
    const runs = planRuns(shape, [sa, sb]);
    const ia = broadcastIndices(sa, shape);
    const ib = broadcastIndices(sb, shape);
    const seen: number[][] = [];
    const [sta, stb] = runs.strides.map((s) => s[s.length - 1]);
    forEachRun(runs, (o, [pa, pb], len) => {
      for (let i = 0; i < len; i++) seen.push([o + i, pa + i * sta, pb + i * stb]);
    });
    expect(seen).toEqual(Array.from(ia, (_, k) => [k, ia[k], ib[k]]));
  });

  test.each(pairs)('Add, Sub, Mul, Div and Pow of %j and %j match the element-by-element definition', (sa, sb) => {
    const a = randomF32(sa, 21);
    const b = randomF32(sb, 22);
    for (const [op, f] of [['Add', (x: number, y: number) => x + y], ['Sub', (x: number, y: number) => x - y], ['Mul', (x: number, y: number) => x * y], ['Div', (x: number, y: number) => x / y], ['Pow', Math.pow]] as const) {
      const got = evalOp(op, [a, b]);
      expect(got.shape).toEqual(broadcastShapes(sa, sb));
      expect(got.values).toEqual(naiveBinary(a, b, f));
    }
  });

  test.each([[2], [3]])('Pow by a constant %i is the correctly rounded power of float32 inputs', (e) => {
    const x = randomF32([3, 17], 23);
    const got = evalOp('Pow', [x, makeTensor('float32', [], [e])]).values;
    expect(got).toEqual(Array.from(x.data as Float32Array, (v) => Math.fround(e === 2 ? v * v : v * v * v)));
    // Math.pow agrees once rounded to float32.
    expect(got).toEqual(Array.from(x.data as Float32Array, (v) => Math.fround(Math.pow(v, e))));
  });

  test('int32 Add through the run kernels wraps like a typed-array store', () => {
    const a = makeTensor('int32', [2, 2], [2147483647, 1, -5, 7]);
    const b = makeTensor('int32', [2], [1, -2]);
    expect(evalOp('Add', [a, b]).values).toEqual([-2147483648, -1, -4, 5]);
  });

  test('Where broadcasts condition, X and Y together', () => {
    const c = makeTensor('bool', [1, 1, 3, 3], [1, 0, 0, 1, 1, 0, 1, 1, 1]);
    const x = randomF32([2, 2, 3, 3], 24);
    const y = makeTensor('float32', [], [-1e30]);
    const got = evalOp('Where', [c, x, y]);
    expect(got.shape).toEqual([2, 2, 3, 3]);
    const dx = x.data as Float32Array;
    expect(got.values).toEqual(Array.from(dx, (v, k) => (c.data[k % 9] ? v : Math.fround(-1e30))));
    // int64 X and Y are copied as they are.
    const xi = makeTensor('int64', [3], [1n, 2n, 3n]);
    const yi = makeTensor('int64', [3, 1], [10n, 20n, 30n]);
    expect(evalOp('Where', [makeTensor('bool', [3], [1, 0, 1]), xi, yi]).values).toEqual([1, 10, 3, 1, 20, 3, 1, 30, 3]);
  });
});

/** Reference transpose: output element at coord c is input element at c permuted back. */
function naiveTranspose(x: Tensor, perm: number[]): (number | bigint)[] {
  const outShape = perm.map((p) => x.shape[p]);
  const inStrides = x.shape.map((_, i) => numel(x.shape.slice(i + 1)));
  const out: (number | bigint)[] = [];
  const coord = new Array(outShape.length).fill(0);
  for (let k = 0; k < numel(outShape); k++) {
    let src = 0;
    perm.forEach((p, i) => { src += coord[i] * inStrides[p]; });
    out.push(x.data[src]);
    for (let d = outShape.length - 1; d >= 0; d--) {
      if (++coord[d] < outShape[d]) break;
      coord[d] = 0;
    }
  }
  return out;
}

describe('Transpose without an index map', () => {
  const cases: [number[], number[]][] = [
    [[5], [0]], [[3, 7], [1, 0]], [[1, 64, 12, 8], [0, 2, 1, 3]], [[1, 12, 9, 8], [0, 1, 3, 2]], [[2, 3, 4, 5], [3, 1, 0, 2]],
    [[33, 1, 35], [2, 1, 0]], [[1, 1, 6], [2, 0, 1]], [[2, 3, 1, 4, 2], [4, 2, 0, 3, 1]], [[0, 3], [1, 0]],
  ];

  test.each(cases)('shape %j perm %j, float32, int64 and bool', (shape, perm) => {
    const f = randomF32(shape, 31);
    const dtypes: [DType, Tensor][] = [
      ['float32', f],
      ['int64', makeTensor('int64', shape, Array.from(f.data as Float32Array, (v) => BigInt(Math.round(v * 1e6))))],
      ['bool', makeTensor('bool', shape, Array.from(f.data as Float32Array, (v) => (v > 0 ? 1 : 0)))],
    ];
    for (const [dtype, x] of dtypes) {
      const got = evalOp('Transpose', [x], { perm: ints(perm) });
      expect(got.t.dtype).toBe(dtype);
      expect(got.shape).toEqual(perm.map((p) => shape[p]));
      expect(Array.from(got.t.data as ArrayLike<number | bigint>)).toEqual(naiveTranspose(x, perm));
    }
  });

  test('a large float matrix is transposed into shared memory (read in place by the helper thread)', () => {
    const x = randomF32([1030, 1031], 32);
    const got = evalOp('Transpose', [x], { perm: ints([1, 0]) }).t;
    expect(got.data.buffer instanceof SharedArrayBuffer).toBe(true);
    const [dx, dy] = [x.data, got.data] as Float32Array[];
    for (const [i, j] of [[0, 0], [1029, 1030], [517, 3], [31, 32], [32, 31], [1000, 1029]]) expect(dy[j * 1030 + i]).toBe(dx[i * 1031 + j]);
    expect(Array.from(dy.subarray(0, 1030))).toEqual(Array.from({ length: 1030 }, (_, i) => dx[i * 1031]));
  });
});

describe('ReduceMean lanes', () => {
  test.each([[[2, 3, 4], [-1]], [[2, 3, 4], [1, 2]], [[2, 3, 4], [0]], [[2, 3, 4], [0, 2]], [[5, 1, 7], [1, 2]]])('shape %j axes %j equals the definition', (shape, axes) => {
    const x = randomF32(shape, 41);
    const rank = shape.length;
    const norm = axes.map((a) => (a < 0 ? a + rank : a));
    const got = evalOp('ReduceMean', [x], { axes: ints(axes) });
    const outShape = shape.map((d, i) => (norm.includes(i) ? 1 : d));
    expect(got.shape).toEqual(outShape);
    const sums = new Float64Array(numel(outShape));
    const dx = x.data as Float32Array;
    const coord = new Array(rank).fill(0);
    for (let k = 0; k < dx.length; k++) {
      let o = 0;
      for (let d = 0; d < rank; d++) o = o * outShape[d] + (norm.includes(d) ? 0 : coord[d]);
      sums[o] += dx[k];
      for (let d = rank - 1; d >= 0; d--) {
        if (++coord[d] < shape[d]) break;
        coord[d] = 0;
      }
    }
    const count = dx.length / sums.length;
    expect(got.values).toEqual(Array.from(sums, (s) => Math.fround(s / count)));
  });
});
