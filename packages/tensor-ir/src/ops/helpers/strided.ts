/**
 * Broadcast iteration without per-element index maps: the output is walked in contiguous runs
 * along its (merged) last axis, and each operand advances by 0 or 1 element per step inside a run.
 * Elementwise kernels loop over a run with plain typed-array reads, so they allocate nothing per
 * element and visit the elements in the same row-major order as before.
 */

/** Operands' element strides over a broadcast output shape, adjacent axes merged where possible. */
export interface BroadcastRuns {
  /** The merged output shape (at least one axis). */
  shape: number[];
  /** For each operand, its element stride along each merged axis (0 where it is stretched). */
  strides: number[][];
}

/** Plans the runs of a broadcast of `inShapes` to `outShape` (each must broadcast to it). */
export function planRuns(outShape: readonly number[], inShapes: readonly (readonly number[])[]): BroadcastRuns {
  const rank = outShape.length;
  const all = inShapes.map((s) => {
    const st = new Array<number>(rank).fill(0);
    let acc = 1;
    for (let i = s.length - 1; i >= 0; i--) {
      const d = rank - s.length + i;
      st[d] = s[i] === 1 && outShape[d] !== 1 ? 0 : acc;
      acc *= s[i];
    }
    return st;
  });
  // Drop size-1 axes, then merge axis d into d+1 when every operand is contiguous across them.
  const shape: number[] = [];
  const strides: number[][] = inShapes.map(() => []);
  for (let d = 0; d < rank; d++) {
    if (outShape[d] === 1) continue;
    const last = shape.length - 1;
    if (last >= 0 && all.every((st, j) => strides[j][last] === st[d] * outShape[d])) {
      shape[last] *= outShape[d];
      all.forEach((st, j) => { strides[j][last] = st[d]; });
    } else {
      shape.push(outShape[d]);
      all.forEach((st, j) => strides[j].push(st[d]));
    }
  }
  if (shape.length === 0) {
    shape.push(1);
    strides.forEach((s) => s.push(0));
  }
  return { shape, strides };
}

/**
 * Calls `run(outOffset, offsets, length)` for each contiguous run of the output along the last
 * merged axis, in row-major order; `offsets[j]` is operand j's element offset at the run's start
 * (the array is reused between calls). Inside a run operand j advances by `runs.strides[j][last]`.
 */
export function forEachRun(runs: BroadcastRuns, run: (outOffset: number, offsets: number[], length: number) => void): void {
  const { shape, strides } = runs;
  const rank = shape.length;
  const len = shape[rank - 1];
  let rows = 1;
  for (let d = 0; d < rank - 1; d++) rows *= shape[d];
  if (rows === 0 || len === 0) return;
  const offsets = strides.map(() => 0);
  const counter = new Array<number>(rank).fill(0);
  for (let r = 0, o = 0; r < rows; r++, o += len) {
    run(o, offsets, len);
    for (let d = rank - 2; d >= 0; d--) {
      counter[d]++;
      for (let j = 0; j < offsets.length; j++) offsets[j] += strides[j][d];
      if (counter[d] < shape[d]) break;
      for (let j = 0; j < offsets.length; j++) offsets[j] -= strides[j][d] * counter[d];
      counter[d] = 0;
    }
  }
}

/** The stride of operand j inside a run (0 or 1 for row-major operands). */
export function runStride(runs: BroadcastRuns, j: number): number {
  const s = runs.strides[j];
  return s[s.length - 1];
}

/** Typed arrays of plain numbers (every dtype but int64/uint64). */
export type NumericData = Float32Array | Float64Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array;

/** Whether a tensor's storage holds numbers (not bigints). */
export function isNumberData(d: unknown): d is NumericData {
  return !(d instanceof BigInt64Array || d instanceof BigUint64Array);
}

/** A loop over one run: out[o + i] = a[pa + i·sa] ∘ b[pb + i·sb] for i < len. */
export type RunKernel = (out: NumericData, o: number, a: NumericData, pa: number, sa: number, b: NumericData, pb: number, sb: number, len: number) => void;

/**
 * Run loops of the four arithmetic ops, one function each so that each loop stays monomorphic
 * (a shared loop calling the op's function per element costs ~10 ns an element). They compute
 * exactly what the ops' float functions compute.
 */
export const FLOAT_RUN_KERNELS: Readonly<Record<string, RunKernel>> = {
  Add: (out, o, a, pa, sa, b, pb, sb, len) => { for (let i = 0; i < len; i++) out[o + i] = a[pa + i * sa] + b[pb + i * sb]; },
  Sub: (out, o, a, pa, sa, b, pb, sb, len) => { for (let i = 0; i < len; i++) out[o + i] = a[pa + i * sa] - b[pb + i * sb]; },
  Mul: (out, o, a, pa, sa, b, pb, sb, len) => { for (let i = 0; i < len; i++) out[o + i] = a[pa + i * sa] * b[pb + i * sb]; },
  Div: (out, o, a, pa, sa, b, pb, sb, len) => { for (let i = 0; i < len; i++) out[o + i] = a[pa + i * sa] / b[pb + i * sb]; },
};

/** broadcastBinaryInto with a run kernel instead of a per-element function. */
export function broadcastRunsInto(out: NumericData, outShape: readonly number[], a: NumericData, aShape: readonly number[], b: NumericData, bShape: readonly number[], kernel: RunKernel): void {
  const runs = planRuns(outShape, [aShape, bShape]);
  const sa = runStride(runs, 0);
  const sb = runStride(runs, 1);
  forEachRun(runs, (o, [pa, pb], len) => kernel(out, o, a, pa, sa, b, pb, sb, len));
}

/**
 * out[k] = f(a[·], b[·]) over the broadcast of a and b (numbers in, stored in `out`'s class, so a
 * float32 output rounds once and an integer one converts like a typed-array store).
 */
export function broadcastBinaryInto(out: NumericData, outShape: readonly number[], a: NumericData, aShape: readonly number[], b: NumericData, bShape: readonly number[], f: (x: number, y: number) => number): void {
  const runs = planRuns(outShape, [aShape, bShape]);
  const sa = runStride(runs, 0);
  const sb = runStride(runs, 1);
  forEachRun(runs, (o, [pa, pb], len) => {
    if (sa === 1 && sb === 1) for (let i = 0; i < len; i++) out[o + i] = f(a[pa + i], b[pb + i]);
    else if (sb === 0) {
      const y = b[pb];
      for (let i = 0; i < len; i++) out[o + i] = f(a[pa + i * sa], y);
    } else if (sa === 0) {
      const x = a[pa];
      for (let i = 0; i < len; i++) out[o + i] = f(x, b[pb + i * sb]);
    } else for (let i = 0; i < len; i++) out[o + i] = f(a[pa + i * sa], b[pb + i * sb]);
  });
}
