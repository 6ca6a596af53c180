import { Tensor, isFloatDType, sameShape, shapeToString } from '@onnx-zk/tensor-ir';

/** The ONNX backend test runner's tolerances. */
export const RTOL = 1e-3;
export const ATOL = 1e-7;

/**
 * Why `actual` differs from `expected`, or undefined when it matches: same shape; float elements
 * within |a − b| ≤ atol + rtol·|b| (NaN matches NaN, ±∞ only itself); integer and bool exact.
 * Dtypes may differ only in float width (the reference may be float64 where the model is float32).
 */
export function mismatch(actual: Tensor, expected: Tensor, rtol = RTOL, atol = ATOL): string | undefined {
  const floats = isFloatDType(actual.dtype) && isFloatDType(expected.dtype);
  if (!floats && actual.dtype !== expected.dtype) return `dtype ${actual.dtype}, expected ${expected.dtype}`;
  if (!sameShape(actual.shape, expected.shape)) return `shape ${shapeToString(actual.shape)}, expected ${shapeToString(expected.shape)}`;
  let worst: { i: number; err: number } | undefined;
  for (let i = 0; i < expected.data.length; i++) {
    const err = errorAt(actual.data[i], expected.data[i], floats, rtol, atol);
    if (err > 0 && (!worst || err > worst.err)) worst = { i, err };
  }
  if (!worst) return undefined;
  let bad = 0;
  for (let i = 0; i < expected.data.length; i++) {
    if (errorAt(actual.data[i], expected.data[i], floats, rtol, atol) > 0) bad++;
  }
  return `${bad} of ${expected.data.length} elements differ; worst at ${worst.i}: ${actual.data[worst.i]} vs ${expected.data[worst.i]}`;
}

/** elementError of raw elements; int64/uint64 elements (bigints) compare exactly, beyond 2^53 too. */
function errorAt(a: number | bigint, b: number | bigint, floats: boolean, rtol: number, atol: number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b ? 0 : Number(a > b ? a - b : b - a);
  return elementError(Number(a), Number(b), floats, rtol, atol);
}

/** How far beyond tolerance one element is (0 when within). */
function elementError(a: number, b: number, floats: boolean, rtol: number, atol: number): number {
  if (!floats) return a === b ? 0 : Math.abs(a - b) || 1;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b ? 0 : Infinity;
  return Math.max(0, Math.abs(a - b) - (atol + rtol * Math.abs(b)));
}
