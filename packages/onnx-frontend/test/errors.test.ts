import { importOnnx } from '../src';
import { userErrors } from './helpers/errors';
import { T, attr, buildModel, encodeModel, floatTensor, mlpSpec, modelObject } from './helpers/onnx-builder';

const FILE = 'bad.onnx';
const errorsOf = (bytes: Uint8Array, dims?: Record<string, number>) => userErrors(() => importOnnx(bytes, { file: FILE, dims }));

test('every unsupported node is listed, each as `name (OpType)`', () => {
  const spec = mlpSpec();
  spec.nodes.splice(1, 0,
    { op: 'FancyNorm', name: 'norm1', inputs: ['h'], outputs: ['h1'] },
    { op: 'Quaternion', name: '', inputs: ['h1'], outputs: ['h2'] });
  spec.nodes[3].inputs = ['h2'];
  expect(errorsOf(buildModel(spec))).toEqual([
    'bad.onnx: norm1 (FancyNorm): error FE005: unsupported op: FancyNorm is not in the float op table',
    'bad.onnx: Quaternion_2 (Quaternion): error FE005: unsupported op: Quaternion is not in the float op table',
  ]);
});

test("onnx-zk's own ops and Object.prototype names are not ONNX ops", () => {
  const spec = mlpSpec();
  spec.nodes.splice(1, 0,
    { op: 'MaskedSoftmax', name: 'ms', inputs: ['h'], outputs: ['h1'] },
    { op: 'constructor', name: 'ctor', inputs: ['h1'], outputs: ['h2'] });
  spec.nodes[3].inputs = ['h2'];
  expect(errorsOf(buildModel(spec))).toEqual([
    'bad.onnx: ms (MaskedSoftmax): error FE005: unsupported op: MaskedSoftmax is not in the float op table',
    'bad.onnx: ctor (constructor): error FE005: unsupported op: constructor is not in the float op table',
  ]);
});

test('a node of another domain is unsupported even if its op name exists in ai.onnx', () => {
  const obj = modelObject({ ...mlpSpec(), opsets: [{ version: 13 }, { domain: 'com.microsoft', version: 1 }] });
  const spec = mlpSpec();
  spec.nodes[1].domain = 'com.microsoft';
  (obj as { graph: unknown }).graph = (modelObject(spec) as { graph: unknown }).graph;
  expect(errorsOf(encodeModel(obj))).toEqual([
    "bad.onnx: act (Relu): error FE005: unsupported op: ops of domain 'com.microsoft' are not supported",
  ]);
});

test('a dangling edge and an undefined graph output are reported with the node', () => {
  const spec = mlpSpec();
  spec.nodes[1].inputs = ['nowhere'];
  spec.outputs.push({ name: 'ghost' });
  expect(errorsOf(buildModel(spec))).toEqual([
    "bad.onnx: act (Relu): error FE013: value is not produced by an earlier node, a graph input or an initializer: input 'nowhere'",
    "bad.onnx: error FE013: value is not produced by an earlier node, a graph input or an initializer: graph output 'ghost'",
  ]);
});

test('an unbound symbolic dim other than the first names the input and the dim', () => {
  const spec = mlpSpec();
  spec.inputs[0].dims = ['batch', 'features'];
  const [msg] = errorsOf(buildModel(spec));
  expect(msg).toBe("bad.onnx: error FE006: unbound symbolic dimension: graph input 'x' dimension 1 is 'features' (fix: bind it with --dim <name>=<value>)");
  expect(importOnnx(buildModel(spec), { dims: { features: 3 } }).graph.values.get('x')!.shape).toEqual([1, 3]);
  spec.inputs[0].dims = [1, null];
  expect(errorsOf(buildModel(spec))[0]).toContain("graph input 'x' dimension 1 is unknown");
  spec.inputs[0].dims = [1, 0];
  expect(errorsOf(buildModel(spec))[0]).toContain("graph input 'x' dimension 1 is 0 (zero-size dims are not supported)");
});

test('invalid dim bindings are FE011', () => {
  expect(errorsOf(buildModel(mlpSpec()), { batch: 0 })[0]).toMatch(/^bad\.onnx: error FE011: invalid dimension binding: batch=0/);
  expect(errorsOf(buildModel(mlpSpec()), { batch: 1.5 })[0]).toMatch(/FE011/);
});

test('a truncated model, random garbage and an empty file are FE002, never a stack trace', () => {
  const bytes = buildModel(mlpSpec());
  expect(errorsOf(bytes.subarray(0, bytes.length - 7))[0]).toMatch(/^bad\.onnx: error FE002: not an ONNX model \(truncated or not protobuf\): /);
  let seed = 12345;
  const garbage = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
  expect(errorsOf(garbage)[0]).toMatch(/^bad\.onnx: error FE00[23]/);
  expect(errorsOf(new TextEncoder().encode('{"not": "onnx"}'))[0]).toMatch(/^bad\.onnx: error FE00[23]/);
  expect(errorsOf(new Uint8Array())[0]).toBe('bad.onnx: error FE002: not an ONNX model (truncated or not protobuf): the file is empty (fix: check that the file is a complete .onnx export)');
});

