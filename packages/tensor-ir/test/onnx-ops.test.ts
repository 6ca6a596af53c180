import { onnxOps } from '@onnx-zk/tensor-ir';
import { evalOp, f32, float, i64, inferOp, int, ints } from './helpers/ops';

const t = (dtype: 'float32' | 'int64', shape: number[]) => ({ dtype, shape });

describe('MatMul', () => {
  it('follows numpy shapes: 2-D, 1-D promotion, batch broadcasting', () => {
    expect(inferOp('float', 'MatMul', [t('float32', [2, 3]), t('float32', [3, 4])])[0].shape).toEqual([2, 4]);
    expect(inferOp('float', 'MatMul', [t('float32', [3]), t('float32', [3, 4])])[0].shape).toEqual([4]);
    expect(inferOp('float', 'MatMul', [t('float32', [2, 3]), t('float32', [3])])[0].shape).toEqual([2]);
    expect(inferOp('float', 'MatMul', [t('float32', [3]), t('float32', [3])])[0].shape).toEqual([]);
    expect(inferOp('float', 'MatMul', [t('float32', [5, 1, 2, 3]), t('float32', [4, 3, 6])])[0].shape).toEqual([5, 4, 2, 6]);
  });

  it('rejects mismatched inner dims, non-broadcasting batches and mixed dtypes with IR009', () => {
    expect(() => inferOp('float', 'MatMul', [t('float32', [2, 3]), t('float32', [4, 2])])).toThrow(/MatMul_0 \(MatMul\): error IR009: .*inner dimensions/);
    expect(() => inferOp('float', 'MatMul', [t('float32', [2, 2, 3]), t('float32', [3, 3, 1])])).toThrow(/batch dimensions/);
    expect(() => inferOp('float', 'MatMul', [t('float32', [2, 3]), t('int64', [3, 1])])).toThrow(/same dtype/);
  });

  it('multiplies, including 1-D and broadcast batches', () => {
    const a = f32([2, 2], [1, 2, 3, 4]);
    expect(evalOp('MatMul', [a, f32([2, 1], [5, 6])]).values).toEqual([17, 39]);
    expect(evalOp('MatMul', [f32([2], [1, 2]), a])).toMatchObject({ shape: [2], values: [7, 10] });
    const batched = evalOp('MatMul', [f32([2, 1, 2], [1, 0, 0, 1]), a]);
    expect(batched).toMatchObject({ shape: [2, 1, 2], values: [1, 2, 3, 4] });
  });

  it('accumulates in float64 and stores float32', () => {
    const r = evalOp('MatMul', [f32([1, 3], [1, 2 ** -30, -1]), f32([3, 1], [1, 1, 1])]);
    expect(r.t.data).toBeInstanceOf(Float32Array);
    expect(r.values).toEqual([2 ** -30]);
  });
});

describe('Gemm', () => {
  it('infers [M, N] with transposes and checks C broadcasting', () => {
    const a = t('float32', [3, 2]);
    expect(inferOp('float', 'Gemm', [a, t('float32', [3, 4])], { transA: int(1) })[0].shape).toEqual([2, 4]);
    expect(inferOp('float', 'Gemm', [t('float32', [2, 3]), t('float32', [4, 3]), t('float32', [4])], { transB: int(1) })[0].shape).toEqual([2, 4]);
    expect(() => inferOp('float', 'Gemm', [t('float32', [2, 3]), t('float32', [3, 4]), t('float32', [3])])).toThrow(/does not broadcast to \[2,4\]/);
    expect(() => inferOp('float', 'Gemm', [t('float32', [3]), t('float32', [3, 4])])).toThrow(/rank 2/);
    expect(() => inferOp('float', 'Gemm', [t('float32', [2, 3]), t('float32', [2, 3])])).toThrow(/inner dimensions/);
  });

  it('computes alpha·A\'B\' + beta·C', () => {
    const a = f32([2, 2], [1, 2, 3, 4]);
    const b = f32([2, 2], [1, 0, 1, 1]); // transB → [[1,1],[0,1]]
    const c = f32([1, 2], [10, 20]);
    const r = evalOp('Gemm', [a, b, c], { transB: int(1), alpha: float(2), beta: float(0.5) });
    // A·Bᵀ = [[1,3],[3,7]]; ·2 = [[2,6],[6,14]]; + 0.5·C = [[7,16],[11,24]]
    expect(r).toMatchObject({ shape: [2, 2], values: [7, 16, 11, 24] });
    expect(evalOp('Gemm', [a, b, undefined], { transA: int(1) }).values).toEqual([4, 3, 6, 4]); // Aᵀ·B = [[1,3],[2,4]]·[[1,0],[1,1]];
  });
});

