/**
 * A minimal ONNX graph builder for generated models: nodes named like a PyTorch export
 * (`/h.0/attn/MatMul`), initializers as little-endian raw_data, encoded with the ONNX schema the
 * frontend decodes with (no Python, no second copy of onnx.proto).
 */
import { onnxSchema } from '@onnx-zk/onnx-frontend';

/** TensorProto.DataType codes of the element types the generator writes. */
export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;
export const ONNX_BOOL = 9;

/** AttributeProto.AttributeType codes. */
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_INTS = 7;

export type AttrValue = number | number[] | { float: number };
type TensorArray = Float32Array | BigInt64Array | Uint8Array;

interface Dim { dimValue?: number; dimParam?: string }

/** One graph input or output: element type and dims (numbers, or names of symbolic dims). */
export interface IoSpec {
  name: string;
  elemType: number;
  dims: (number | string)[];
}

function dtypeCode(data: TensorArray, bool: boolean): number {
  if (data instanceof Float32Array) return ONNX_FLOAT;
  if (data instanceof BigInt64Array) return ONNX_INT64;
  return bool ? ONNX_BOOL : 2;
}

function attribute(name: string, v: AttrValue): object {
  if (typeof v === 'number') return Number.isInteger(v) ? { name, type: ATTR_INT, i: v } : { name, type: ATTR_FLOAT, f: v };
  if (Array.isArray(v)) return { name, type: ATTR_INTS, ints: v };
  return { name, type: ATTR_FLOAT, f: v.float };
}

function valueInfo(io: IoSpec): object {
  const dim: Dim[] = io.dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name: io.name, type: { tensorType: { elemType: io.elemType, shape: { dim } } } };
}

export class OnnxGraphBuilder {
  private readonly nodes: object[] = [];
  private readonly initializers: object[] = [];
  private readonly constNames = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  /** Parameters (float elements of initializers), for the ~124M check. */
  parameters = 0;

  /** Adds an initializer; float data counts as parameters. Returns its name. */
  initializer(name: string, dims: number[], data: TensorArray, bool = false): string {
    const rawData = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.initializers.push({ name, dims, dataType: dtypeCode(data, bool), rawData });
    if (data instanceof Float32Array) this.parameters += data.length;
    return name;
  }

  /** A small shared constant (scalars, shape pieces), deduplicated by value like an exporter's. */
  constant(dims: number[], values: number[], int64 = false): string {
    const key = `${int64 ? 'i' : 'f'}[${dims.join(',')}]${values.join(',')}`;
    const known = this.constNames.get(key);
    if (known) return known;
    const name = `onnx::Constant_${this.constNames.size}`;
    const data = int64 ? BigInt64Array.from(values.map(BigInt)) : Float32Array.from(values);
    this.initializers.push({ name, dims, dataType: int64 ? ONNX_INT64 : ONNX_FLOAT, rawData: new Uint8Array(data.buffer) });
    this.constNames.set(key, name);
    return name;
  }

  /** Adds a node named `${scope}/${op}[_k]` (PyTorch's naming); returns its output names. */
  node(scope: string, op: string, inputs: string[], attrs: Record<string, AttrValue> = {}, outputs = 1): string[] {
    const base = `${scope}/${op}`;
    const k = this.counts.get(base) ?? 0;
    this.counts.set(base, k + 1);
    const name = k === 0 ? base : `${base}_${k}`;
    const outs = Array.from({ length: outputs }, (_, i) => `${name}_output_${i}`);
    const attribute_ = Object.entries(attrs).map(([n, v]) => attribute(n, v));
    this.nodes.push({ name, opType: op, input: inputs, output: outs, attribute: attribute_ });
    return outs;
  }

  /** One-output shorthand of node(). */
  op(scope: string, op: string, inputs: string[], attrs: Record<string, AttrValue> = {}): string {
    return this.node(scope, op, inputs, attrs)[0];
  }

  /** Encodes the model: opset `opset` of the default domain, IR version 8. */
  encode(graphName: string, inputs: IoSpec[], outputs: IoSpec[], opset: number): Uint8Array {
    const model = {
      irVersion: 8,
      producerName: 'onnx-zk gen-gpt2',
      producerVersion: '0.1.0',
      opsetImport: [{ domain: '', version: opset }],
      graph: {
        name: graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: inputs.map(valueInfo),
        output: outputs.map(valueInfo),
      },
    };
    return onnxSchema.lookupType('onnx.ModelProto').encode(model).finish();
  }
}
