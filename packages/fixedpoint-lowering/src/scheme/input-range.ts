import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';

/**
 * Default fractional bits. f = 16 keeps the rounding error of each rescale at 2^-17 ≈ 8e-6
 * (f = 8 would give 2^-9 ≈ 0.002 per rounding), while every rescale's range check costs about f
 * constraints, so the cost grows only linearly with f.
 */
export const DEFAULT_FRAC_BITS = 16;

export function checkFracBits(fracBits: number): number {
  if (!Number.isInteger(fracBits) || fracBits < 1 || fracBits > 30) raise(Errors.BAD_FRAC_BITS, {}, `got ${fracBits}`);
  return fracBits;
}

/** The declared real input range [lo, hi], from `lo,hi` text or a pair of numbers. */
export function parseInputRange(spec: string | readonly number[]): [number, number] {
  const parts = typeof spec === 'string' ? spec.split(',').map((p) => (p.trim() === '' ? NaN : Number(p))) : [...spec];
  if (parts.length !== 2 || !parts.every(Number.isFinite) || !(parts[0] < parts[1])) {
    raise(Errors.BAD_INPUT_RANGE, {}, `'${String(spec)}'`);
  }
  return [parts[0], parts[1]];
}

/**
 * The symmetric range [-p, p] with p the smallest power of two ≥ max |x| over the calibration
 * data (p = 1 when every value is 0). A power of two leaves headroom for inputs a little larger
 * than the calibration set's without changing the scale.
 */
export function calibrationRange(data: readonly (readonly number[])[]): [number, number] {
  let max = 0;
  for (const row of data) {
    for (const x of row) {
      if (!Number.isFinite(x)) raise(Errors.BAD_INPUT_DATA, {}, `calibration value ${x} is not a finite number`);
      max = Math.max(max, Math.abs(x));
    }
  }
  let p = 1;
  while (p < max) p *= 2;
  while (p / 2 >= max && max > 0) p /= 2;
  return [-p, p];
}
