import { DType, Tensor } from '../../model';
import { mapTensor } from './pointwise';

const INT64_MIN = -(2n ** 63n);

/**
 * Converts a tensor to `to` with ONNX Cast's rules: float → integer truncates toward zero (NaN
 * and out-of-range int64 become INT64_MIN like x86's conversion, uint64 2^63; narrower integers
 * wrap like C); integer → integer keeps the low bits (two's complement, like C);
 * anything → bool is x ≠ 0 (NaN is true); bool → number is 0 or 1.
 */
export function castTensor(x: Tensor, to: DType): Tensor {
  if (to === 'bool') return mapTensor(x, (v) => v !== 0 && v !== 0n, 'bool');
  if (to === 'int64') return mapTensor(x, (v) => (typeof v === 'bigint' ? v : toInt64(v)), 'int64');
  if (to === 'uint64') return mapTensor(x, (v) => (typeof v === 'bigint' ? v : toUint64(v)), 'uint64');
  if (to === 'float32' || to === 'float64') return mapTensor(x, (v) => Number(v), to);
  // Narrower integers: bigints and whole numbers are stored modulo 2^bits (mapTensor wraps them).
  return mapTensor(x, (v) => (typeof v === 'bigint' ? v : Number.isFinite(v) ? Math.trunc(v) : 0), to);
}

function toInt64(v: number): bigint {
  if (!Number.isFinite(v) || Math.abs(v) >= 2 ** 63) return INT64_MIN;
  return BigInt(Math.trunc(v));
}

/** Like x86-64's float → uint64 conversion: in-range values truncate, NaN and ±∞ give 2^63. */
function toUint64(v: number): bigint {
  if (!Number.isFinite(v) || Math.abs(v) >= 2 ** 64) return 2n ** 63n;
  return BigInt.asUintN(64, BigInt(Math.trunc(v)));
}
