/**
 * The tensor IR: one graph model shared by the float (.tir), fixed-point (.fxp.tir) and
 * accelerator-selected (.acc.tir) files. The stage says which dialect the nodes use.
 */

/** Element types. `int64` also carries fixed-point integers (see FixedInfo). */
export type DType =
  | 'float32' | 'float64' | 'int64' | 'int32' | 'int16' | 'int8'
  | 'uint64' | 'uint32' | 'uint16' | 'uint8' | 'bool';

export type TensorData =
  | Float32Array | Float64Array | BigInt64Array | Int32Array | Int16Array | Int8Array
  | BigUint64Array | Uint32Array | Uint16Array | Uint8Array;

/** A dense row-major tensor. float32/float64 → Float32Array/Float64Array, int64 → BigInt64Array,
 * int32 → Int32Array, int16 → Int16Array, int8 → Int8Array, uint64 → BigUint64Array,
 * uint32 → Uint32Array, uint16 → Uint16Array, uint8 and bool → Uint8Array. int64 and uint64
 * elements are bigints, every other dtype's are numbers. */
export interface Tensor {
  dtype: DType;
  shape: number[];
  data: TensorData;
}

/**
 * Fixed-point annotation of an int64 value: the real number is value / 2^frac, and every
 * element i provably lies in [lo[i], hi[i]] (sound interval bounds from range analysis).
 */
export interface FixedInfo {
  frac: number;
  lo: BigInt64Array;
  hi: BigInt64Array;
}

export interface ValueInfo {
  name: string;
  dtype: DType;
  shape: number[];
  fixed?: FixedInfo;
}

export type Attr =
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'string'; value: string }
  | { type: 'ints'; value: number[] }
  | { type: 'floats'; value: number[] }
  | { type: 'strings'; value: string[] }
  | { type: 'tensor'; value: Tensor };

export interface Node {
  /** Op name: the ONNX op type in the float dialect, a fixed-point op name in the fixed dialects. */
  op: string;
  /** Unique node name; the ONNX node name when there is one. */
  name: string;
  /** Value names; '' marks an absent optional input. */
  inputs: string[];
  outputs: string[];
  attrs: Record<string, Attr>;
  /** Locations: the ONNX node names this node derives from. Survives every pass down to circuit.sym. */
  loc: string[];
}

/** float: ONNX ops on float tensors; fixed: fixed-point ops (int64 values with FixedInfo);
 * accel: fixed ops each bound to a gadget (attrs gadget, strategy, cost_constraints, cost_wires). */
export type Stage = 'float' | 'fixed' | 'accel';

export interface Graph {
  name: string;
  stage: Stage;
  opset: number;
  /** Graph inputs (not constants), in order. */
  inputs: string[];
  outputs: string[];
  /** Type (and fixed-point info) of every value: inputs, constants, node outputs. */
  values: Map<string, ValueInfo>;
  /** Constant tensors (ONNX initializers, folded constants, quantized weights). */
  constants: Map<string, Tensor>;
  /** Nodes in topological order. */
  nodes: Node[];
  /** Free-form string metadata (e.g. the source model file, fixed-point settings). */
  metadata: Record<string, string>;
}

/** A serialized IR file: the graph plus the stage that produced it. */
export interface TirFile {
  producer: string;
  graph: Graph;
}

export function emptyGraph(name: string, stage: Stage, opset: number): Graph {
  return { name, stage, opset, inputs: [], outputs: [], values: new Map(), constants: new Map(), nodes: [], metadata: {} };
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
