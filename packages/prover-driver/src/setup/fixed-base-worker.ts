/**
 * The body of a fixed-base multiplication worker thread. It is sent to `new Worker(src, { eval })`
 * as `(${fixedBaseWorkerMain})()`, so it must stay self-contained: no imports, no references to
 * module scope (type annotations are fine, they are erased).
 *
 * It runs ffjavascript's own BN254 wasm (the code snarkjs uses) and calls its exports directly:
 * every point we need is s·G for the group generator G, so each worker keeps a table
 * T[j][d] = d·2^(w·j)·G and computes s·G as Σ_j T[j][digit_j(s)]: about 254/w additions instead
 * of the ~254 doublings and ~85 additions of a generic scalar multiplication, and those additions
 * are done in affine coordinates for a whole batch of scalars at once (see accumulate).
 */
export interface WorkerInit {
  code: Uint8Array;
  /** Affine generator of each group in ffjavascript's LEM encoding (Montgomery x, y). */
  bases: { G1: Uint8Array; G2: Uint8Array };
  /** Window width per group (bits per table row). */
  windows: { G1: number; G2: number };
}

export type WorkerRequest =
  | { id: number; op: 'mul'; group: 'G1' | 'G2'; scalars: Uint8Array; compressed: boolean }
  | { id: number; op: 'toUncompressed'; group: 'G1' | 'G2'; points: Uint8Array };

export interface WorkerReply {
  id: number;
  /** Affine points, LEM encoding (what ptau sections hold). */
  lem?: Uint8Array;
  /** Compressed (mul with compressed) or uncompressed (toUncompressed) encoding. */
  other?: Uint8Array;
  error?: string;
}