describe('Add', () => {
  it('broadcasts like numpy', () => {
    expect(inferOp('float', 'Add', [t('float32', [2, 1, 3]), t('float32', [4, 1])])[0].shape).toEqual([2, 4, 3]);
    expect(inferOp('float', 'Add', [t('float32', []), t('float32', [5])])[0].shape).toEqual([5]);
    expect(() => inferOp('float', 'Add', [t('float32', [2, 3]), t('float32', [2])])).toThrow(/Add_0 \(Add\): error IR009: invalid operands: shapes \[2,3\], \[2\] do not broadcast/);
    const r = evalOp('Add', [f32([2, 1], [1, 2]), f32([3], [10, 20, 30])]);
    expect(r).toMatchObject({ shape: [2, 3], values: [11, 21, 31, 12, 22, 32] });
  });

  it('adds int64 exactly', () => {
    const r = evalOp('Add', [i64([1], [2 ** 53]), i64([1], [1])]);
    expect(r.t.data).toEqual(BigInt64Array.from([2n ** 53n + 1n]));
  });
});

describe('Relu and Identity', () => {
  it('keep shape and dtype', () => {
    expect(inferOp('float', 'Relu', [t('float32', [2, 5])])).toEqual([{ dtype: 'float32', shape: [2, 5] }]);
    expect(inferOp('float', 'Identity', [t('int64', [3])])).toEqual([{ dtype: 'int64', shape: [3] }]);
  });

  it('Relu clamps negatives and propagates NaN; Identity copies', () => {
    expect(evalOp('Relu', [f32([4], [-1.5, 0, 2.5, NaN])]).values).toEqual([0, 0, 2.5, NaN]);
    const x = f32([2], [1, -1]);
    const y = evalOp('Identity', [x]).t;
    expect(y.data).toEqual(x.data);
    expect(y.data).not.toBe(x.data);
  });
});

describe('Reshape', () => {
  const data = t('float32', [2, 3, 4]);
  const withShape = (s: number[], allowzero?: number) =>
    inferOp('float', 'Reshape', [data, { dtype: 'int64', shape: [s.length], const: i64([s.length], s) }], allowzero === undefined ? {} : { allowzero: int(allowzero) })[0].shape;

  it('takes the shape from the constant input: 0 copies, -1 infers', () => {
    expect(withShape([4, 6])).toEqual([4, 6]);
    expect(withShape([0, -1])).toEqual([2, 12]);
    expect(withShape([-1])).toEqual([24]);
    expect(withShape([2, 0, 2, 2])).toEqual([2, 3, 2, 2]);
  });

  it('rejects bad shapes, allowzero zeros and non-constant shapes', () => {
    expect(() => withShape([5, -1])).toThrow(/cannot infer -1/);
    expect(() => withShape([-1, -1])).toThrow(/at most one/);
    expect(() => withShape([0, 24], 1)).toThrow(/cannot be reshaped/);
    expect(() => inferOp('float', 'Reshape', [data, t('int64', [2])])).toThrow(/must be a graph constant/);
  });

  it('keeps the data in row-major order', () => {
    const r = evalOp('Reshape', [f32([2, 2], [1, 2, 3, 4]), i64([1], [-1])]);
    expect(r).toMatchObject({ shape: [4], values: [1, 2, 3, 4] });
  });
});

describe('Flatten', () => {
  it('splits the dims at axis (default 1, negative allowed, rank allowed)', () => {
    const x = t('float32', [2, 3, 4]);
    expect(inferOp('float', 'Flatten', [x])[0].shape).toEqual([2, 12]);
    expect(inferOp('float', 'Flatten', [x], { axis: int(0) })[0].shape).toEqual([1, 24]);
    expect(inferOp('float', 'Flatten', [x], { axis: int(-1) })[0].shape).toEqual([6, 4]);
    expect(inferOp('float', 'Flatten', [x], { axis: int(3) })[0].shape).toEqual([24, 1]);
    expect(() => inferOp('float', 'Flatten', [x], { axis: int(4) })).toThrow(/axis 4 is out of range/);
    expect(evalOp('Flatten', [f32([1, 2, 2], [1, 2, 3, 4])], { axis: int(2) })).toMatchObject({ shape: [2, 2], values: [1, 2, 3, 4] });
  });
});

describe('Constant', () => {
  it('produces the value of its one value attribute', () => {
    expect(inferOp('float', 'Constant', [], { value: { type: 'tensor', value: f32([2, 1], [1, 2]) } })).toEqual([{ dtype: 'float32', shape: [2, 1] }]);
    expect(inferOp('float', 'Constant', [], { value_ints: ints([1, 2, 3]) })).toEqual([{ dtype: 'int64', shape: [3] }]);
    expect(inferOp('float', 'Constant', [], { value_float: float(0.5) })).toEqual([{ dtype: 'float32', shape: [] }]);
    expect(evalOp('Constant', [], { value_int: int(7) })).toMatchObject({ shape: [], values: [7] });
    expect(evalOp('Constant', [], { value_floats: { type: 'floats', value: [0.5, 1.5] } }).values).toEqual([0.5, 1.5]);
  });

  it('requires exactly one value attribute (IR008)', () => {
    expect(() => inferOp('float', 'Constant', [])).toThrow(/IR008.*exactly one/);
    expect(() => inferOp('float', 'Constant', [], { value_int: int(1), value_float: float(1) })).toThrow(/got 2/);
  });
});

it('every float op has a shape rule and float semantics in its own file', () => {
  for (const [name, def] of Object.entries(onnxOps)) {
    expect(def.op).toBe(name);
    expect(typeof def.infer).toBe('function');
    expect(typeof def.evalFloat).toBe('function');
  }
});
