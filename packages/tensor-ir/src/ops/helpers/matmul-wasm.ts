/**
 * The float MatMul/Gemm kernel: a WebAssembly SIMD (f64x2) micro-kernel, assembled at load time by
 * wasmKernelBytes from the opcodes written out below (no binary is stored, fetched or downloaded),
 * driven from JS.
 *
 * Exactness: every Y element is still Σ_p A[i, p]·B[p, j] accumulated in float64 in ascending p,
 * with one float64 multiply and one float64 add per term (SIMD lanes are different columns, never
 * different terms), so the result is bit for bit the reference definition, as matmulRows is.
 * The opt-in `float32` job (runFloat's matmulPrecision 'float32', float32 B only) runs kernel32
 * instead: f32x4 products and sums within each depth block of KC, added to the float64 Y per block,
 * twice the speed at float32 accuracy (what onnxruntime computes).
 *
 * Layout per call (one thread, columns j0..j1 of Y), in the module's own memory:
 *   A  packed once as float64 [⌈m/4⌉ groups][k][4 rows] (rows past m are zero), so the kernel
 *      splats the 4 rows' values at depth p from one pointer;
 *   B  one panel of KC depths × NC columns at a time as float64 rows. A float32 B is first copied
 *      as it is into a float32 staging area (typed-array copies at memcpy speed: KC rows of the
 *      column range, or NC stored rows when B is read transposed) and widened by `widen` / `twiden`
 *      (which also transposes, 4×4 blocks at a time); other B is converted in JS;
 *   Y  float64 panels, tile-major [NC/4 tiles][rows][4 columns], that the kernel loads, adds a
 *      depth block to and stores back (a float64 store and reload of a partial sum is exact),
 *      copied out at the end.
 *
 * Every function here is self-contained (no imports, no module state): the helper thread of
 * matmul-pool.ts runs their compiled source, so both threads run one definition.
 */

/** The bits of WebAssembly this file uses (lib ES2022 does not declare it). */
interface WasmMemory { buffer: ArrayBuffer; grow(pages: number): number }
export interface WasmKernel {
  memory: WasmMemory;
  kernel: (aPtr: number, aGroupBytes: number, groups: number, bPtr: number, kc: number, tiles: number, ldbBytes: number, yPtr: number, ldyBytes: number) => void;
  /** `rows` rows of `count` float32 → float64 rows (byte addresses and strides; count rounded up to 4). */
  widen: (src: number, srcStride: number, dst: number, dstStride: number, rows: number, count: number) => void;
  /** B's columns stored as `width` float32 rows of kc → float64 dst[q·ldb + j] (bytes). */
  twiden: (src: number, srcStride: number, dst: number, ldbBytes: number, width: number, kc: number) => void;
  /** kernel with float32 A, B and depth-block sums (8-column tiles; Y stays float64). */
  kernel32: (aPtr: number, aGroupBytes: number, groups: number, bPtr: number, kc: number, tiles: number, ldbBytes: number, yPtr: number, ldyBytes: number) => void;
  /** twiden's float32 → float32 transposition. */
  tcopy: (src: number, srcStride: number, dst: number, ldbBytes: number, width: number, kc: number) => void;
  /** widen's float32 → float32 copy. */
  copy2d: (src: number, srcStride: number, dst: number, dstStride: number, rows: number, count: number) => void;
}

/** One column range of one product: Y[offY + i·n + j] = Σ_p A(i, p)·B(p, j) for j0 ≤ j < j1. */
export interface WasmMatMulJob {
  a: ArrayLike<number>;
  offA: number;
  /** A(i, p) = a[offA + i·sAi + p·sAp]. */
  sAi: number;
  sAp: number;
  b: Float32Array | Float64Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array;
  offB: number;
  /** B(p, j) = b[offB + p·sBp + j·sBj]. */
  sBp: number;
  sBj: number;
  out: Float64Array;
  offY: number;
  /**
   * Sum each depth block of 256 in float32 (products rounded to float32 too) before adding it to
   * the float64 total: twice the kernel's speed, at float32 accuracy (onnxruntime's). Only for a
   * float32 B; otherwise the float64 sums are kept.
   */
  float32?: boolean;
  m: number;
  k: number;
  n: number;
  j0: number;
  j1: number;
}

