/**
 * A pool of worker threads that compute s·G for many scalars s and a group generator G
 * (see fixed-base-worker.ts). Each request is split evenly across the workers.
 */
import * as os from 'os';
import { Worker } from 'worker_threads';
import { assert } from '@onnx-zk/tensor-ir';
import { Group, POINT_BYTES } from './bn254';
import { fixedBaseWorkerMain, WorkerInit, WorkerReply, WorkerRequest } from './fixed-base-worker';
import { SCALAR_BYTES } from './scalars';

/** Points from one request: LEM affine, plus compressed when asked for. */
export interface PointBatch {
  lem: Uint8Array;
  compressed?: Uint8Array;
}

/**
 * Cost of one table entry (a Jacobian addition plus its share of the table's conversion to affine)
 * relative to one batched affine addition; measured ~4 for both groups on ffjavascript 0.3's wasm.
 */
const TABLE_ENTRY_COST = 4;

/**
 * The window width that minimises table building plus multiplication for `pointsPerWorker`
 * points: ⌈254/w⌉·(4·2^w + N) affine-addition equivalents.
 */
export function chooseWindow(pointsPerWorker: number): number {
  let best = 4;
  let bestCost = Infinity;
  for (let w = 4; w <= 16; w++) {
    const cost = Math.ceil(254 / w) * (TABLE_ENTRY_COST * 2 ** w + pointsPerWorker);
    if (cost < bestCost) { best = w; bestCost = cost; }
  }
  return best;
}

const WORKER_SOURCE = `(${fixedBaseWorkerMain.toString()})()`;

type Pending = { resolve(r: WorkerReply): void; reject(e: Error): void };

export class FixedBasePool {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on('message', (reply: WorkerReply) => this.settle(reply));
      w.on('error', (e) => this.failAll(e));
      w.on('exit', (code) => this.failAll(new Error(`internal error: fixed-base worker exited (code ${code})`)));
    }
  }

  /** Starts `threads` workers (default: one per CPU) running the BN254 wasm `init.code`. */
  static start(init: WorkerInit, threads = os.cpus().length): FixedBasePool {
    const n = Math.max(1, threads);
    const workers = Array.from({ length: n }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: init }));
    return new FixedBasePool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** s_i·G for the 32-byte little-endian scalars s_i, in order. */
  async mul(group: Group, scalars: Uint8Array, compressed = false): Promise<PointBatch> {
    const parts = this.split(scalars.length / SCALAR_BYTES);
    const replies = await Promise.all(parts.map(([from, to], k) =>
      this.request(k, { id: 0, op: 'mul', group, compressed, scalars: scalars.slice(from * SCALAR_BYTES, to * SCALAR_BYTES) })));
    const lem = concat(replies.map((r) => r.lem!));
    return compressed ? { lem, compressed: concat(replies.map((r) => r.other!)) } : { lem };
  }

  /** Converts LEM affine points to snarkjs's uncompressed encoding (what its hashes cover). */
  async toUncompressed(group: Group, points: Uint8Array): Promise<Uint8Array> {
    const parts = this.split(points.length / POINT_BYTES[group]);
    const size = POINT_BYTES[group];
    const replies = await Promise.all(parts.map(([from, to], k) =>
      this.request(k, { id: 0, op: 'toUncompressed', group, points: points.slice(from * size, to * size) })));
    return concat(replies.map((r) => r.other!));
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.failAll(new Error('fixed-base pool terminated'));
  }

  private split(n: number): [number, number][] {
    const k = n < 64 ? 1 : this.workers.length;
    const per = Math.ceil(n / k);
    const parts: [number, number][] = [];
    for (let from = 0; from < n; from += per) parts.push([from, Math.min(n, from + per)]);
    return parts;
  }

  private request(worker: number, req: WorkerRequest): Promise<WorkerReply> {
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[worker].postMessage({ ...req, id });
    });
  }

  private settle(reply: WorkerReply): void {
    const p = this.pending.get(reply.id);
    assert(p !== undefined, `fixed-base worker answered unknown request ${reply.id}`);
    this.pending.delete(reply.id);
    if (reply.error !== undefined) p.reject(new Error(`internal error: fixed-base worker: ${reply.error}`));
    else p.resolve(reply);
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

export function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
