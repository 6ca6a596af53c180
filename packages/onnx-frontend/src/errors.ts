import type { ErrorDef } from '@onnx-zk/tensor-ir';

/** The frontend's user errors (prefix FE). Codes are stable: append new entries, never renumber. */
export const FeErrors = {
  UNREADABLE: { code: 'FE001', message: 'cannot read the file' },
  NOT_ONNX: {
    code: 'FE002',
    message: 'not an ONNX model (truncated or not protobuf)',
    hint: 'check that the file is a complete .onnx export',
  },
  NO_GRAPH: { code: 'FE003', message: 'the ONNX model has no graph' },
  UNSUPPORTED_OPSET: {
    code: 'FE004',
    message: 'unsupported opset',
    hint: 'export the model with default-domain opset 7 to 25 (onnx.version_converter can convert it)',
  },
  UNSUPPORTED_OP: { code: 'FE005', message: 'unsupported op' },
  UNBOUND_DIM: { code: 'FE006', message: 'unbound symbolic dimension', hint: 'bind it with --dim <name>=<value>' },
  MISSING_EXTERNAL_DATA: {
    code: 'FE007',
    message: 'cannot read external tensor data',
    hint: "keep the external data file next to the model, where the tensor's location says",
  },
  UNSUPPORTED_DTYPE: {
    code: 'FE008',
    message: 'unsupported data type',
    hint: 'onnx-zk supports float, double, int64, int32, int16, int8, uint64, uint32, uint16, uint8 and bool tensors',
  },
  BAD_TENSOR: { code: 'FE009', message: 'malformed tensor data' },
  UNSUPPORTED_ATTRIBUTE: { code: 'FE010', message: 'unsupported attribute' },
  BAD_DIM_BINDING: { code: 'FE011', message: 'invalid dimension binding', hint: 'use --dim <name>=<positive integer>' },
  BAD_VALUE_TYPE: { code: 'FE012', message: 'unsupported value type' },
  DANGLING_VALUE: {
    code: 'FE013',
    message: 'value is not produced by an earlier node, a graph input or an initializer',
  },
  OUTPUT_MISMATCH: { code: 'FE014', message: 'declared output type differs from the inferred one' },
  NOT_TENSOR_PROTO: {
    code: 'FE015',
    message: 'not an ONNX TensorProto file (truncated or not protobuf)',
    hint: 'pass input_N.pb files from an ONNX test_data_set folder',
  },
  SPEC_INVALID: {
    code: 'FE016',
    message: 'node breaks an ONNX rule',
    hint: 'fix the export, or pass --lenient to accept it as EZKL does',
  },
} satisfies Record<string, ErrorDef>;