test('absurdly deep nesting is FE002, not a stack overflow', () => {
  const varint = (n: number): number[] => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...varint(n >>> 7)]);
  const wrap = (tag: number, inner: Buffer) => Buffer.concat([Buffer.from([tag, ...varint(inner.length)]), inner]);
  let graph = Buffer.alloc(0);
  // GraphProto.node → NodeProto.attribute → AttributeProto.g → GraphProto …
  for (let i = 0; i < 2000; i++) graph = wrap(0x0a, wrap(0x2a, wrap(0x32, graph)));
  const bytes = Buffer.concat([wrap(0x42, Buffer.from([0x10, 13])), wrap(0x3a, graph)]);
  expect(errorsOf(bytes)[0]).toMatch(/^bad\.onnx: error FE002: not an ONNX model \(truncated or not protobuf\): /);
});

test('a ModelProto without a graph is FE003', () => {
  expect(errorsOf(encodeModel({ irVersion: 8, opsetImport: [{ version: 13 }] }))).toEqual([
    'bad.onnx: error FE003: the ONNX model has no graph: ModelProto.graph is absent',
  ]);
});

test('opsets outside 7..25, or no default-domain opset, are FE004', () => {
  for (const opsets of [[{ version: 6 }], [{ version: 26 }], [{ domain: 'ai.onnx.ml', version: 3 }]]) {
    const [msg] = errorsOf(buildModel({ ...mlpSpec(), opsets }));
    expect(msg).toMatch(/^bad\.onnx: error FE004: unsupported opset: /);
  }
  expect(errorsOf(buildModel({ ...mlpSpec(), opsets: [{ version: 26 }] }))[0]).toContain('ai.onnx opset 26 is outside 7..25');
});

test('unsupported dtypes are FE008 naming the tensor or input', () => {
  const spec = mlpSpec();
  spec.initializers!.push({ name: 'half', dataType: T.FLOAT16, dims: [1], int32Data: [0] });
  spec.inputs[0].elemType = T.STRING;
  expect(errorsOf(buildModel(spec))).toEqual([
    "bad.onnx: error FE008: unsupported data type: tensor 'half' has type FLOAT16 (fix: onnx-zk supports float, double, int64, int32, int16, int8, uint64, uint32, uint16, uint8 and bool tensors)",
    "bad.onnx: error FE008: unsupported data type: graph input 'x' has type STRING (fix: onnx-zk supports float, double, int64, int32, int16, int8, uint64, uint32, uint16, uint8 and bool tensors)",
  ]);
});

test('tensor data that does not match its shape is FE009', () => {
  const spec = mlpSpec();
  spec.initializers![0] = floatTensor('W', [2, 3], [1, 2, 3]);
  spec.initializers![1] = { name: 'B', dataType: T.FLOAT, dims: [2], rawData: new Uint8Array(7) };
  expect(errorsOf(buildModel(spec))).toEqual([
    "bad.onnx: error FE009: malformed tensor data: tensor 'W': 6 elements expected for shape [2,3], the data has 3",
    "bad.onnx: error FE009: malformed tensor data: tensor 'B': raw data has 7 bytes, 2 float32 elements need 8",
  ]);
});

test('graph attributes and unsupported Constant forms are FE010 at the node', () => {
  const spec = mlpSpec();
  spec.nodes[0].attrs = [attr.graph('body')];
  spec.nodes.unshift({ op: 'Constant', name: 'c', inputs: [], outputs: ['s'], attrs: [attr.string('value_string', 'hi')] });
  expect(errorsOf(buildModel(spec))).toEqual([
    "bad.onnx: c (Constant): error FE010: unsupported attribute: Constant attribute 'value_string' (string) is not supported",
    "bad.onnx: fc (Gemm): error FE010: unsupported attribute: 'body' has kind GRAPH",
  ]);
});

test('a declared output type that differs from the inferred one is FE014', () => {
  const spec = mlpSpec();
  spec.outputs[0].dims = ['batch', 5];
  expect(errorsOf(buildModel(spec))).toEqual([
    "bad.onnx: error FE014: declared output type differs from the inferred one: graph output 'y': declared shape [batch,5], inferred [1,2]",
  ]);
});

test('a non-tensor graph input or one without a shape is FE012', () => {
  const spec = mlpSpec();
  delete spec.inputs[0].dims;
  expect(errorsOf(buildModel(spec))).toEqual([
    "bad.onnx: error FE012: unsupported value type: graph input 'x' has no shape (unknown rank)",
  ]);
  const obj = modelObject(mlpSpec()) as { graph: { input: object[] } };
  obj.graph.input[0] = { name: 'x', type: { sequenceType: { elemType: { tensorType: { elemType: T.FLOAT } } } } };
  expect(errorsOf(encodeModel(obj))).toEqual(["bad.onnx: error FE012: unsupported value type: graph input 'x' is not a tensor"]);
});

test('shape errors found by tensor-ir name the file, node and op', () => {
  const spec = mlpSpec();
  spec.initializers![0] = floatTensor('W', [2, 4], [1, 2, 3, 4, 5, 6, 7, 8]);
  const [msg] = errorsOf(buildModel(spec));
  expect(msg).toMatch(/^bad\.onnx: fc \(Gemm\): error IR\d{3}: /);
});
