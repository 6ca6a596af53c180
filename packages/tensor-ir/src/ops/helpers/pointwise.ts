/**
 * Elementwise kernels over any dtype: elements are read raw (bigint for int64, number otherwise),
 * so int64 arithmetic stays exact, and stored in the output dtype (int64/uint64 and the narrower
 * integers wrap modulo 2^bits like C, bool stores truthiness, float32 rounds once).
 */
import { DType, Tensor } from '../../model';
import { IrErrors, raise } from '../../errors';
import { dtypeSize, makeTensor } from '../../tensor';
import { broadcastIndices, broadcastShapes } from './broadcast';

export type Scalar = number | bigint;

export const INT_TYPES: readonly DType[] = ['int64', 'int32', 'int16', 'int8', 'uint64', 'uint32', 'uint16', 'uint8'];
export const BOOL_TYPES: readonly DType[] = ['bool'];

/** Stores one computed element (number, bigint or boolean) into `out` at k. */
function storeAt(out: Tensor, k: number, v: Scalar | boolean): void {
  const d = out.data;
  if (d instanceof BigInt64Array) {
    d[k] = typeof v === 'bigint' ? BigInt.asIntN(64, v) : BigInt(Math.trunc(Number(v)));
  } else if (d instanceof BigUint64Array) {
    d[k] = BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v))));
  } else if (out.dtype === 'bool') {
    d[k] = v ? 1 : 0;
  } else if (typeof v === 'bigint' && out.dtype !== 'float32' && out.dtype !== 'float64') {
    // Wrap exactly before leaving bigints; the typed array then wraps to its own width.
    d[k] = Number(BigInt.asIntN(dtypeSize(out.dtype) * 8, v));
  } else {
    d[k] = Number(v);
  }
}

/** Applies fn elementwise to one tensor, storing in `outDType` (the input's dtype by default). */
export function mapTensor(x: Tensor, fn: (v: Scalar) => Scalar | boolean, outDType: DType = x.dtype): Tensor {
  const out = makeTensor(outDType, x.shape);
  const d = x.data;
  for (let k = 0; k < d.length; k++) storeAt(out, k, fn(d[k]));
  return out;
}

/** Applies fn to two tensors with numpy broadcasting, storing in `outDType` (A's dtype by default). */
export function zipTensors(op: string, a: Tensor, b: Tensor, fn: (x: Scalar, y: Scalar) => Scalar | boolean, outDType: DType = a.dtype): Tensor {
  const shape = broadcastShapes(a.shape, b.shape) ?? raise(IrErrors.BAD_OPERANDS, { op }, `shapes [${a.shape}] and [${b.shape}] do not broadcast`);
  const out = makeTensor(outDType, shape);
  const ia = broadcastIndices(a.shape, shape);
  const ib = broadcastIndices(b.shape, shape);
  const da = a.data;
  const db = b.data;
  for (let k = 0; k < ia.length; k++) storeAt(out, k, fn(da[ia[k]], db[ib[k]]));
  return out;
}

/** Applies fn to the elements of several tensors broadcast together (Where, Sum, Max, ...). */
export function zipMany(op: string, ts: Tensor[], fn: (vs: Scalar[]) => Scalar | boolean, outDType: DType = ts[0].dtype): Tensor {
  const shape = broadcastShapes(...ts.map((t) => t.shape)) ?? raise(IrErrors.BAD_OPERANDS, { op }, `shapes ${ts.map((t) => `[${t.shape}]`).join(', ')} do not broadcast`);
  const out = makeTensor(outDType, shape);
  const idx = ts.map((t) => broadcastIndices(t.shape, shape));
  const vs: Scalar[] = new Array(ts.length);
  const n = out.data.length;
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < ts.length; j++) vs[j] = ts[j].data[idx[j][k]];
    storeAt(out, k, fn(vs));
  }
  return out;
}
