import { elements } from './helpers/elements';
import { importOnnx, decodeModel } from '../src';
import {
  T, attr, buildModel, encodeModel, floatTensor, int64Tensor, mlpSpec, modelObject,
} from './helpers/onnx-builder';

const FILE = 'fixture.onnx';
const importSpec = (bytes: Uint8Array, dims?: Record<string, number>) => importOnnx(bytes, { file: FILE, dims }).graph;

test('the Gemm → Relu model imports with constants, static shapes, locations and metadata', () => {
  const g = importSpec(buildModel(mlpSpec()));
  expect(g).toMatchObject({ name: 'test_graph', stage: 'float', opset: 13, inputs: ['x'], outputs: ['y'] });
  expect(g.nodes.map((n) => [n.name, n.op, n.inputs, n.outputs, n.loc])).toEqual([
    ['fc', 'Gemm', ['x', 'W', 'B'], ['h'], ['fc']],
    ['act', 'Relu', ['h'], ['y'], ['act']],
  ]);
  expect(elements(g.constants.get('W'))).toEqual([1, 2, 3, -1, -2, -3]);
  expect(g.values.get('h')).toMatchObject({ dtype: 'float32', shape: [1, 2] });
  expect(g.metadata).toMatchObject({ source: 'fixture.onnx', 'onnx.producer': 'onnx-builder', 'onnx.ir_version': '8' });
});

test('initializers listed again as graph inputs are constants, not inputs', () => {
  const spec = mlpSpec();
  spec.inputs.push({ name: 'W', dims: [2, 3] }, { name: 'B', dims: [2] });
  const g = importSpec(buildModel(spec));
  expect(g.inputs).toEqual(['x']);
  expect(g.constants.has('W') && g.constants.has('B')).toBe(true);
});

test('raw_data and float_data give the same tensor; raw_data at an unaligned offset is copied', () => {
  const weights = [1.5, -2.25, 3.125, 0.1, -0.2, 7];
  const offsets: number[] = [];
  for (const pad of ['', 'p', 'pp', 'ppp']) {
    const spec = mlpSpec();
    spec.initializers![0] = floatTensor(`W${pad}`, [2, 3], weights, true);
    spec.nodes[0].inputs[1] = `W${pad}`;
    const bytes = buildModel(spec);
    offsets.push(decodeModel(bytes).graph!.initializer![0].rawData!.byteOffset % 4);
    const g = importSpec(bytes);
    expect(elements(g.constants.get(`W${pad}`))).toEqual(Array.from(new Float32Array(weights)));
  }
  expect(offsets.some((o) => o !== 0)).toBe(true); // Float32Array on such a view would throw a RangeError
});

test('int64 data beyond 2^53 and negative values survive exactly (Long → bigint)', () => {
  const big = '1152921504606846977'; // 2^60 + 1
  const spec = mlpSpec();
  spec.initializers!.push(int64Tensor('big', [3], [big, '-9223372036854775808', -5]));
  spec.nodes.push({ op: 'Identity', name: 'keep', inputs: ['big'], outputs: ['big_out'] });
  spec.outputs.push({ name: 'big_out', elemType: T.INT64, dims: [3] });
  const g = importSpec(buildModel(spec));
  expect(Array.from(g.constants.get('big')!.data as BigInt64Array)).toEqual([2n ** 60n + 1n, -(2n ** 63n), -5n]);
});

test('double_data, int32_data, bool and int8 initializers decode to their typed arrays', () => {
  const spec = mlpSpec();
  spec.initializers!.push(
    { name: 'd', dataType: T.DOUBLE, dims: [2], doubleData: [0.1, -1e300] },
    { name: 'i', dataType: T.INT32, dims: [2], int32Data: [-7, 2147483647] },
    { name: 'b', dataType: T.BOOL, dims: [3], int32Data: [1, 0, 1] },
    { name: 'i8', dataType: T.INT8, dims: [2], rawData: new Uint8Array([0xff, 0x05]) },
  );
  const g = importSpec(buildModel(spec));
  expect(g.constants.get('d')).toEqual({ dtype: 'float64', shape: [2], data: new Float64Array([0.1, -1e300]) });
  expect(g.constants.get('i')).toEqual({ dtype: 'int32', shape: [2], data: new Int32Array([-7, 2147483647]) });
  expect(g.constants.get('b')).toEqual({ dtype: 'bool', shape: [3], data: new Uint8Array([1, 0, 1]) });
  expect(g.constants.get('i8')).toEqual({ dtype: 'int8', shape: [2], data: new Int8Array([-1, 5]) });
});

