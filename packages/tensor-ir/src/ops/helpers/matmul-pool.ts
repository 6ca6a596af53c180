import { Worker } from 'worker_threads';
import { MATMUL_KERNEL_SOURCE, MatMulBlock, NumberArray, matmulRows } from './matmul';
import { WASM_MATMUL_SOURCE, WasmKernel, WasmMatMulJob, instantiateWasmKernel, wasmKernelBytes, wasmMatMulCols } from './matmul-wasm';

/** Products smaller than this many multiply-adds are not worth a hand-off (~1 ms of work). */
export const PARALLEL_MIN_MACS = 1 << 21;
const MIN_ROWS_TO_SHARE = 16;
/** Products below this many multiply-adds stay in JS (the WebAssembly call and copies cost more). */
export const WASM_MIN_MACS = 1 << 12;

const WORKER_SOURCE = `
const { parentPort } = require('worker_threads');
${MATMUL_KERNEL_SOURCE}
${WASM_MATMUL_SOURCE}
let wasm;
parentPort.on('message', (msg) => {
  if (msg.warm) {
    wasm = wasm || instantiateWasmKernel(wasmKernelBytes());
    return;
  }
  // A shared job the main thread finished alone before this thread got to it is left alone.
  if (msg.job && Atomics.compareExchange(msg.done, 1, 0, 1) !== 0) return;
  try {
    if (msg.job) {
      wasm = wasm || instantiateWasmKernel(wasmKernelBytes());
      wasmMatMulCols(wasm, msg.job, msg.claim, msg.chunk);
    } else matmulRows(msg.blk, msg.k, msg.n, msg.lo, msg.hi);
    Atomics.store(msg.done, 0, 1);
  } catch (e) {
    Atomics.store(msg.done, 0, 2);
  }
  Atomics.notify(msg.done, 0);
});
`;

/**
 * How the WebAssembly kernel sums a float32 weight's products: 'float64' (the reference: every
 * product and sum in float64, bit for bit the definition) or 'float32' (each depth block of 256
 * summed in float32, as onnxruntime does, then added in float64; about twice as fast). runFloat
 * sets it for the length of a run; constant folding and everything else uses 'float64'.
 */
export type MatMulPrecision = 'float64' | 'float32';
let precision: MatMulPrecision = 'float64';

/** Runs `fn` with the given MatMul precision, restoring the previous one after. */
export function withMatMulPrecision<T>(p: MatMulPrecision, fn: () => T): T {
  const before = precision;
  precision = p;
  try {
    return fn();
  } finally {
    precision = before;
  }
}

let worker: Worker | undefined;
let kernel: WasmKernel | null | undefined;

function helper(): Worker {
  if (!worker) {
    // The worker runs the same kernel functions (their compiled source), so there is one definition.
    worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
  }
  return worker;
}

/**
 * Starts the helper thread and its WebAssembly kernel ahead of the first large product, so that
 * the thread's start-up overlaps the work before it (runFloat calls this for graphs that will
 * split a product).
 */
export function warmMatMulHelper(): void {
  if (!worker && wasmKernel()) helper().postMessage({ warm: true });
}

/** This thread's WebAssembly kernel, or null where WebAssembly SIMD is unavailable. */
function wasmKernel(): WasmKernel | null {
  if (kernel === undefined) kernel = instantiateWasmKernel(wasmKernelBytes()) ?? null;
  return kernel;
}

/**
 * Whether a product's working set (float64 A, a chunk of Y, the B staging: see matmul-wasm.ts) stays
 * well inside a 32-bit WebAssembly memory; larger ones run in JS.
 */
function wasmFits(m: number, k: number, n: number): boolean {
  const rows = Math.ceil(m / 4) * 4;
  return (rows * k + rows * n) * 8 + 256 * (n + k) * 4 < 2 ** 30;
}

const shared = (d: NumberArray): boolean => d.buffer instanceof SharedArrayBuffer;

/** A copy of an operand in shared memory. */
function toShared(a: NumberArray): NumberArray {
  const C = a.constructor as new (buf: SharedArrayBuffer) => NumberArray;
  const out = new C(new SharedArrayBuffer(a.byteLength));
  out.set(a as ArrayLike<number>);
  return out;
}

/**
 * Hand-offs to the helper thread: joined after it took part, finished here before it started
 * (shared-column jobs only), or redone here after it failed.
 */
export const helperStats = { done: 0, skipped: 0, redone: 0 };

