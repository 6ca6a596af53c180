import { Tensor } from '../../model';
import { floatData, floatTensor } from './float';

/** Applies `reduce` to every [n, c] plane of an [N, C, D...] tensor; output [N, C, 1, ...]. */
export function globalPool(x: Tensor, reduce: (plane: Float64Array) => number): Tensor {
  const [n, c] = x.shape;
  const inner = x.shape.slice(2).reduce((p, q) => p * q, 1);
  const xd = floatData(x);
  const y = new Float64Array(n * c);
  for (let p = 0; p < n * c; p++) y[p] = reduce(xd.subarray(p * inner, (p + 1) * inner));
  return floatTensor(x.dtype, x.shape.map((d, i) => (i < 2 ? d : 1)), y);
}

/** Mean and biased variance of each of `groups` consecutive runs of `size` values. */
export function groupStats(xd: Float64Array, groups: number, size: number): { mean: Float64Array; variance: Float64Array } {
  const mean = new Float64Array(groups);
  const variance = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    let s = 0;
    for (let i = 0; i < size; i++) s += xd[g * size + i];
    const m = s / size;
    let v = 0;
    for (let i = 0; i < size; i++) v += (xd[g * size + i] - m) ** 2;
    mean[g] = m;
    variance[g] = v / size;
  }
  return { mean, variance };
}
