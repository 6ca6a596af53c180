import * as fs from 'fs';
import * as path from 'path';
import * as ir from '@onnx-zk/tensor-ir';
import { Tensor } from '@onnx-zk/tensor-ir';
import { importOnnx, readTensorProto } from '../src';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
// The single-input MLP examples of the walking skeleton; the whole EZKL corpus (multi-input models,
// lenient ones, exceptions with reasons) runs in packages/onnx-zk/test/conformance/corpus.test.ts.
const SKELETON = ['1l_flatten', '1l_identity', '1l_linear', '1l_mlp', '1l_relu', '1l_reshape', '2l_relu_fc', '2l_relu_small', 'accuracy', 'linear_regression', 'sklearn_mlp'];
const models = fs.readdirSync(EXAMPLES).filter((d) => SKELETON.includes(d) && fs.existsSync(path.join(EXAMPLES, d, 'network.onnx'))).sort();

function importExample(name: string) {
  const file = path.join(EXAMPLES, name, 'network.onnx');
  return importOnnx(fs.readFileSync(file), { file }).graph;
}

function readPb(name: string, pb: string): Tensor {
  return readTensorProto(fs.readFileSync(path.join(EXAMPLES, name, 'test_data_set_0', pb)));
}

/** numpy.allclose-style comparison, reporting the first element out of tolerance. */
function expectClose(actual: Tensor, expected: Tensor, rtol = 1e-3, atol = 1e-7): void {
  expect(actual.shape).toEqual(expected.shape);
  const a = Array.from(actual.data as ArrayLike<number>);
  const e = Array.from(expected.data as ArrayLike<number>);
  const bad = a.findIndex((v, i) => !(Math.abs(v - e[i]) <= atol + rtol * Math.abs(e[i])));
  expect(bad === -1 ? 'all close' : `element ${bad}: ${a[bad]} vs ${e[bad]}`).toBe('all close');
}

test('the examples folder holds the EZKL models', () => {
  expect(models).toEqual(expect.arrayContaining(['1l_mlp', '2l_relu_fc', 'accuracy', 'sklearn_mlp', 'linear_regression']));
});

describe.each(models)('examples/%s', (name) => {
  test('imports to a verified float graph whose nodes keep their ONNX names as locations', () => {
    const graph = importExample(name);
    expect(graph.stage).toBe('float');
    expect(graph.inputs.length).toBeGreaterThan(0);
    for (const n of graph.nodes) expect(n.loc).toEqual([n.name]);
    expect(new Set(graph.nodes.map((n) => n.name)).size).toBe(graph.nodes.length);
    for (const input of graph.inputs) expect(graph.constants.has(input)).toBe(false);
    expect(() => ir.verifyGraph(graph)).not.toThrow();
  });

  test('runFloat matches test_data_set_0/output_0.pb (rtol 1e-3, atol 1e-7)', () => {
    const graph = importExample(name);
    const input = readPb(name, 'input_0.pb');
    expect(ir.numel(input.shape)).toBe(ir.numel(graph.values.get(graph.inputs[0])!.shape));
    const shaped = { ...input, shape: graph.values.get(graph.inputs[0])!.shape };
    const values = ir.runFloat(graph, [shaped]);
    expectClose(values.get(graph.outputs[0])!, readPb(name, 'output_0.pb'));
  });
});

test('1l_mlp: Gemm and Relu with their ONNX names, weights as constants, batch dim bound to 1', () => {
  const g = importExample('1l_mlp');
  expect(g.opset).toBe(10);
  expect(g.nodes.map((n) => `${n.name}:${n.op}`)).toEqual(['Gemm_0:Gemm', 'Relu_1:Relu']);
  expect(g.inputs).toEqual(['input']);
  expect(g.values.get('input')).toMatchObject({ dtype: 'float32', shape: [1, 3] });
  expect(g.values.get('output')).toMatchObject({ dtype: 'float32', shape: [1, 4] });
  expect([...g.constants.keys()].sort()).toEqual(['dense.bias', 'dense.weight']);
  expect(g.constants.get('dense.weight')!.shape).toEqual([4, 3]);
  expect(g.nodes[0].attrs.transB).toEqual({ type: 'int', value: 1 });
  expect(g.metadata.source).toBe('network.onnx');
});

test('1l_reshape: the Constant node becomes an int64 constant and only Reshape remains', () => {
  const g = importExample('1l_reshape');
  expect(g.nodes.map((n) => n.op)).toEqual(['Reshape']);
  const shape = g.constants.get('/Constant_output_0')!;
  expect(shape.dtype).toBe('int64');
  expect(g.values.get('output')!.shape).toEqual([1, 6]);
});

test('sklearn_mlp: typed float_data/int64_data initializers, an unknown batch dim, Cast to float is an Identity', () => {
  const g = importExample('sklearn_mlp');
  expect(g.opset).toBe(16);
  expect(g.values.get('float_input')!.shape).toEqual([1, 3]);
  expect(g.nodes.map((n) => n.op)).toEqual(['Identity', 'MatMul', 'Add', 'Relu', 'MatMul', 'Add', 'Reshape']);
  expect(g.nodes[0]).toMatchObject({ name: 'Cast', loc: ['Cast'], attrs: {} });
  expect(Array.from(g.constants.get('shape_tensor')!.data as BigInt64Array)).toEqual([-1n, 1n]);
});

test('--dim batch_size=2 binds the symbolic batch dimension', () => {
  const file = path.join(EXAMPLES, '2l_relu_fc', 'network.onnx');
  const g = importOnnx(fs.readFileSync(file), { file, dims: { batch_size: 2 } }).graph;
  expect(g.values.get('input')!.shape).toEqual([2, 3]);
  expect(g.values.get('output')!.shape).toEqual([2, 1]);
  expect(g.metadata['onnx.dims']).toBe('batch_size=2');
});