/** Waits for the helper's flag; a failure there (1 = done, 2 = threw) is redone on this thread. */
function joinHelper(done: Int32Array, redo: () => void): void {
  while (Atomics.load(done, 0) === 0) Atomics.wait(done, 0, 0);
  if (Atomics.load(done, 0) === 1) helperStats.done++;
  else {
    helperStats.redone++;
    redo();
  }
}

/**
 * Y = A·B for rows 0..m (one product of a batch). Products of WASM_MIN_MACS or more run the
 * WebAssembly kernel, split by columns between this thread and one helper thread when large and B
 * is in shared memory (weights decoded by onnx-frontend are); smaller ones, or all where
 * WebAssembly SIMD is missing, run matmulRows (split by rows the same way). Every path computes
 * each element in the same order, so the bits never depend on the path or the split.
 */
export function matmulRowsParallel(blk: MatMulBlock, m: number, k: number, n: number): void {
  const macs = m * k * n;
  const wasm = macs >= WASM_MIN_MACS && wasmFits(m, k, n) ? wasmKernel() : null;
  if (wasm) {
    const job = { a: blk.a, offA: blk.offA, sAi: k, sAp: 1, b: blk.b, offB: blk.offB, sBp: n, sBj: 1, out: blk.out, offY: blk.offY, m, k, n, j0: 0, j1: n, float32: precision === 'float32' };
    matmulJob(wasm, job, shared(blk.b));
    return;
  }
  // Without WebAssembly: B not in shared memory (e.g. a folded Transpose of a weight) is copied
  // once when each of its elements takes part in at least MIN_ROWS_TO_SHARE products.
  if (m < 2 || macs < PARALLEL_MIN_MACS || (!shared(blk.b) && m < MIN_ROWS_TO_SHARE)) {
    matmulRows(blk, k, n, 0, m);
    return;
  }
  const out = new Float64Array(new SharedArrayBuffer(m * n * 8));
  const part = { ...blk, a: shared(blk.a) ? blk.a : toShared(blk.a), b: shared(blk.b) ? blk.b : toShared(blk.b), out, offY: 0 };
  const done = new Int32Array(new SharedArrayBuffer(4));
  const half = m >> 1;
  helper().postMessage({ blk: part, k, n, lo: half, hi: m, done });
  matmulRows(part, k, n, 0, half);
  joinHelper(done, () => matmulRows(part, k, n, half, m));
  blk.out.set(out, blk.offY);
}

/**
 * Runs one WebAssembly job, its columns shared between this thread and the helper when it is large
 * and B is in shared memory (A and Y are moved there when they are not); otherwise on this thread.
 */
function matmulJob(wasm: WasmKernel, job: WasmMatMulJob, bShared: boolean): void {
  const { m, k, n } = job;
  if (m * k * n < PARALLEL_MIN_MACS || n < 8 || !bShared) {
    wasmMatMulCols(wasm, job);
    return;
  }
  // Both threads claim chunks of columns (multiples of the kernel's 128-column panels, about 16 in
  // all) until none are left: a thread the machine's load holds back simply takes fewer.
  const chunk = 128 * Math.max(1, Math.ceil(n / (16 * 128)));
  const a = job.a as NumberArray;
  const inPlace = shared(job.out);
  const out = inPlace ? job.out : new Float64Array(new SharedArrayBuffer(m * n * 8));
  const part = { ...job, a: shared(a) ? a : toShared(a), out, offY: inPlace ? job.offY : 0 };
  // done[0]: the helper's result (1 done, 2 failed); done[1]: 1 once it started, 2 if cancelled first.
  const done = new Int32Array(new SharedArrayBuffer(8));
  const claim = new Int32Array(new SharedArrayBuffer(4));
  helper().postMessage({ job: part, claim, chunk, done });
  wasmMatMulCols(wasm, part, claim, chunk);
  // Every chunk is claimed now. A helper that has not started yet (a busy machine) is not waited
  // for; one that failed may have claimed chunks it did not finish, so the product is redone.
  if (Atomics.compareExchange(done, 1, 0, 2) === 0) helperStats.skipped++;
  else joinHelper(done, () => wasmMatMulCols(wasm, part));
  if (!inPlace) job.out.set(out, job.offY);
}

/**
 * One product through the WebAssembly kernel with A and B read through strides (Gemm's transA and
 * transB, a MatMul reading a weight transposed), on two threads when large and B is shared.
 * Returns false, having done nothing, where WebAssembly SIMD is unavailable.
 */
export function stridedMatMul(job: WasmMatMulJob, bShared: boolean): boolean {
  const wasm = wasmFits(job.m, job.k, job.n) ? wasmKernel() : null;
  if (!wasm) return false;
  matmulJob(wasm, { ...job, float32: precision === 'float32' }, bShared);
  return true;
}
