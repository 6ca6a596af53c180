import { Worker } from 'worker_threads';
import { MATMUL_KERNEL_SOURCE, MatMulBlock, NumberArray, matmulRows } from './matmul';

/** Products smaller than this many multiply-adds are not worth a hand-off (~1 ms of work). */
export const PARALLEL_MIN_MACS = 1 << 21;
const MIN_ROWS_TO_SHARE = 16;

const WORKER_SOURCE = `
const { parentPort } = require('worker_threads');
${MATMUL_KERNEL_SOURCE}
parentPort.on('message', ({ blk, k, n, lo, hi, done }) => {
  matmulRows(blk, k, n, lo, hi);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});
`;

let worker: Worker | undefined;

function helper(): Worker {
  if (!worker) {
    // The worker runs the same kernel functions (their compiled source), so there is one definition.
    worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
  }
  return worker;
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
 * matmulRows over rows 0..m split between this thread and one helper thread when the product is
 * large enough (weights decoded by onnx-frontend already live in shared memory); otherwise on this
 * thread alone. Both halves run the same kernel, so the result is identical either way.
 */
export function matmulRowsParallel(blk: MatMulBlock, m: number, k: number, n: number): void {
  // B not in shared memory (e.g. a folded Transpose of a weight) is copied once when each of its
  // elements takes part in at least MIN_ROWS_TO_SHARE products; below that, one thread it is.
  if (m < 2 || m * k * n < PARALLEL_MIN_MACS || (!shared(blk.b) && m < MIN_ROWS_TO_SHARE)) {
    matmulRows(blk, k, n, 0, m);
    return;
  }
  const out = new Float64Array(new SharedArrayBuffer(blk.out.byteLength));
  const part = { ...blk, a: shared(blk.a) ? blk.a : toShared(blk.a), b: shared(blk.b) ? blk.b : toShared(blk.b), out };
  const done = new Int32Array(new SharedArrayBuffer(4));
  const half = m >> 1;
  helper().postMessage({ blk: part, k, n, lo: half, hi: m, done });
  matmulRows(part, k, n, 0, half);
  while (Atomics.load(done, 0) === 0) Atomics.wait(done, 0, 0);
  blk.out.set(out);
}
