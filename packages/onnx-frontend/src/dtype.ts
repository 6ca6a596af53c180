import { DType, ErrorSite, raise } from '@onnx-zk/tensor-ir';
import { FeErrors } from './errors';
import { OnnxDataType } from './onnx-proto';

/** ONNX TensorProto.DataType → tensor-ir dtype, for the types tensor-ir holds. */
const DTYPE_OF_ONNX: Record<number, DType> = {
  [OnnxDataType.FLOAT]: 'float32',
  [OnnxDataType.DOUBLE]: 'float64',
  [OnnxDataType.INT64]: 'int64',
  [OnnxDataType.INT32]: 'int32',
  [OnnxDataType.INT16]: 'int16',
  [OnnxDataType.INT8]: 'int8',
  [OnnxDataType.UINT64]: 'uint64',
  [OnnxDataType.UINT32]: 'uint32',
  [OnnxDataType.UINT16]: 'uint16',
  [OnnxDataType.UINT8]: 'uint8',
  [OnnxDataType.BOOL]: 'bool',
};

const ONNX_TYPE_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(OnnxDataType).map(([name, code]) => [code, name]),
);

/** The ONNX name of a data type code, e.g. 10 → FLOAT16. */
export function onnxTypeName(code: number): string {
  return ONNX_TYPE_NAMES[code] ?? `data type ${code}`;
}

/** The tensor-ir dtype of an ONNX data type code, or undefined when tensor-ir has none. */
export function dtypeOfOnnxOrUndefined(code: number | undefined): DType | undefined {
  return DTYPE_OF_ONNX[code ?? OnnxDataType.UNDEFINED];
}

/** The tensor-ir dtype of an ONNX data type code; FE008 naming `what` when unsupported. */
export function dtypeOfOnnx(code: number | undefined, site: ErrorSite, what: string): DType {
  const dtype = dtypeOfOnnxOrUndefined(code);
  if (!dtype) raise(FeErrors.UNSUPPORTED_DTYPE, site, `${what} has type ${onnxTypeName(code ?? 0)}`);
  return dtype;
}