test('int16/uint16 decode from int32_data, uint32/uint64 from uint64_data, and all four from raw_data', () => {
  const spec = mlpSpec();
  spec.initializers!.push(
    { name: 'i16', dataType: T.INT16, dims: [3], int32Data: [-32768, 32767, -1] },
    { name: 'u16', dataType: T.UINT16, dims: [2], int32Data: [65535, 7] },
    { name: 'u32', dataType: T.UINT32, dims: [2], uint64Data: ['4294967295', 3] },
    { name: 'u64', dataType: T.UINT64, dims: [2], uint64Data: ['18446744073709551615', '9223372036854775808'] },
    { name: 'i16r', dataType: T.INT16, dims: [2], rawData: new Uint8Array([0xfe, 0xff, 0x00, 0x80]) },
    { name: 'u16r', dataType: T.UINT16, dims: [1], rawData: new Uint8Array([0x34, 0x12]) },
    { name: 'u32r', dataType: T.UINT32, dims: [1], rawData: new Uint8Array([0xff, 0xff, 0xff, 0xfe]) },
    { name: 'u64r', dataType: T.UINT64, dims: [1], rawData: new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0x80]) },
  );
  const g = importSpec(buildModel(spec));
  expect(g.constants.get('i16')).toEqual({ dtype: 'int16', shape: [3], data: new Int16Array([-32768, 32767, -1]) });
  expect(g.constants.get('u16')).toEqual({ dtype: 'uint16', shape: [2], data: new Uint16Array([65535, 7]) });
  expect(g.constants.get('u32')).toEqual({ dtype: 'uint32', shape: [2], data: new Uint32Array([4294967295, 3]) });
  expect(g.constants.get('u64')).toEqual({ dtype: 'uint64', shape: [2], data: new BigUint64Array([2n ** 64n - 1n, 2n ** 63n]) });
  expect(g.constants.get('i16r')!.data).toEqual(new Int16Array([-2, -32768]));
  expect(g.constants.get('u16r')!.data).toEqual(new Uint16Array([0x1234]));
  expect(g.constants.get('u32r')!.data).toEqual(new Uint32Array([0xfeffffff]));
  expect(g.constants.get('u64r')!.data).toEqual(new BigUint64Array([2n ** 63n + 1n]));
});

test('nodes without names get <op>_<index>; duplicate names are made unique', () => {
  const spec = mlpSpec();
  spec.nodes[0].name = '';
  spec.nodes[1].name = 'Gemm_0';
  spec.nodes.push({ op: 'Relu', name: 'Gemm_0', inputs: ['y'], outputs: ['z'] });
  spec.outputs = [{ name: 'z', dims: [1, 2] }];
  const g = importSpec(buildModel(spec));
  expect(g.nodes.map((n) => n.name)).toEqual(['Gemm_0', 'Gemm_0_1', 'Gemm_0_2']);
  expect(g.nodes.map((n) => n.loc[0])).toEqual(['Gemm_0', 'Gemm_0_1', 'Gemm_0_2']);
});

test('symbolic dims: bound by --dim, the first one defaults to 1, an unknown first dim too', () => {
  const spec = mlpSpec();
  expect(importSpec(buildModel(spec), { batch: 4 }).values.get('y')!.shape).toEqual([4, 2]);
  spec.inputs[0].dims = [null, 3];
  spec.outputs[0].dims = [null, 2];
  expect(importSpec(buildModel(spec)).values.get('x')!.shape).toEqual([1, 3]);
  spec.inputs[0].dims = [0, 3];
  expect(importSpec(buildModel(spec)).values.get('x')!.shape).toEqual([1, 3]);
});

test('Constant nodes of every value form become constants and emit no node', () => {
  const forms = [
    [attr.tensor('value', floatTensor('', [2], [3, 4])), 'float32', [2], [3, 4]],
    [attr.float('value_float', 2.5), 'float32', [], [2.5]],
    [attr.floats('value_floats', [1, 2]), 'float32', [2], [1, 2]],
    [attr.int('value_int', 7), 'int64', [], [7n]],
    [attr.ints('value_ints', [1, -2]), 'int64', [2], [1n, -2n]],
  ] as const;
  for (const [a, dtype, shape, values] of forms) {
    const spec = mlpSpec();
    spec.nodes.unshift({ op: 'Constant', name: 'c', inputs: [], outputs: ['k'], attrs: [a] });
    const g = importSpec(buildModel(spec));
    expect(g.nodes.map((n) => n.op)).toEqual(['Gemm', 'Relu']);
    expect(g.constants.get('k')).toMatchObject({ dtype, shape });
    expect(Array.from(g.constants.get('k')!.data as ArrayLike<number | bigint>)).toEqual(values);
  }
});

test('node attributes of each kind convert to typed attrs', () => {
  const spec = mlpSpec();
  spec.nodes[0].attrs = [attr.float('alpha', 2), attr.float('beta', 0.5), attr.int('transB', 1)];
  const g = importSpec(buildModel(spec));
  expect(g.nodes[0].attrs).toEqual({
    alpha: { type: 'float', value: 2 }, beta: { type: 'float', value: 0.5 }, transB: { type: 'int', value: 1 },
  });
});

test('the ai.onnx domain name and unused imports of other domains are accepted', () => {
  const obj = modelObject(mlpSpec()) as { opsetImport: object[] };
  obj.opsetImport = [{ domain: 'ai.onnx.ml', version: 3 }, { domain: 'ai.onnx', version: 24 }];
  expect(importOnnx(encodeModel(obj)).graph.opset).toBe(24);
});
