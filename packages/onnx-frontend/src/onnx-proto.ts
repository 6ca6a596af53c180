/**
 * The parts of the ONNX protobuf messages the frontend reads, as plain objects produced by
 * protobufjs's toObject with `longs: String` (int64 values are exact decimal strings) and
 * `defaults: false` (a field that is absent from the file is absent from the object).
 */

export type Int64 = string | number;

export interface StringStringEntryProto {
  key?: string;
  value?: string;
}

export interface TensorProto {
  dims?: Int64[];
  dataType?: number;
  floatData?: number[];
  int32Data?: number[];
  stringData?: Uint8Array[];
  int64Data?: Int64[];
  name?: string;
  rawData?: Uint8Array;
  externalData?: StringStringEntryProto[];
  dataLocation?: number;
  doubleData?: number[];
  uint64Data?: Int64[];
  segment?: unknown;
}

export interface AttributeProto {
  name?: string;
  refAttrName?: string;
  type?: number;
  f?: number;
  i?: Int64;
  s?: Uint8Array;
  t?: TensorProto;
  g?: unknown;
  sparseTensor?: unknown;
  tp?: unknown;
  floats?: number[];
  ints?: Int64[];
  strings?: Uint8Array[];
  tensors?: TensorProto[];
  graphs?: unknown[];
  sparseTensors?: unknown[];
  typeProtos?: unknown[];
}

export interface NodeProto {
  input?: string[];
  output?: string[];
  name?: string;
  opType?: string;
  domain?: string;
  attribute?: AttributeProto[];
}

export interface DimensionProto {
  dimValue?: Int64;
  dimParam?: string;
}

export interface TypeProto {
  tensorType?: { elemType?: number; shape?: { dim?: DimensionProto[] } };
  sequenceType?: unknown;
  mapType?: unknown;
  optionalType?: unknown;
  sparseTensorType?: unknown;
}

export interface ValueInfoProto {
  name?: string;
  type?: TypeProto;
}

export interface GraphProto {
  node?: NodeProto[];
  name?: string;
  initializer?: TensorProto[];
  sparseInitializer?: unknown[];
  input?: ValueInfoProto[];
  output?: ValueInfoProto[];
  valueInfo?: ValueInfoProto[];
}

export interface OperatorSetIdProto {
  domain?: string;
  version?: Int64;
}

export interface ModelProto {
  irVersion?: Int64;
  opsetImport?: OperatorSetIdProto[];
  producerName?: string;
  producerVersion?: string;
  graph?: GraphProto;
  metadataProps?: StringStringEntryProto[];
  functions?: unknown[];
}

/** TensorProto.DataType values the frontend names. */
export const OnnxDataType = {
  UNDEFINED: 0, FLOAT: 1, UINT8: 2, INT8: 3, UINT16: 4, INT16: 5, INT32: 6, INT64: 7, STRING: 8, BOOL: 9,
  FLOAT16: 10, DOUBLE: 11, UINT32: 12, UINT64: 13,
} as const;

/** AttributeProto.AttributeType values. */
export const OnnxAttrType = {
  UNDEFINED: 0, FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, GRAPH: 5, FLOATS: 6, INTS: 7, STRINGS: 8, TENSORS: 9,
  GRAPHS: 10, SPARSE_TENSOR: 11, SPARSE_TENSORS: 12, TYPE_PROTO: 13, TYPE_PROTOS: 14,
} as const;

/** TensorProto.DataLocation.EXTERNAL */
export const DATA_LOCATION_EXTERNAL = 1;
