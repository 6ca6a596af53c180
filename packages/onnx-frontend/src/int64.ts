import { ErrorDef, ErrorSite, raise } from '@onnx-zk/tensor-ir';
import type { Int64 } from './onnx-proto';

/** An int64 field decoded with `longs: String` (or a small number) as an exact bigint. */
export function int64ToBigInt(v: Int64): bigint {
  return typeof v === 'number' ? BigInt(Math.trunc(v)) : BigInt(v);
}

/** An int64 field as a JS number, raising `def` when it does not fit exactly in a double. */
export function int64ToNumber(v: Int64, def: ErrorDef, site: ErrorSite, what: string): number {
  const b = int64ToBigInt(v);
  if (b > BigInt(Number.MAX_SAFE_INTEGER) || b < BigInt(Number.MIN_SAFE_INTEGER)) {
    raise(def, site, `${what} ${b} does not fit in a safe integer`);
  }
  return Number(b);
}
