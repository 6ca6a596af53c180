/** Numpy-style (multidirectional) broadcasting, shared by every elementwise op. */

/** The broadcast shape of several shapes, or undefined when they do not broadcast. */
export function broadcastShapes(...shapes: readonly number[][]): number[] | undefined {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    let dim = 1;
    for (const s of shapes) {
      const d = s[s.length - rank + i] ?? 1;
      if (d === dim || d === 1) continue;
      if (dim !== 1) return undefined;
      dim = d;
    }
    out.push(dim);
  }
  return out;
}

/** Unidirectional broadcasting (Gemm's C): `from` can be stretched to `to` without changing `to`. */
export function canBroadcastTo(from: readonly number[], to: readonly number[]): boolean {
  if (from.length > to.length) return false;
  const off = to.length - from.length;
  return from.every((d, i) => d === 1 || d === to[off + i]);
}

/** For each flat index of `outShape`, the flat index of the element of `inShape` broadcast there. */
export function broadcastIndices(inShape: readonly number[], outShape: readonly number[]): Int32Array {
  const n = outShape.reduce((a, b) => a * b, 1);
  const idx = new Int32Array(n);
  const off = outShape.length - inShape.length;
  const inStrides: number[] = new Array(outShape.length).fill(0);
  let acc = 1;
  for (let i = inShape.length - 1; i >= 0; i--) {
    inStrides[off + i] = inShape[i] === 1 ? 0 : acc;
    acc *= inShape[i];
  }
  const counter: number[] = new Array(outShape.length).fill(0);
  let src = 0;
  for (let k = 0; k < n; k++) {
    idx[k] = src;
    for (let d = outShape.length - 1; d >= 0; d--) {
      counter[d]++;
      src += inStrides[d];
      if (counter[d] < outShape[d]) break;
      src -= inStrides[d] * counter[d];
      counter[d] = 0;
    }
  }
  return idx;
}
