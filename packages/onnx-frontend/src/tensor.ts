import { DType, ErrorSite, Tensor, TensorData, makeTensor, numel, raise, typedArrayFor } from '@onnx-zk/tensor-ir';
import { dtypeOfOnnx } from './dtype';
import { FeErrors } from './errors';
import { readExternalData } from './external-data';
import { int64ToBigInt, int64ToNumber } from './int64';
import { DATA_LOCATION_EXTERNAL, TensorProto } from './onnx-proto';

/** Where a tensor's external data lives: the model's folder (undefined when only bytes were given). */
export interface TensorContext {
  baseDir?: string;
  site: ErrorSite;
}

/**
 * Converts an ONNX TensorProto into a tensor-ir Tensor. Data comes from external data, raw_data
 * (little-endian bytes, copied before a typed array is made: protobufjs hands out unaligned views
 * into the file) or the typed field of the dtype (float_data, double_data, int64_data, int32_data
 * for int32/int16/int8/uint16/uint8/bool, uint64_data for uint32/uint64).
 */
export function tensorFromProto(proto: TensorProto, ctx: TensorContext): Tensor {
  const what = `tensor '${proto.name ?? ''}'`;
  const fail = (details: string): never => raise(FeErrors.BAD_TENSOR, ctx.site, `${what}: ${details}`);
  const dtype = dtypeOfOnnx(proto.dataType, ctx.site, what);
  const shape = (proto.dims ?? []).map((d) => int64ToNumber(d, FeErrors.BAD_TENSOR, ctx.site, `${what} dimension`));
  if (shape.some((d) => d < 0)) fail(`negative dimension in [${shape.join(',')}]`);
  if (proto.segment !== undefined) fail('segmented tensors are not supported');
  const n = numel(shape);
  if (proto.dataLocation === DATA_LOCATION_EXTERNAL) {
    return { dtype, shape, data: fromRawBytes(readExternalData(proto, ctx.baseDir, ctx.site), dtype, n, fail) };
  }
  if (proto.rawData !== undefined) return { dtype, shape, data: fromRawBytes(proto.rawData, dtype, n, fail) };
  const values = typedFieldValues(proto, dtype);
  if (values.length !== n) fail(`${n} elements expected for shape [${shape.join(',')}], the data has ${values.length}`);
  return makeTensor(dtype, shape, values as number[] | bigint[]);
}

/** The typed field that ONNX uses for each dtype when raw_data is absent. */
function typedFieldValues(proto: TensorProto, dtype: DType): number[] | bigint[] {
  switch (dtype) {
    case 'float32': return proto.floatData ?? [];
    case 'float64': return proto.doubleData ?? [];
    case 'int64': return (proto.int64Data ?? []).map(int64ToBigInt);
    case 'bool': return (proto.int32Data ?? []).map((v) => (v !== 0 ? 1 : 0));
    case 'uint64': return (proto.uint64Data ?? []).map(int64ToBigInt);
    case 'uint32': return (proto.uint64Data ?? []).map((v) => Number(int64ToBigInt(v)));
    case 'int32':
    case 'int16':
    case 'int8':
    case 'uint16':
    case 'uint8': return proto.int32Data ?? [];
  }
}

/**
 * Float weights go to shared memory, so tensor-ir's MatMul can hand half a product to a helper
 * thread without copying them.
 */
function allocate(dtype: DType, n: number): TensorData {
  if (dtype === 'float32') return new Float32Array(new SharedArrayBuffer(n * 4));
  if (dtype === 'float64') return new Float64Array(new SharedArrayBuffer(n * 8));
  return typedArrayFor(dtype, n);
}

function fromRawBytes(bytes: Uint8Array, dtype: DType, n: number, fail: (d: string) => never): TensorData {
  const out = allocate(dtype, n);
  if (bytes.length !== out.byteLength) fail(`raw data has ${bytes.length} bytes, ${n} ${dtype} elements need ${out.byteLength}`);
  // Copy into the aligned buffer of `out`; ONNX raw data is little-endian, as are Node's targets.
  new Uint8Array(out.buffer, out.byteOffset, out.byteLength).set(bytes);
  if (dtype === 'bool') (out as Uint8Array).forEach((v, i, a) => { a[i] = v !== 0 ? 1 : 0; });
  return out;
}
