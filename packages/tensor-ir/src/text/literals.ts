import { DType, FixedInfo, Tensor, TensorData, ValueInfo, numel } from '../model';
import { isDType, isFloatDType, shapeToString, typedArrayFor } from '../tensor';
import { rawBytes } from '../format/encode';
import { Cursor } from './cursor';
import { formatFloat32, formatFloat64, isIntegerToken, parseFloatToken } from './numbers';

/** Tensors with more elements than this (or with a NaN, whose bits decimals lose) print as base64. */
export const INLINE_LIMIT = 16;

export function typeText(dtype: DType, shape: readonly number[]): string {
  return `${dtype}${shapeToString(shape)}`;
}

/** The data of a tensor: `[1, 2.5, -0]` when small, else base64"…" of the raw little-endian bytes. */
export function formatData(t: Tensor): string {
  const values = Array.from(t.data as ArrayLike<number | bigint>);
  const hasNaN = values.some((v) => typeof v === 'number' && Number.isNaN(v));
  if (values.length > INLINE_LIMIT || hasNaN) return `base64"${Buffer.from(rawBytes(t.data)).toString('base64')}"`;
  const fmt = t.dtype === 'float32' ? formatFloat32 : t.dtype === 'float64' ? formatFloat64 : String;
  return `[${values.map((v) => fmt(v as number)).join(', ')}]`;
}

/** Reads `dtype[dims]`. */
export function parseType(c: Cursor): { dtype: DType; shape: number[] } {
  const d = c.take('ident', 'a dtype').text;
  if (!isDType(d)) c.fail(`unknown dtype '${d}'`);
  const shape = c.list('[', ']', () => parseNonNegInt(c));
  return { dtype: d, shape };
}

export function parseNonNegInt(c: Cursor): number {
  const t = c.take('number', 'a dimension');
  const v = Number(t.text);
  if (!isIntegerToken(t.text) || v < 0 || !Number.isSafeInteger(v)) c.fail(`expected a non-negative integer`);
  return v;
}

/** Reads tensor data for a known dtype and shape: a list of numbers or base64"…". */
export function parseData(c: Cursor, dtype: DType, shape: number[]): Tensor {
  const n = numel(shape);
  const data = typedArrayFor(dtype, n);
  if (c.accept('base64')) {
    const bytes = Buffer.from(c.take('string', 'a base64 string').text, 'base64');
    if (bytes.length !== data.byteLength) c.fail(`${typeText(dtype, shape)} needs ${data.byteLength} bytes, base64 holds ${bytes.length}`);
    new Uint8Array(data.buffer).set(bytes);
    return { dtype, shape, data };
  }
  const items = c.list('[', ']', () => c.take('number', 'a number').text);
  if (items.length !== n) c.fail(`${typeText(dtype, shape)} needs ${n} elements, got ${items.length}`);
  items.forEach((s, i) => setFromToken(c, data, dtype, i, s));
  return { dtype, shape, data };
}

function setFromToken(c: Cursor, data: TensorData, dtype: DType, i: number, s: string): void {
  if (isFloatDType(dtype)) { data[i] = parseFloatToken(s); return; }
  if (!isIntegerToken(s)) c.fail(`${dtype} element ${i} is not an integer: ${s}`);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) data[i] = BigInt(s);
  else data[i] = Number(s);
}

/** Reads a full tensor literal: `dtype[dims] data`. */
export function parseTensorLiteral(c: Cursor): Tensor {
  const { dtype, shape } = parseType(c);
  return parseData(c, dtype, shape);
}

/** `{frac = F, lo = …, hi = …}`; bounds print as one integer when all equal, or `value` for a constant's own data. */
export function formatFixed(f: FixedInfo, n: number, constant?: TensorData): string {
  return `{frac = ${f.frac}, lo = ${formatBounds(f.lo, n, constant)}, hi = ${formatBounds(f.hi, n, constant)}}`;
}

function formatBounds(b: BigInt64Array, n: number, constant?: TensorData): string {
  if (constant instanceof BigInt64Array && b.length === constant.length && b.every((v, i) => v === constant[i])) return 'value';
  if (b.length === n && n > 0 && b.every((v) => v === b[0])) return String(b[0]);
  return `[${Array.from(b, String).join(', ')}]`;
}

/** Reads a fixed block; `constant` resolves `value` bounds. */
export function parseFixed(c: Cursor, n: number, constant?: TensorData): FixedInfo {
  c.expect('{');
  c.expect('frac');
  c.expect('=');
  const fracTok = c.take('number', 'an integer frac');
  if (!isIntegerToken(fracTok.text)) c.fail('frac must be an integer');
  c.expect(',');
  const lo = parseBounds(c, 'lo', n, constant);
  c.expect(',');
  const hi = parseBounds(c, 'hi', n, constant);
  c.expect('}');
  return { frac: Number(fracTok.text), lo, hi };
}

function parseBounds(c: Cursor, key: string, n: number, constant?: TensorData): BigInt64Array {
  c.expect(key);
  c.expect('=');
  if (c.accept('value')) {
    if (!(constant instanceof BigInt64Array)) c.fail(`'${key} = value' needs an int64 constant`);
    return constant; // a constant's bounds are its data: one array (never written in place)
  }
  const intToken = () => {
    const t = c.take('number', 'an integer bound');
    if (!isIntegerToken(t.text)) c.fail('bounds must be integers');
    return BigInt(t.text);
  };
  if (c.peek()?.text === '[') return BigInt64Array.from(c.list('[', ']', intToken));
  return new BigInt64Array(n).fill(intToken());
}

/** A value's type as printed after ':' — `dtype[dims]` plus its fixed block, or `?` without ValueInfo. */
export function formatValueType(info: ValueInfo | undefined, constant?: TensorData): string {
  if (!info) return '?';
  const base = typeText(info.dtype, info.shape);
  return info.fixed ? `${base} ${formatFixed(info.fixed, numel(info.shape), constant)}` : base;
}

/** Reads what formatValueType prints; undefined for `?`. */
export function parseValueType(c: Cursor, name: string, constant?: TensorData): ValueInfo | undefined {
  if (c.accept('?')) return undefined;
  const { dtype, shape } = parseType(c);
  const info: ValueInfo = { name, dtype, shape };
  if (c.peek()?.text === '{') info.fixed = parseFixed(c, numel(shape), constant);
  return info;
}
