import { DType, ValueInfo } from '../../model';
import { InferContext } from '../types';

export const FLOAT_TYPES: readonly DType[] = ['float32', 'float64'];
export const NUMERIC_TYPES: readonly DType[] = ['float32', 'float64', 'int64', 'int32', 'int16', 'int8', 'uint64', 'uint32', 'uint16', 'uint8'];
export const ANY_TYPE: readonly DType[] = [...NUMERIC_TYPES, 'bool'];

/** Input i, which must be present and of one of the allowed dtypes. */
export function inputOfType(ctx: InferContext, i: number, allowed: readonly DType[]): ValueInfo {
  const v = ctx.input(i);
  if (!allowed.includes(v.dtype)) {
    ctx.fail(`input ${i} (${v.name}) has dtype ${v.dtype}; expected ${allowed.join(' or ')}`);
  }
  return v;
}

/** Inputs i and j must share a dtype. */
export function sameDType(ctx: InferContext, a: ValueInfo, b: ValueInfo): void {
  if (a.dtype !== b.dtype) ctx.fail(`inputs ${a.name} (${a.dtype}) and ${b.name} (${b.dtype}) must have the same dtype`);
}

/** Input i's rank must be exactly `rank`. */
export function requireRank(ctx: InferContext, v: ValueInfo, rank: number): void {
  if (v.shape.length !== rank) ctx.fail(`${v.name} must have rank ${rank}, got shape [${v.shape.join(',')}]`);
}

/** An ONNX axis in [-rank, rank + extra) made non-negative. */
export function normalizeAxis(ctx: InferContext, axis: number, rank: number, extra = 0): number {
  if (axis < -rank || axis >= rank + extra) ctx.fail(`axis ${axis} is out of range for rank ${rank}`);
  return axis < 0 ? axis + rank : axis;
}
