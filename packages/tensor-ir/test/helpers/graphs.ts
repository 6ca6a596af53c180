import { Attr, DType, Graph, Node, Stage, Tensor, TirFile, emptyGraph, makeTensor, numel } from '@onnx-zk/tensor-ir';

/** A node with loc = [name], the shape frontends produce. */
export function node(op: string, name: string, inputs: string[], outputs: string[], attrs: Record<string, Attr> = {}): Node {
  return { op, name, inputs, outputs, attrs, loc: [name] };
}

export function addInput(g: Graph, name: string, dtype: DType, shape: number[]): void {
  g.inputs.push(name);
  g.values.set(name, { name, dtype, shape });
}

export function addConst(g: Graph, name: string, t: Tensor): void {
  g.constants.set(name, t);
  g.values.set(name, { name, dtype: t.dtype, shape: [...t.shape] });
}

export function setType(g: Graph, name: string, dtype: DType, shape: number[]): void {
  g.values.set(name, { name, dtype, shape });
}

/** x[1,3] → Gemm(transB) → Relu → MatMul → Add → Reshape → Flatten → Identity, typed by hand. */
export function floatMlp(): Graph {
  const g = emptyGraph('mlp', 'float', 13);
  g.metadata['source'] = 'test';
  addInput(g, 'x', 'float32', [1, 3]);
  addConst(g, 'W1', makeTensor('float32', [4, 3], [0.5, -1, 2, 0.25, 0.125, -0.5, 1, 1, 1, -2, 0, 3]));
  addConst(g, 'B1', makeTensor('float32', [4], [0.1, -0.2, 0.3, -0.4]));
  addConst(g, 'W2', makeTensor('float32', [4, 2], [1, -1, 0.5, 2, -0.25, 0, 3, 1]));
  addConst(g, 'B2', makeTensor('float32', [2], [0.5, -0.5]));
  addConst(g, 'shape', makeTensor('int64', [3], [1n, 2n, 1n]));
  g.nodes.push(node('Gemm', 'Gemm_0', ['x', 'W1', 'B1'], ['h'], { transB: { type: 'int', value: 1 } }));
  g.nodes.push(node('Relu', 'Relu_1', ['h'], ['r']));
  g.nodes.push(node('MatMul', 'MatMul_2', ['r', 'W2'], ['m']));
  g.nodes.push(node('Add', 'Add_3', ['m', 'B2'], ['a']));
  g.nodes.push(node('Reshape', 'Reshape_4', ['a', 'shape'], ['s']));
  g.nodes.push(node('Flatten', 'Flatten_5', ['s'], ['f'], { axis: { type: 'int', value: 1 } }));
  g.nodes.push(node('Identity', 'Identity_6', ['f'], ['y']));
  for (const [v, shape] of [['h', [1, 4]], ['r', [1, 4]], ['m', [1, 2]], ['a', [1, 2]], ['s', [1, 2, 1]], ['f', [1, 2]], ['y', [1, 2]]] as const) {
    setType(g, v, 'float32', [...shape]);
  }
  g.outputs.push('y');
  return g;
}

function fixedInfo(frac: number, lo: bigint[] | bigint, hi: bigint[] | bigint, n: number) {
  const arr = (v: bigint[] | bigint) => BigInt64Array.from(Array.isArray(v) ? v : new Array(n).fill(v));
  return { frac, lo: arr(lo), hi: arr(hi) };
}

/** Sets a value's int64 type and FixedInfo. */
export function setFixed(g: Graph, name: string, shape: number[], frac: number, lo: bigint[] | bigint, hi: bigint[] | bigint): void {
  g.values.set(name, { name, dtype: 'int64', shape, fixed: fixedInfo(frac, lo, hi, numel(shape)) });
}

export function addFixedConst(g: Graph, name: string, shape: number[], frac: number, data: bigint[]): void {
  g.constants.set(name, makeTensor('int64', shape, data));
  setFixed(g, name, shape, frac, data, data);
}