/** The module's bytes: one exported function `kernel` and an exported, growable memory. */
export function wasmKernelBytes(): Uint8Array {
  const uleb = (v: number): number[] => {
    const out: number[] = [];
    do {
      let byte = v & 0x7f;
      v >>>= 7;
      if (v !== 0) byte |= 0x80;
      out.push(byte);
    } while (v !== 0);
    return out;
  };
  const sleb = (v: number): number[] => {
    const out: number[] = [];
    for (;;) {
      const byte = v & 0x7f;
      v >>= 7;
      if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) { out.push(byte); return out; }
      out.push(byte | 0x80);
    }
  };
  const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
  const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
  const str = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));
  // Opcodes.
  const get = (i: number) => [0x20, ...uleb(i)];
  const set = (i: number) => [0x21, ...uleb(i)];
  const tee = (i: number) => [0x22, ...uleb(i)];
  const i32c = (v: number) => [0x41, ...sleb(v)];
  const [add, sub, mul, and, shl, geU, leS] = [[0x6a], [0x6b], [0x6c], [0x71], [0x74], [0x4f], [0x4c]];
  const [f32load, promote] = [[0x2a, 2, 0], [0xbb]]; // f32.load, f64.promote_f32
  const f64store = (offset: number) => [0x39, 3, ...uleb(offset)];
  const [block, loop, end] = [[0x02, 0x40], [0x03, 0x40], [0x0b]];
  const br = (d: number) => [0x0c, ...uleb(d)];
  const brIf = (d: number) => [0x0d, ...uleb(d)];
  const simd = (op: number, ...imm: number[]) => [0xfd, ...uleb(op), ...imm];
  const load = (offset: number) => simd(0x00, 3, ...uleb(offset)); // v128.load
  const store = (offset: number) => simd(0x0b, 3, ...uleb(offset)); // v128.store
  const splat64 = (offset: number) => simd(0x0a, 3, ...uleb(offset)); // v128.load64_splat
  const promoteLow = simd(0x5f); // f64x2.promote_low_f32x4
  const highToLow = simd(0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7); // i8x16.shuffle
  const fadd = simd(0xf0); // f64x2.add
  const fmul = simd(0xf2); // f64x2.mul

  // kernel(aPtr, aGS, groups, bPtr, kc, tiles, ldb, yPtr, ldy): for every tile t of 4 columns and
  // group g of R rows, Y[g, t] += Σ_{p < kc} A[g][p][r] · B[p][4t .. 4t+3], p ascending, the sums
  // held in registers (R×2 f64x2 accumulators) between one load and one store of the Y tile.
  // Parameters 0..8, then i32 locals 9..14 and v128 locals: R×2 accumulators, b0, b1, av.
  const R = 4;
  const [aPtr, aGS, groups, bPtr, kc, tiles, ldb, yPtr, ldy] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [t, g, p, pa, pb, py] = [9, 10, 11, 12, 13, 14];
  const c = Array.from({ length: R }, (_, r) => [15 + 2 * r, 16 + 2 * r]);
  const [b0, b1, av] = [15 + 2 * R, 16 + 2 * R, 17 + 2 * R];
  const rows = Array.from({ length: R }, (_, r) => r);

  const body: number[] = [
    ...block, ...loop, // for t in 0..tiles (4 columns each)
    ...get(t), ...get(tiles), ...geU, ...brIf(1),
    ...i32c(0), ...set(g),
    ...block, ...loop, // for g in 0..groups (R rows each)
    ...get(g), ...get(groups), ...geU, ...brIf(1),
    // Y is tile-major: py = yPtr + t·ldy + g·R·32, row r of the tile at py + 32·r.
    ...get(yPtr), ...get(t), ...get(ldy), ...mul, ...add, ...get(g), ...i32c(R * 32), ...mul, ...add, ...set(py),
    ...rows.flatMap((r) => [...get(py), ...load(32 * r), ...set(c[r][0]), ...get(py), ...load(32 * r + 16), ...set(c[r][1])]),
    ...get(aPtr), ...get(g), ...get(aGS), ...mul, ...add, ...set(pa),
    ...get(bPtr), ...get(t), ...i32c(5), ...shl, ...add, ...set(pb),
    ...get(kc), ...set(p),
    ...loop, // for each depth p of the block (kc ≥ 1)
    ...get(pb), ...load(0), ...set(b0),
    ...get(pb), ...load(16), ...set(b1),
    ...rows.flatMap((r) => [
      ...get(pa), ...splat64(8 * r), ...set(av),
      ...get(c[r][0]), ...get(av), ...get(b0), ...fmul, ...fadd, ...set(c[r][0]),
      ...get(c[r][1]), ...get(av), ...get(b1), ...fmul, ...fadd, ...set(c[r][1]),
    ]),
    ...get(pa), ...i32c(8 * R), ...add, ...set(pa),
    ...get(pb), ...get(ldb), ...add, ...set(pb),
    ...get(p), ...i32c(1), ...sub, ...tee(p), ...brIf(0),
    ...end,
    ...rows.flatMap((r) => [...get(py), ...get(c[r][0]), ...store(32 * r), ...get(py), ...get(c[r][1]), ...store(32 * r + 16)]),
    ...get(g), ...i32c(1), ...add, ...set(g), ...br(0),
    ...end, ...end,
    ...get(t), ...i32c(1), ...add, ...set(t), ...br(0),
    ...end, ...end,
    ...end,
  ];
  const I32 = 0x7f;
  const V128 = 0x7b;
  const kernel = [...vec([[...uleb(6), I32], [...uleb(2 * R + 3), V128]]), ...body];

  // widen(src, srcStride, dst, dstStride, rows, count): `rows` rows of `count` float32 (rounded up
  // to a multiple of 4) at src → float64 rows at dst; strides in bytes.
  const [wsrc, wss, wdst, wds, wrows, wcount, ws, wd, wi, v] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  // copy2d: the same walk without widening (float32 rows into a compact float32 panel).
  const rowWalk = (widening: boolean) => [
    ...vec([[...uleb(3), I32], [...uleb(1), V128]]),
    ...block, ...loop, // for each row
    ...get(wrows), ...i32c(0), ...leS, ...brIf(1),
    ...get(wsrc), ...set(ws), ...get(wdst), ...set(wd), ...i32c(0), ...set(wi),
    ...block, ...loop, // 4 elements at a time
    ...get(wi), ...get(wcount), ...geU, ...brIf(1),
    ...get(ws), ...load(0), ...set(v),
    ...(widening ? [
      ...get(wd), ...get(v), ...promoteLow, ...store(0),
      ...get(wd), ...get(v), ...get(v), ...highToLow, ...promoteLow, ...store(16),
    ] : [...get(wd), ...get(v), ...store(0)]),
    ...get(ws), ...i32c(16), ...add, ...set(ws),
    ...get(wd), ...i32c(widening ? 32 : 16), ...add, ...set(wd),
    ...get(wi), ...i32c(4), ...add, ...set(wi),
    ...br(0),
    ...end, ...end,
    ...get(wsrc), ...get(wss), ...add, ...set(wsrc),
    ...get(wdst), ...get(wds), ...add, ...set(wdst),
    ...get(wrows), ...i32c(1), ...sub, ...set(wrows),
    ...br(0),
    ...end, ...end,
    ...end,
  ];
  const widen = rowWalk(true);
  const copy2d = rowWalk(false);

  // twiden(src, srcStride, dst, ldb, width, kc): B's columns stored as rows (float32 rows of kc,
  // srcStride bytes apart) → dst[q·ldb + 8·j] = float64(src row j, element q) for j < width rounded
  // up to 4 (the extra rows are stale and land in pad columns). 4×4 blocks are transposed in
  // registers; a depth remainder goes element by element.
  const [tsrc, tss, tdst, tldb, twidth, tkc] = [0, 1, 2, 3, 4, 5];
  const [j, q, d, s0, s1, s2, s3, kc4] = [6, 7, 8, 9, 10, 11, 12, 13];
  const [r0, r1, r2, r3, lo01, hi01, lo23, hi23] = [14, 15, 16, 17, 18, 19, 20, 21];
  const sRows = [s0, s1, s2, s3];
  const lanes = (x: number, y: number) => [0, 1, 2, 3].map((i) => 4 * x + i).concat([0, 1, 2, 3].map((i) => 16 + 4 * x + i), [0, 1, 2, 3].map((i) => 4 * y + i), [0, 1, 2, 3].map((i) => 16 + 4 * y + i));
  const zip = (a0: number, a1: number, x: number, y: number) => [...get(a0), ...get(a1), ...simd(0x0d, ...lanes(x, y))];
  // Stores the float64 pair (low two lanes after `high` moves them down) at d + off.
  const put = (v128Local: number, high: boolean, off: number) => [
    ...get(d), ...get(v128Local), ...(high ? [...get(v128Local), ...highToLow] : []), ...promoteLow, ...store(off),
  ];
  const twiden = [
    ...vec([[...uleb(8), I32], [...uleb(8), V128]]),
    ...get(tkc), ...i32c(-4), ...and, ...set(kc4),
    ...block, ...loop, // for j in steps of 4
    ...get(j), ...get(twidth), ...geU, ...brIf(1),
    ...get(tsrc), ...get(j), ...get(tss), ...mul, ...add, ...tee(s0),
    ...get(tss), ...add, ...tee(s1), ...get(tss), ...add, ...tee(s2), ...get(tss), ...add, ...set(s3),
    ...get(tdst), ...get(j), ...i32c(3), ...shl, ...add, ...set(d),
    ...i32c(0), ...set(q),
    ...block, ...loop, // 4 depths at a time
    ...get(q), ...get(kc4), ...geU, ...brIf(1),
    ...sRows.flatMap((sr, r) => [...get(sr), ...load(0), ...set([r0, r1, r2, r3][r])]),
    ...zip(r0, r1, 0, 1), ...set(lo01), ...zip(r0, r1, 2, 3), ...set(hi01),
    ...zip(r2, r3, 0, 1), ...set(lo23), ...zip(r2, r3, 2, 3), ...set(hi23),
    // depth q: (r0[0], r1[0]) (r2[0], r3[0]); q+1: the high halves; q+2, q+3 from hi01/hi23.
    ...put(lo01, false, 0), ...put(lo23, false, 16),
    ...get(d), ...get(tldb), ...add, ...set(d),
    ...put(lo01, true, 0), ...put(lo23, true, 16),
    ...get(d), ...get(tldb), ...add, ...set(d),
    ...put(hi01, false, 0), ...put(hi23, false, 16),
    ...get(d), ...get(tldb), ...add, ...set(d),
    ...put(hi01, true, 0), ...put(hi23, true, 16),
    ...get(d), ...get(tldb), ...add, ...set(d),
    ...sRows.flatMap((sr) => [...get(sr), ...i32c(16), ...add, ...set(sr)]),
    ...get(q), ...i32c(4), ...add, ...set(q),
    ...br(0),
    ...end, ...end,
    ...block, ...loop, // the depths left over, one at a time
    ...get(q), ...get(tkc), ...geU, ...brIf(1),
    ...sRows.flatMap((sr, r) => [...get(d), ...get(sr), ...f32load, ...promote, ...f64store(8 * r), ...get(sr), ...i32c(4), ...add, ...set(sr)]),
    ...get(d), ...get(tldb), ...add, ...set(d),
    ...get(q), ...i32c(1), ...add, ...set(q),
    ...br(0),
    ...end, ...end,
    ...get(j), ...i32c(4), ...add, ...set(j),
    ...br(0),
    ...end, ...end,
    ...end,
  ];
  // kernel32: kernel's float32 variant (the `float32` precision of runFloat): tiles of 8 columns,
  // R32 rows; A packed float32 [group][p][R], B float32 rows; a depth block is summed in float32
  // (f32x4) and added to the float64 Y tile [tile][row][8] at the end of the block.
  const f32add = simd(0xe4);
  const f32mul = simd(0xe6);
  const splat32 = (offset: number) => simd(0x09, 2, ...uleb(offset)); // v128.load32_splat
  const zero = simd(0x0c, ...new Array(16).fill(0)); // v128.const 0
  const R32 = 4;
  const rows32 = Array.from({ length: R32 }, (_, r) => r);
  const c32 = Array.from({ length: R32 }, (_, r) => [15 + 2 * r, 16 + 2 * r]);
  const [b032, b132, av32] = [15 + 2 * R32, 16 + 2 * R32, 17 + 2 * R32];
  const body32: number[] = [
    ...block, ...loop, // for t in 0..tiles (8 columns each)
    ...get(t), ...get(tiles), ...geU, ...brIf(1),
    ...i32c(0), ...set(g),
    ...block, ...loop, // for g in 0..groups (R rows each)
    ...get(g), ...get(groups), ...geU, ...brIf(1),
    ...get(yPtr), ...get(t), ...get(ldy), ...mul, ...add, ...get(g), ...i32c(R32 * 64), ...mul, ...add, ...set(py),
    ...rows32.flatMap((r) => [...zero, ...set(c32[r][0]), ...zero, ...set(c32[r][1])]),
    ...get(aPtr), ...get(g), ...get(aGS), ...mul, ...add, ...set(pa),
    ...get(bPtr), ...get(t), ...i32c(5), ...shl, ...add, ...set(pb),
    ...get(kc), ...set(p),
    ...loop,
    ...get(pb), ...load(0), ...set(b032),
    ...get(pb), ...load(16), ...set(b132),
    ...rows32.flatMap((r) => [
      ...get(pa), ...splat32(4 * r), ...set(av32),
      ...get(c32[r][0]), ...get(av32), ...get(b032), ...f32mul, ...f32add, ...set(c32[r][0]),
      ...get(c32[r][1]), ...get(av32), ...get(b132), ...f32mul, ...f32add, ...set(c32[r][1]),
    ]),
    ...get(pa), ...i32c(4 * R32), ...add, ...set(pa),
    ...get(pb), ...get(ldb), ...add, ...set(pb),
    ...get(p), ...i32c(1), ...sub, ...tee(p), ...brIf(0),
    ...end,
    // Y[r][8 columns] (float64) += the block's float32 sums, widened.
    ...rows32.flatMap((r) => [0, 1].flatMap((h) => [
      ...get(py), ...get(py), ...load(64 * r + 32 * h), ...get(c32[r][h]), ...promoteLow, ...fadd, ...store(64 * r + 32 * h),
      ...get(py), ...get(py), ...load(64 * r + 32 * h + 16), ...get(c32[r][h]), ...get(c32[r][h]), ...highToLow, ...promoteLow, ...fadd, ...store(64 * r + 32 * h + 16),
    ])),
    ...get(g), ...i32c(1), ...add, ...set(g), ...br(0),
    ...end, ...end,
    ...get(t), ...i32c(1), ...add, ...set(t), ...br(0),
    ...end, ...end,
    ...end,
  ];
  const kernel32 = [...vec([[...uleb(6), I32], [...uleb(2 * R32 + 3), V128]]), ...body32];

  // tcopy(src, srcStride, dst, ldb, width, kc): twiden without widening, for kernel32's float32 B:
  // dst[q·ldb + 4·j] = src row j, element q (4×4 blocks transposed in registers).
  const quad = (x: number, y: number) => [...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => 8 * x + i), ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => 16 + 8 * y + i)];
  const tcopy = [
    ...vec([[...uleb(8), I32], [...uleb(8), V128]]),
    ...get(tkc), ...i32c(-4), ...and, ...set(kc4),
    ...block, ...loop,
    ...get(j), ...get(twidth), ...geU, ...brIf(1),
    ...get(tsrc), ...get(j), ...get(tss), ...mul, ...add, ...tee(s0),
    ...get(tss), ...add, ...tee(s1), ...get(tss), ...add, ...tee(s2), ...get(tss), ...add, ...set(s3),
    ...get(tdst), ...get(j), ...i32c(2), ...shl, ...add, ...set(d),
    ...i32c(0), ...set(q),
    ...block, ...loop,
    ...get(q), ...get(kc4), ...geU, ...brIf(1),
    ...sRows.flatMap((sr, r) => [...get(sr), ...load(0), ...set([r0, r1, r2, r3][r])]),
    ...zip(r0, r1, 0, 1), ...set(lo01), ...zip(r0, r1, 2, 3), ...set(hi01),
    ...zip(r2, r3, 0, 1), ...set(lo23), ...zip(r2, r3, 2, 3), ...set(hi23),
    ...[[lo01, lo23, 0, 0], [lo01, lo23, 1, 1], [hi01, hi23, 0, 0], [hi01, hi23, 1, 1]].flatMap(([x, y, hx, hy]) => [
      ...get(d), ...get(x), ...get(y), ...simd(0x0d, ...quad(hx, hy)), ...store(0),
      ...get(d), ...get(tldb), ...add, ...set(d),
    ]),
    ...sRows.flatMap((sr) => [...get(sr), ...i32c(16), ...add, ...set(sr)]),
    ...get(q), ...i32c(4), ...add, ...set(q),
    ...br(0),
    ...end, ...end,
    ...block, ...loop,
    ...get(q), ...get(tkc), ...geU, ...brIf(1),
    ...sRows.flatMap((sr, r) => [...get(d), ...get(sr), ...f32load, ...[0x38, 2, ...uleb(4 * r)], ...get(sr), ...i32c(4), ...add, ...set(sr)]),
    ...get(d), ...get(tldb), ...add, ...set(d),
    ...get(q), ...i32c(1), ...add, ...set(q),
    ...br(0),
    ...end, ...end,
    ...get(j), ...i32c(4), ...add, ...set(j),
    ...br(0),
    ...end, ...end,
    ...end,
  ];

  const type = (params: number) => [0x60, ...vec(Array.from({ length: params }, () => [I32])), ...vec([])];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([type(9), type(6)])),
    ...section(3, vec([[0], [1], [1], [0], [1], [1]])),
    ...section(5, vec([[0x00, 1]])),
    ...section(7, vec([[...str('kernel'), 0x00, 0], [...str('widen'), 0x00, 1], [...str('twiden'), 0x00, 2], [...str('kernel32'), 0x00, 3], [...str('tcopy'), 0x00, 4], [...str('copy2d'), 0x00, 5], [...str('memory'), 0x02, 0]])),
    ...section(10, vec([kernel, widen, twiden, kernel32, tcopy, copy2d].map((f) => [...uleb(f.length), ...f]))),
  ]);
}

