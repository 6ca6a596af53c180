import { DType } from '../../model';

/** ONNX TensorProto.DataType codes of the dtypes tensor-ir holds (ops with a dtype attribute: EyeLike, ...). */
export const DTYPE_OF_ONNX_CODE: Readonly<Record<number, DType>> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 9: 'bool', 11: 'float64', 12: 'uint32', 13: 'uint64',
};
