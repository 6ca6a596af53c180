import { DType, Tensor } from '../../model';
import { IrErrors, raise } from '../../errors';
import { makeTensor } from '../../tensor';
import { InferContext, InferredType } from '../types';
import { broadcastIndices, broadcastShapes } from './broadcast';
import { inputOfType, sameDType } from './checks';
import { FLOAT_RUN_KERNELS, broadcastBinaryInto, broadcastRunsInto, isNumberData } from './strided';

/** Shape rule of a broadcasting elementwise op: all inputs one dtype, shapes broadcast. */
export function inferBroadcast(ctx: InferContext, allowed: readonly DType[], outDType?: DType): InferredType[] {
  const infos = ctx.node.inputs.map((_, i) => inputOfType(ctx, i, allowed));
  for (const v of infos.slice(1)) sameDType(ctx, infos[0], v);
  const shape = broadcastShapes(...infos.map((v) => v.shape));
  if (!shape) ctx.fail(`shapes ${infos.map((v) => `[${v.shape.join(',')}]`).join(', ')} do not broadcast`);
  return [{ dtype: outDType ?? infos[0].dtype, shape }];
}

/** Shape rule of a unary elementwise op: output has the input's dtype and shape. */
export function inferUnary(ctx: InferContext, allowed: readonly DType[]): InferredType[] {
  const x = inputOfType(ctx, 0, allowed);
  return [{ dtype: x.dtype, shape: [...x.shape] }];
}

export interface BinaryFn {
  float: (a: number, b: number) => number;
  /** Exact int64/uint64 semantics (the result is wrapped to 64 bits); without it, such operands are rejected. */
  int64?: (a: bigint, b: bigint) => bigint;
}

/** Applies a binary op elementwise with broadcasting; float dtypes compute in float64. */
export function evalBroadcastBinary(op: string, a: Tensor, b: Tensor, fn: BinaryFn): Tensor {
  const shape = broadcastShapes(a.shape, b.shape);
  if (!shape) return raise(IrErrors.BAD_OPERANDS, { op }, `shapes [${a.shape}] and [${b.shape}] do not broadcast`);
  const out = makeTensor(a.dtype, shape);
  if (isNumberData(out.data) && isNumberData(a.data) && isNumberData(b.data)) {
    const kernel = FLOAT_RUN_KERNELS[op];
    if (kernel) broadcastRunsInto(out.data, shape, a.data, a.shape, b.data, b.shape, kernel);
    else broadcastBinaryInto(out.data, shape, a.data, a.shape, b.data, b.shape, fn.float);
    return out;
  }
  const ia = broadcastIndices(a.shape, shape);
  const ib = broadcastIndices(b.shape, shape);
  if (out.data instanceof BigInt64Array || out.data instanceof BigUint64Array) {
    if (!fn.int64) return raise(IrErrors.NO_FLOAT_SEMANTICS, { op }, `${a.dtype} operands are not supported`);
    const da = a.data as BigInt64Array | BigUint64Array;
    const db = b.data as BigInt64Array | BigUint64Array;
    const wrap = out.data instanceof BigInt64Array ? BigInt.asIntN : BigInt.asUintN;
    for (let k = 0; k < out.data.length; k++) out.data[k] = wrap(64, fn.int64(da[ia[k]], db[ib[k]]));
  } else {
    const od = out.data as Float32Array;
    for (let k = 0; k < od.length; k++) od[k] = fn.float(Number(a.data[ia[k]]), Number(b.data[ib[k]]));
  }
  return out;
}

/** Applies a unary float op elementwise (float64 arithmetic, stored in the input's dtype). */
export function evalUnary(x: Tensor, fn: (v: number) => number): Tensor {
  const out = makeTensor(x.dtype, x.shape);
  if (out.data instanceof BigInt64Array || out.data instanceof BigUint64Array) {
    const d = x.data as BigInt64Array | BigUint64Array;
    const wrap = out.data instanceof BigInt64Array ? BigInt.asIntN : BigInt.asUintN;
    for (let i = 0; i < d.length; i++) out.data[i] = wrap(64, BigInt(Math.trunc(fn(Number(d[i])))));
  } else if (isNumberData(x.data)) {
    const od = out.data as Float32Array;
    const xd = x.data;
    for (let i = 0; i < od.length; i++) od[i] = fn(xd[i]);
  } else {
    const od = out.data as Float32Array;
    for (let i = 0; i < od.length; i++) od[i] = fn(Number(x.data[i]));
  }
  return out;
}
