import { Attr, Graph, Node, emptyGraph, inferShapes, makeTensor, onnxOps } from '@onnx-zk/tensor-ir';

export interface NodeSpec {
  op: string;
  name: string;
  inputs: string[];
  outputs: string[];
  attrs?: Record<string, Attr>;
  /** Output shapes, for ops tensor-ir does not know (otherwise inferred). */
  shapes?: number[][];
}

export interface FloatGraphSpec {
  inputs: Record<string, number[]>;
  /** Input dtypes other than float32 (token ids: int64). */
  inputTypes?: Record<string, 'int64' | 'int32'>;
  constants?: Record<string, { shape: number[]; data: number[]; dtype?: 'float32' | 'int64' | 'bool' }>;
  nodes: NodeSpec[];
  outputs: string[];
}

/** Builds a float-stage graph in code, with node output types inferred by tensor-ir. */
export function floatGraph(spec: FloatGraphSpec): Graph {
  const g = emptyGraph('test', 'float', 13);
  for (const [name, shape] of Object.entries(spec.inputs)) {
    g.inputs.push(name);
    g.values.set(name, { name, dtype: spec.inputTypes?.[name] ?? 'float32', shape });
  }
  for (const [name, c] of Object.entries(spec.constants ?? {})) {
    const dtype = c.dtype ?? 'float32';
    g.constants.set(name, makeTensor(dtype, c.shape, c.data));
    g.values.set(name, { name, dtype, shape: c.shape });
  }
  g.nodes = spec.nodes.map((n): Node => ({ op: n.op, name: n.name, inputs: n.inputs, outputs: n.outputs, attrs: n.attrs ?? {}, loc: [n.name] }));
  g.outputs = spec.outputs;
  if (spec.nodes.every((n) => onnxOps[n.op])) {
    inferShapes(g);
  } else {
    for (const n of spec.nodes) n.outputs.forEach((o, i) => g.values.set(o, { name: o, dtype: 'float32', shape: n.shapes?.[i] ?? [] }));
  }
  return g;
}

export const int = (value: number): Attr => ({ type: 'int', value });
export const float = (value: number): Attr => ({ type: 'float', value });

/** A deterministic pseudo-random generator (mulberry32) so tests are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n values uniform in [lo, hi). */
export function uniform(next: () => number, n: number, lo: number, hi: number): number[] {
  return Array.from({ length: n }, () => lo + (hi - lo) * next());
}

/** A two-layer MLP: Gemm(transB) → Relu → MatMul → Add(bias), like EZKL's 2l_relu_fc. */
export function mlp(seed: number, sizes: [number, number, number]): Graph {
  const next = rng(seed);
  const [k, h, n] = sizes;
  return floatGraph({
    inputs: { x: [1, k] },
    constants: {
      W1: { shape: [h, k], data: uniform(next, h * k, -1, 1) },
      b1: { shape: [h], data: uniform(next, h, -0.5, 0.5) },
      W2: { shape: [h, n], data: uniform(next, h * n, -1, 1) },
      b2: { shape: [n], data: uniform(next, n, -0.5, 0.5) },
    },
    nodes: [
      { op: 'Gemm', name: 'fc1', inputs: ['x', 'W1', 'b1'], outputs: ['h'], attrs: { transB: int(1) } },
      { op: 'Relu', name: 'relu1', inputs: ['h'], outputs: ['a'] },
      { op: 'MatMul', name: 'fc2', inputs: ['a', 'W2'], outputs: ['z'] },
      { op: 'Add', name: 'bias2', inputs: ['z', 'b2'], outputs: ['y'] },
    ],
    outputs: ['y'],
  });
}
