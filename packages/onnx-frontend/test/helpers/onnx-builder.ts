/**
 * Builds small ONNX models in tests with the same protobufjs schema the frontend decodes with.
 * Field names are protobufjs's camelCase ones; int64 values may be numbers or decimal strings.
 */
import { onnxSchema } from '../../src';

export const T = { FLOAT: 1, UINT8: 2, INT8: 3, UINT16: 4, INT16: 5, INT32: 6, INT64: 7, STRING: 8, BOOL: 9, FLOAT16: 10, DOUBLE: 11, UINT32: 12, UINT64: 13 } as const;

type Int64 = number | string;
/** A dim: a number (dim_value), a string (dim_param) or null (unknown). */
export type DimSpec = number | string | null;

export interface ValueSpec { name: string; elemType?: number; dims?: DimSpec[] }
export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  domain?: string;
  attrs?: object[];
}
export interface ModelSpec {
  opsets?: { domain?: string; version: number }[];
  inputs: ValueSpec[];
  outputs: ValueSpec[];
  initializers?: object[];
  nodes: NodeSpec[];
  valueInfo?: ValueSpec[];
}

export function valueInfo(v: ValueSpec): object {
  const tensorType: Record<string, unknown> = { elemType: v.elemType ?? T.FLOAT };
  if (v.dims) {
    tensorType.shape = {
      dim: v.dims.map((d) => (d === null ? {} : typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
    };
  }
  return { name: v.name, type: { tensorType } };
}

/** A float tensor in float_data (or raw_data when raw). */
export function floatTensor(name: string, dims: number[], values: number[], raw = false): object {
  if (!raw) return { name, dataType: T.FLOAT, dims, floatData: values };
  return { name, dataType: T.FLOAT, dims, rawData: new Uint8Array(new Float32Array(values).buffer) };
}

export function int64Tensor(name: string, dims: number[], values: Int64[]): object {
  return { name, dataType: T.INT64, dims, int64Data: values };
}

export const attr = {
  int: (name: string, i: Int64) => ({ name, type: 2, i }),
  float: (name: string, f: number) => ({ name, type: 1, f }),
  ints: (name: string, ints: Int64[]) => ({ name, type: 7, ints }),
  floats: (name: string, floats: number[]) => ({ name, type: 6, floats }),
  tensor: (name: string, t: object) => ({ name, type: 4, t }),
  string: (name: string, s: string) => ({ name, type: 3, s: new TextEncoder().encode(s) }),
  graph: (name: string) => ({ name, type: 5, g: { name: 'body' } }),
};

export function modelObject(spec: ModelSpec): object {
  return {
    irVersion: 8,
    producerName: 'onnx-builder',
    opsetImport: spec.opsets ?? [{ domain: '', version: 13 }],
    graph: {
      name: 'test_graph',
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
      initializer: spec.initializers ?? [],
      valueInfo: (spec.valueInfo ?? []).map(valueInfo),
      node: spec.nodes.map((n) => ({
        opType: n.op, name: n.name ?? '', input: n.inputs, output: n.outputs, domain: n.domain ?? '', attribute: n.attrs ?? [],
      })),
    },
  };
}

export function encodeModel(obj: object): Uint8Array {
  const Model = onnxSchema.lookupType('onnx.ModelProto');
  return Model.encode(Model.fromObject(obj)).finish();
}

export function buildModel(spec: ModelSpec): Uint8Array {
  return encodeModel(modelObject(spec));
}

export function encodeTensor(obj: object): Uint8Array {
  const Tensor = onnxSchema.lookupType('onnx.TensorProto');
  return Tensor.encode(Tensor.fromObject(obj)).finish();
}

/** x[1,3] → Gemm(W[2,3] transposed, B[2]) → Relu → y[1,2]: the shape of ezkl's 1l_mlp. */
export function mlpSpec(): ModelSpec {
  return {
    inputs: [{ name: 'x', dims: ['batch', 3] }],
    outputs: [{ name: 'y', dims: ['batch', 2] }],
    initializers: [floatTensor('W', [2, 3], [1, 2, 3, -1, -2, -3]), floatTensor('B', [2], [0.5, 0.25])],
    nodes: [
      { op: 'Gemm', name: 'fc', inputs: ['x', 'W', 'B'], outputs: ['h'], attrs: [attr.int('transB', 1)] },
      { op: 'Relu', name: 'act', inputs: ['h'], outputs: ['y'] },
    ],
  };
}
