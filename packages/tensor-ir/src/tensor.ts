import { DType, Tensor, TensorData, numel } from './model';
import { IrErrors, raise } from './errors';

export const DTYPES: readonly DType[] = ['float32', 'float64', 'int64', 'int32', 'int16', 'int8', 'uint64', 'uint32', 'uint16', 'uint8', 'bool'];

export function isDType(s: string): s is DType {
  return (DTYPES as readonly string[]).includes(s);
}

export function isFloatDType(d: DType): boolean {
  return d === 'float32' || d === 'float64';
}

/** int64 and uint64: elements are bigints (BigInt64Array / BigUint64Array). */
export function isBigIntDType(d: DType): boolean {
  return d === 'int64' || d === 'uint64';
}

/** Integer dtypes without a sign (uint8 .. uint64); they wrap modulo 2^bits. */
export function isUnsignedDType(d: DType): boolean {
  return d === 'uint8' || d === 'uint16' || d === 'uint32' || d === 'uint64';
}

/** Bits of an integer dtype (bool counts as 8), 0 for floats. */
export function intDTypeBits(d: DType): number {
  return isFloatDType(d) ? 0 : dtypeSize(d) * 8;
}

/** Bytes per element of a dtype's typed array. */
export function dtypeSize(d: DType): number {
  return typedArrayFor(d, 0).BYTES_PER_ELEMENT;
}

/** A zero-filled typed array of the class that holds `dtype`. */
export function typedArrayFor(dtype: DType, n: number): TensorData {
  switch (dtype) {
    case 'float32': return new Float32Array(n);
    case 'float64': return new Float64Array(n);
    case 'int64': return new BigInt64Array(n);
    case 'int32': return new Int32Array(n);
    case 'int16': return new Int16Array(n);
    case 'int8': return new Int8Array(n);
    case 'uint64': return new BigUint64Array(n);
    case 'uint32': return new Uint32Array(n);
    case 'uint16': return new Uint16Array(n);
    case 'uint8':
    case 'bool': return new Uint8Array(n);
  }
}

/**
 * Builds a tensor, zero-filled when no data is given. A typed array of the dtype's class is used
 * as is; other arrays are converted element by element (bigint ↔ number; integers must be whole).
 */
export function makeTensor(dtype: DType, shape: number[], data?: TensorData | number[] | bigint[]): Tensor {
  if (!shape.every((d) => Number.isInteger(d) && d >= 0)) {
    raise(IrErrors.BAD_TENSOR, {}, `shape [${shape.join(',')}] has a negative or non-integer dimension`);
  }
  const n = numel(shape);
  if (data !== undefined && data.length !== n) {
    raise(IrErrors.BAD_TENSOR, {}, `${dtype}[${shape.join(',')}] needs ${n} elements, got ${data.length}`);
  }
  if (data !== undefined && data.constructor === typedArrayFor(dtype, 0).constructor) return { dtype, shape: [...shape], data: data as TensorData };
  const out = typedArrayFor(dtype, n);
  if (data === undefined) return { dtype, shape: [...shape], data: out };
  for (let i = 0; i < n; i++) setElement(out, dtype, i, data[i] as number | bigint);
  return { dtype, shape: [...shape], data: out };
}

function setElement(out: TensorData, dtype: DType, i: number, v: number | bigint): void {
  if (out instanceof BigInt64Array) {
    if (typeof v === 'number' && !Number.isInteger(v)) {
      raise(IrErrors.BAD_TENSOR, {}, `${dtype} element ${i} is not an integer: ${v}`);
    }
    out[i] = BigInt.asIntN(64, BigInt(v));
  } else if (out instanceof BigUint64Array) {
    if (typeof v === 'number' && !Number.isInteger(v)) {
      raise(IrErrors.BAD_TENSOR, {}, `${dtype} element ${i} is not an integer: ${v}`);
    }
    out[i] = BigInt.asUintN(64, BigInt(v));
  } else if (isFloatDType(dtype)) {
    out[i] = Number(v);
  } else {
    const x = Number(v);
    if (!Number.isInteger(x)) raise(IrErrors.BAD_TENSOR, {}, `${dtype} element ${i} is not an integer: ${x}`);
    out[i] = dtype === 'bool' ? (x !== 0 ? 1 : 0) : x;
  }
}

/** The elements as JS numbers (int64/uint64 beyond 2^53 lose precision). */
export function tensorValues(t: Tensor): number[] {
  return Array.from(t.data as ArrayLike<number | bigint>, (v) => Number(v));
}

/** The elements as bigints; float elements must be whole numbers. */
export function bigintValues(t: Tensor): bigint[] {
  return Array.from(t.data as ArrayLike<number | bigint>, (v, i) => {
    if (typeof v === 'bigint') return v;
    if (!Number.isInteger(v)) raise(IrErrors.BAD_TENSOR, {}, `element ${i} is not an integer: ${v}`);
    return BigInt(v);
  });
}

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) { s[i] = acc; acc *= shape[i]; }
  return s;
}

export function shapeToString(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