/** x[1,2] frac 4 → Linear → Rescale → Relu → Add(const) → Reshape; stage fixed or accel. */
export function fixedMlp(stage: Stage = 'fixed'): Graph {
  const g = emptyGraph('fxp', stage, 13);
  g.metadata['fixed.frac'] = '4';
  g.metadata['fixed.input_range'] = '-1,1';
  g.inputs.push('x');
  setFixed(g, 'x', [1, 2], 4, -16n, 16n);
  addFixedConst(g, 'W', [2, 3], 4, [16n, -8n, 4n, 2n, 0n, -16n]);
  addFixedConst(g, 'B', [3], 8, [256n, -128n, 0n]);
  addFixedConst(g, 'C', [1, 3], 4, [1n, 2n, 3n]);
  const lin = node('Linear', 'Gemm_0', ['x', 'W', 'B'], ['l']);
  const res = node('Rescale', 'Gemm_0.rescale', ['l'], ['s'], { shift: { type: 'int', value: 4 } });
  res.loc = ['Gemm_0'];
  g.nodes.push(lin, res, node('Relu', 'Relu_1', ['s'], ['r']));
  g.nodes.push(node('Add', 'Add_2', ['r', 'C'], ['a']), node('Reshape', 'Reshape_3', ['a'], ['y'], { shape: { type: 'ints', value: [3] } }));
  setFixed(g, 'l', [1, 3], 8, [-256n, -384n, -576n], [768n, 256n, 320n]);
  setFixed(g, 's', [1, 3], 4, [-16n, -24n, -36n], [48n, 16n, 20n]);
  setFixed(g, 'r', [1, 3], 4, 0n, [48n, 16n, 20n]);
  setFixed(g, 'a', [1, 3], 4, [1n, 2n, 3n], [49n, 18n, 23n]);
  setFixed(g, 'y', [3], 4, [1n, 2n, 3n], [49n, 18n, 23n]);
  g.outputs.push('y');
  if (stage === 'accel') {
    g.nodes.unshift(node('RangeCheck', 'x.range', ['x'], []));
    for (const n of g.nodes) bindGadget(n);
  }
  return g;
}

export function bindGadget(n: Node): void {
  n.attrs.gadget = { type: 'string', value: n.op.toLowerCase() };
  n.attrs.strategy = { type: 'string', value: 'default' };
  n.attrs.cost_constraints = { type: 'int', value: 3 };
  n.attrs.cost_wires = { type: 'int', value: 5 };
}

/** A float graph exercising every attribute kind, an absent optional input and odd floats. */
export function attrZoo(): TirFile {
  const file = { producer: 'test', graph: floatMlp() };
  const g = file.graph;
  g.nodes[0].attrs.alpha = { type: 'float', value: 0.1 };
  g.nodes[0].attrs.beta = { type: 'float', value: -0 };
  g.nodes[0].inputs[2] = '';
  g.nodes.push(node('Constant', 'Const_7', [], ['k'], { value: { type: 'tensor', value: makeTensor('float32', [2], [NaN, -Infinity]) } }));
  g.values.set('k', { name: 'k', dtype: 'float32', shape: [2] });
  g.nodes[1].attrs = {
    names: { type: 'strings', value: ['a', '', 'ü "q"'] },
    sizes: { type: 'ints', value: [-1, 0, 2 ** 40] },
    scales: { type: 'floats', value: [1e-30, 3.5] },
    mode: { type: 'string', value: 'x' },
    count: { type: 'int', value: 0 },
  };
  g.nodes[1].loc = ['Relu_1', 'Fused_9'];
  g.constants.set('odd', makeTensor('float32', [3], [NaN, -0, 1e-45]));
  g.values.set('odd', { name: 'odd', dtype: 'float32', shape: [3] });
  g.constants.set('flags', makeTensor('bool', [2, 2], [1, 0, 0, 1]));
  g.values.set('flags', { name: 'flags', dtype: 'bool', shape: [2, 2] });
  g.metadata['10'] = 'numeric key';
  return file;
}