/* istanbul ignore next: runs inside a worker thread, from its source text */
export function fixedBaseWorkerMain(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort, workerData } = require('worker_threads') as typeof import('worker_threads');
  const init = workerData as WorkerInit;
  // Typed by hand: the project's lib (ES2022, no DOM) does not declare WebAssembly.
  interface WasmMemory { buffer: ArrayBuffer; grow(pages: number): number }
  const WA = (globalThis as unknown as { WebAssembly: {
    Memory: new (d: { initial: number; maximum: number }) => WasmMemory;
    Module: new (code: Uint8Array) => object;
    Instance: new (m: object, imports: object) => { exports: object };
  } }).WebAssembly;
  const memory = new WA.Memory({ initial: 25, maximum: 32767 });
  const instance = new WA.Instance(new WA.Module(init.code), { env: { memory } });
  const wasm = instance.exports as Record<string, (...args: number[]) => number>;
  interface Table { ptr: number; windows: number; width: number; rowBytes: number; masks: Int32Array }
  const tables: { G1?: Table; G2?: Table } = {};
  const sizes = { G1: { aff: 64, jac: 96, cmp: 32 }, G2: { aff: 128, jac: 192, cmp: 64 } };
  const prefix = { G1: 'g1m', G2: 'g2m' };

  // The wasm keeps its free-memory pointer in the first word and allocates scratch above it.
  const freePtr = () => new Uint32Array(memory.buffer)[0];
  const setFree = (p: number) => { new Uint32Array(memory.buffer)[0] = p; };
  const ensure = (end: number) => {
    const missing = end - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  };
  /** Bump-allocates n bytes and keeps `scratch` bytes free above them for the wasm's own use. */
  const alloc = (n: number, scratch = 0) => {
    const p = (freePtr() + 7) & ~7;
    ensure(p + n + scratch + (1 << 20));
    setFree(p + n);
    return p;
  };

  function buildTable(group: 'G1' | 'G2'): Table {
    const s = sizes[group];
    const g = prefix[group];
    const width = init.windows[group];
    const windows = Math.ceil(254 / width);
    const entries = 1 << width;
    const ptr = alloc(windows * entries * s.aff);
    const mark = freePtr();
    const jac = alloc(windows * entries * s.jac, windows * entries * s.jac);
    const step = alloc(s.jac);
    const base = alloc(s.aff);
    new Uint8Array(memory.buffer).set(init.bases[group], base);
    wasm[g + '_toJacobian'](base, step);
    for (let j = 0; j < windows; j++) {
      const row = jac + j * entries * s.jac;
      wasm[g + '_copy'](step, row); // entry 0 is never read; a non-zero filler keeps batchToAffine simple
      wasm[g + '_copy'](step, row + s.jac);
      for (let d = 2; d < entries; d++) wasm[g + '_add'](row + (d - 1) * s.jac, step, row + d * s.jac);
      wasm[g + '_add'](row + (entries - 1) * s.jac, step, step); // step = 2^(w(j+1))·G
    }
    wasm[g + '_batchToAffine'](jac, windows * entries, ptr);
    setFree(mark);
    const masks = new Int32Array(windows);
    for (let j = 0; j < windows; j++) {
      const bits = Math.min(width, 256 - j * width); // never read the next scalar's bytes
      masks[j] = bits >= 31 ? -1 : (1 << bits) - 1;
    }
    return { ptr, windows, width, rowBytes: entries * s.aff, masks };
  }

  /** digit j of scalar i at [j·n + i]: window-major, the order accumulate walks them. */
  function digitsOf(table: Table, scalars: Uint8Array): Int32Array {
    const n = scalars.length / 32;
    const bytes = new Uint8Array(scalars.length + 4); // padding for the 3-byte reads of the last scalar
    bytes.set(scalars);
    const { windows, width, masks } = table;
    const digits = new Int32Array(windows * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0, bit = 0; j < windows; j++, bit += width) {
        const o = i * 32 + (bit >> 3);
        digits[j * n + i] = ((bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16)) >>> (bit & 7)) & masks[j];
      }
    }
    return digits;
  }

  /**
   * acc_i += T[j][digit] for every window j, in affine coordinates, all n accumulators at once so
   * that one batch inversion serves n additions (Montgomery's trick): ~6 field multiplications per
   * addition instead of ~11 for a mixed Jacobian one. The two points never share an x: before
   * window j, acc_i = a·G with 0 < a < 2^(w·j) ≤ d·2^(w·j), and a + d·2^(w·j) ≤ s_i < r.
   */
  function accumulate(group: 'G1' | 'G2', table: Table, digits: Int32Array, n: number, pAcc: number): void {
    const s = sizes[group];
    const fe = s.aff / 2;
    const f = group === 'G1' ? 'f1m' : 'f2m';
    const [sub, mul, square, copy] = [wasm[f + '_sub'], wasm[f + '_mul'], wasm[f + '_square'], wasm[f + '_copy']];
    const copyPoint = wasm[prefix[group] + '_copyAffine'];
    const pDx = alloc(n * fe);
    const pInv = alloc(n * fe, (n + 1) * fe);
    const pL = alloc(fe);
    const pX = alloc(fe);
    const live = new Uint8Array(n);
    const who = new Int32Array(n);
    const what = new Int32Array(n);
    for (let j = 0; j < table.windows; j++) {
      const row = table.ptr + j * table.rowBytes;
      let m = 0;
      for (let i = 0; i < n; i++) {
        const d = digits[j * n + i];
        if (d === 0) continue;
        const t = row + d * s.aff;
        const a = pAcc + i * s.aff;
        if (live[i] === 0) { copyPoint(t, a); live[i] = 1; continue; }
        sub(t, a, pDx + m * fe);
        who[m] = a;
        what[m++] = t;
      }
      if (m === 0) continue;
      wasm[f + '_batchInverse'](pDx, fe, m, pInv, fe);
      for (let k = 0; k < m; k++) {
        const a = who[k];
        const t = what[k];
        const tmp = pDx + k * fe;
        sub(t + fe, a + fe, pL);
        mul(pL, pInv + k * fe, pL); // λ = (yT − yA) / (xT − xA)
        square(pL, pX);
        sub(pX, a, pX);
        sub(pX, t, pX); // x3 = λ² − xA − xT
        sub(a, pX, tmp);
        mul(pL, tmp, tmp);
        sub(tmp, a + fe, a + fe); // y3 = λ(xA − x3) − yA
        copy(pX, a);
      }
    }
    for (let i = 0; i < n; i++) if (live[i] === 0) new Uint8Array(memory.buffer, pAcc + i * s.aff, s.aff).fill(0);
  }

  function mul(group: 'G1' | 'G2', scalars: Uint8Array, compressed: boolean): { lem: Uint8Array; other?: Uint8Array } {
    const table = tables[group] ?? (tables[group] = buildTable(group));
    const s = sizes[group];
    const n = scalars.length / 32;
    const mark = freePtr();
    const pAff = alloc(n * s.aff);
    accumulate(group, table, digitsOf(table, scalars), n, pAff);
    const lem = new Uint8Array(memory.buffer, pAff, n * s.aff).slice();
    let other: Uint8Array | undefined;
    if (compressed) {
      const pCmp = alloc(n * s.cmp);
      wasm[prefix[group] + '_batchLEMtoC'](pAff, n, pCmp);
      other = new Uint8Array(memory.buffer, pCmp, n * s.cmp).slice();
    }
    setFree(mark);
    return { lem, other };
  }

  function toUncompressed(group: 'G1' | 'G2', points: Uint8Array): Uint8Array {
    const mark = freePtr();
    const p = alloc(points.length * 2);
    new Uint8Array(memory.buffer).set(points, p);
    wasm[prefix[group] + '_batchLEMtoU'](p, points.length / sizes[group].aff, p + points.length);
    const out = new Uint8Array(memory.buffer, p + points.length, points.length).slice();
    setFree(mark);
    return out;
  }

  parentPort!.on('message', (req: WorkerRequest) => {
    try {
      if (req.op === 'mul') {
        const r = mul(req.group, req.scalars, req.compressed);
        const transfer = r.other ? [r.lem.buffer, r.other.buffer] : [r.lem.buffer];
        parentPort!.postMessage({ id: req.id, lem: r.lem, other: r.other }, transfer as ArrayBuffer[]);
      } else {
        const other = toUncompressed(req.group, req.points);
        parentPort!.postMessage({ id: req.id, other }, [other.buffer as ArrayBuffer]);
      }
    } catch (e) {
      parentPort!.postMessage({ id: req.id, error: String((e as Error)?.stack ?? e) });
    }
  });
}
