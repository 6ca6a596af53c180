import { Tensor } from '../../model';
import { makeTensor } from '../../tensor';

/** How ScatterND / ScatterElements combine an update with the existing element. */
export const SCATTER_REDUCTIONS = ['none', 'add', 'mul', 'max', 'min'];

/** A copy of `data` with each update combined into element targets[i] (updates in order). */
export function scatterInto(data: Tensor, targets: Int32Array, updates: Tensor, reduction: string): Tensor {
  const out = makeTensor(data.dtype, [...data.shape], data.data.slice());
  const dst = out.data as unknown as { [i: number]: number | bigint };
  const src = updates.data as unknown as { [i: number]: number | bigint };
  for (let i = 0; i < targets.length; i++) {
    const a = dst[targets[i]] as number;
    const b = src[i] as number;
    switch (reduction) {
      case 'add': dst[targets[i]] = a + b; break;
      case 'mul': dst[targets[i]] = a * b; break;
      case 'max': dst[targets[i]] = a > b ? a : b; break;
      case 'min': dst[targets[i]] = a < b ? a : b; break;
      default: dst[targets[i]] = b;
    }
  }
  return out;
}
