import { OpDef } from './types';
import { LaneSplit, laneWiseOp } from './helpers';

/**
 * ONNX Hardmax (opsets 1, 11, 13): 1 at the first maximal element of each lane, 0 elsewhere; lanes
 * as Softmax's (laneWiseOp: along `axis` from opset 13, rows of the input coerced to 2-D before).
 * Ties pick the lowest index; a NaN counts as the maximum (the first NaN wins), as numpy's argmax does.
 */
export const Hardmax: OpDef = laneWiseOp('Hardmax', hardmax);

function hardmax(d: Float64Array, { outer, n, inner }: LaneSplit): Float64Array {
  const out = new Float64Array(d.length);
  if (n === 0) return out;
  for (let i = 0; i < outer; i++) {
    for (let j = 0; j < inner; j++) {
      const base = i * n * inner + j;
      let best = 0;
      for (let k = 1; k < n && !Number.isNaN(d[base + best * inner]); k++) {
        const v = d[base + k * inner];
        if (Number.isNaN(v) || v > d[base + best * inner]) best = k;
      }
      out[base + best * inner] = 1;
    }
  }
  return out;
}
