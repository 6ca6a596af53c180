import { DType, Tensor } from '../../model';
import { makeTensor } from '../../tensor';

/** A tensor's elements as float64, the precision every float reference op computes in. */
export function floatData(t: Tensor): Float64Array {
  const out = new Float64Array(t.data.length);
  // A typed-array copy converts each element exactly as Number() does (bigints need the loop).
  if (!(t.data instanceof BigInt64Array || t.data instanceof BigUint64Array)) out.set(t.data);
  else for (let i = 0; i < out.length; i++) out[i] = Number(t.data[i]);
  return out;
}

/** Stores float64 results in a tensor of `dtype` (float32 rounds once, at the end). */
export function floatTensor(dtype: DType, shape: number[], values: ArrayLike<number>): Tensor {
  const t = makeTensor(dtype, shape);
  if (t.data instanceof BigInt64Array || t.data instanceof BigUint64Array) {
    const wrap = t.data instanceof BigInt64Array ? BigInt.asIntN : BigInt.asUintN;
    for (let i = 0; i < values.length; i++) t.data[i] = wrap(64, BigInt(Math.trunc(values[i])));
  } else if ((t.data instanceof Float32Array || t.data instanceof Float64Array) && (values instanceof Float64Array || values instanceof Float32Array) && values.length === t.data.length) {
    t.data.set(values);
  } else {
    for (let i = 0; i < values.length; i++) t.data[i] = values[i];
  }
  return t;
}