/** Compiles and instantiates the kernel (undefined where WebAssembly SIMD is unavailable). */
export function instantiateWasmKernel(bytes: Uint8Array): WasmKernel | undefined {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const W = (globalThis as any).WebAssembly;
  if (!W || !W.validate(bytes)) return undefined;
  const inst = new W.Instance(new W.Module(bytes), {});
  const x = inst.exports;
  return { memory: x.memory, kernel: x.kernel, widen: x.widen, twiden: x.twiden, kernel32: x.kernel32, tcopy: x.tcopy, copy2d: x.copy2d };
}

/**
 * Runs one job on a kernel instance: columns j0..j1 of Y, every row, the whole depth. With `claim`
 * (a shared counter), the columns are taken `chunk` at a time until none are left, so that two
 * threads running the same job share its columns by how fast each of them gets through.
 */
export function wasmMatMulCols(w: WasmKernel, job: WasmMatMulJob, claim?: Int32Array, chunk = 0): void {
  const KC = 256;
  const NC = 128;
  const { a, offA, sAi, sAp, b, offB, sBp, sBj, out, offY, m, k, n, j0, j1 } = job;
  if (m === 0 || j1 <= j0) return;
  if (k === 0) {
    for (let i = 0; i < m; i++) out.fill(0, offY + i * n + j0, offY + i * n + j1);
    return;
  }
  // Float32 B is copied into the kernel's memory as it is (typed-array copies, memcpy speed) and
  // widened there: by depth blocks of its rows when they are contiguous, or panel by panel of its
  // stored rows when it is read transposed. Other B is converted in JS.
  const b32 = b instanceof Float32Array;
  const rowsMode = b32 && sBj === 1;
  const colsMode = b32 && !rowsMode && sBp === 1;
  // float32 depth-block sums (kernel32): B stays float32, tiles are 8 columns by 5 rows.
  const single = job.float32 === true && (rowsMode || colsMode);
  const TW = single ? 8 : 4;
  const R = single ? 4 : 4; // rows per kernel tile, as in wasmKernelBytes (R32 and R)
  const groups = Math.ceil(m / R);
  const rowsP = groups * R;
  const most = claim ? Math.min(chunk, j1 - j0) : j1 - j0; // columns per chunk, at most
  // Memory, in float64 elements: A | Y (a chunk's panels, each [tile][row][4 columns]) | B panel | float32 stage.
  const aBase = 0;
  const yBase = rowsP * k;
  const bBase = yBase + rowsP * Math.ceil(most / NC) * NC;
  const stage32 = (bBase + KC * NC) * 2;
  const stageLen = rowsMode ? KC * most : colsMode ? NC * k : 0;
  const bytes = (stage32 + stageLen + 8) * 4;
  const have = w.memory.buffer.byteLength;
  if (bytes > have) w.memory.grow(Math.ceil((bytes - have) / 65536));
  const f64 = new Float64Array(w.memory.buffer);
  const f32 = new Float32Array(w.memory.buffer);
  // A → [group][p][R rows], float64 (float32 for kernel32); rows past m are zero.
  const av = single ? f32 : f64;
  for (let i = 0; i < rowsP; i++) {
    const dst = aBase + Math.floor(i / R) * R * k + (i % R);
    if (i >= m) {
      for (let q = 0; q < k; q++) av[dst + R * q] = 0;
      continue;
    }
    const src = offA + i * sAi;
    for (let q = 0; q < k; q++) av[dst + R * q] = a[src + q * sAp];
  }
  // The pad columns of a panel past `width` hold stale values; they only reach Y's pad columns.
  // `bAt` is B's byte address and `ldb` its row stride in bytes (the float64 panel by default).
  const run = (p0: number, kc: number, pi: number, tiles: number, bAt = bBase * 8, ldb = tiles * 32) => {
    const y = (yBase + pi * rowsP * NC) * 8;
    if (single) w.kernel32((aBase + p0 * R) * 4, k * R * 4, groups, bAt, kc, tiles, ldb, y, rowsP * 64);
    else w.kernel((aBase + p0 * R) * 8, k * R * 8, groups, bAt, kc, tiles, ldb, y, rowsP * 32);
  };
  // Columns c0..c1 of Y, every row, the whole depth.
  const columns = (c0: number, c1: number) => {
    const cols = c1 - c0;
    const panels = Math.ceil(cols / NC);
    f64.fill(0, yBase, yBase + rowsP * panels * NC);
    if (rowsMode) {
      for (let p0 = 0; p0 < k; p0 += KC) {
        const kc = Math.min(KC, k - p0);
        for (let q = 0; q < kc; q++) {
          const src = offB + (p0 + q) * sBp + c0;
          f32.set(b.subarray(src, src + cols), stage32 + q * cols);
        }
        for (let pi = 0; pi < panels; pi++) {
          const width = Math.min(NC, cols - pi * NC);
          const tiles = Math.ceil(width / TW);
          if (single) {
            // A compact float32 panel (the staged rows are far apart: cache sets would collide).
            w.copy2d((stage32 + pi * NC) * 4, cols * 4, bBase * 8, tiles * 32, kc, width);
            run(p0, kc, pi, tiles, bBase * 8, tiles * 32);
          } else {
            w.widen((stage32 + pi * NC) * 4, cols * 4, bBase * 8, tiles * 32, kc, width);
            run(p0, kc, pi, tiles);
          }
        }
      }
    } else {
      for (let pi = 0; pi < panels; pi++) {
        const jb = c0 + pi * NC;
        const width = Math.min(NC, cols - pi * NC);
        const tiles = Math.ceil(width / TW);
        const ldb = tiles * TW;
        if (colsMode) {
          // B's columns jb..jb+width are stored rows: one copy when they are adjacent.
          if (sBj === k) f32.set(b.subarray(offB + jb * k, offB + (jb + width) * k), stage32);
          else for (let j = 0; j < width; j++) f32.set(b.subarray(offB + (jb + j) * sBj, offB + (jb + j) * sBj + k), stage32 + j * k);
        }
        for (let p0 = 0; p0 < k; p0 += KC) {
          const kc = Math.min(KC, k - p0);
          if (single) {
            w.tcopy((stage32 + p0) * 4, k * 4, bBase * 8, ldb * 4, width, kc);
            run(p0, kc, pi, tiles, bBase * 8, ldb * 4);
            continue;
          }
          if (colsMode) w.twiden((stage32 + p0) * 4, k * 4, bBase * 8, ldb * 8, width, kc);
          else if (sBj === 1) {
            for (let q = 0; q < kc; q++) {
              const src = offB + (p0 + q) * sBp + jb;
              f64.set(b.subarray(src, src + width), bBase + q * ldb);
            }
          } else {
            for (let q = 0; q < kc; q++) {
              const src = offB + (p0 + q) * sBp + jb * sBj;
              for (let j = 0; j < width; j++) f64[bBase + q * ldb + j] = b[src + j * sBj];
            }
          }
          run(p0, kc, pi, tiles);
        }
      }
    }
    for (let pi = 0; pi < panels; pi++) {
      const jb = c0 + pi * NC;
      const width = Math.min(NC, cols - pi * NC);
      const y = yBase + pi * rowsP * NC;
      for (let i = 0; i < m; i++) {
        const o = offY + i * n + jb;
        if (single) for (let j = 0; j < width; j++) out[o + j] = f64[y + ((j >> 3) * rowsP + i) * 8 + (j & 7)];
        else for (let j = 0; j < width; j++) out[o + j] = f64[y + ((j >> 2) * rowsP + i) * 4 + (j & 3)];
      }
    }
  };
  if (!claim) {
    columns(j0, j1);
    return;
  }
  // Shared work: chunks of `chunk` columns, claimed one at a time from a counter both threads read.
  for (;;) {
    const c0 = j0 + Atomics.add(claim, 0, 1) * chunk;
    if (c0 >= j1) return;
    columns(c0, Math.min(j1, c0 + chunk));
  }
}

/** The functions' compiled source, for the helper thread. */
export const WASM_MATMUL_SOURCE = [String(wasmKernelBytes), String(instantiateWasmKernel), String(wasmMatMulCols)].join('\n');
