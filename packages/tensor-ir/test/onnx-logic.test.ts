import { makeTensor } from '@onnx-zk/tensor-ir';
import { bool, evalOp, f32, i64, inferOp, int } from './helpers/ops';

const t = (dtype: 'float32' | 'int64' | 'bool', shape: number[]) => ({ dtype, shape });

describe('comparisons', () => {
  it('broadcast to a bool output', () => {
    expect(inferOp('float', 'Less', [t('float32', [2, 1]), t('float32', [3])])[0]).toEqual({ dtype: 'bool', shape: [2, 3] });
    const a = f32([3], [1, 2, 3]);
    const b = f32([1], [2]);
    expect(evalOp('Less', [a, b]).values).toEqual([1, 0, 0]);
    expect(evalOp('LessOrEqual', [a, b]).values).toEqual([1, 1, 0]);
    expect(evalOp('Greater', [a, b]).values).toEqual([0, 0, 1]);
    expect(evalOp('GreaterOrEqual', [a, b]).values).toEqual([0, 1, 1]);
    expect(evalOp('Equal', [a, b]).t.dtype).toBe('bool');
    expect(evalOp('Equal', [a, b]).values).toEqual([0, 1, 0]);
  });

  it('compare int64 exactly beyond 2^53', () => {
    const big = makeTensor('int64', [1], [2n ** 60n + 1n]);
    expect(evalOp('Greater', [big, makeTensor('int64', [1], [2n ** 60n])]).values).toEqual([1]);
    expect(evalOp('Equal', [big, makeTensor('int64', [1], [2n ** 60n])]).values).toEqual([0]);
  });

  it('Equal takes every dtype, bool included', () => {
    expect(inferOp('float', 'Equal', [t('int64', [2]), t('int64', [2])], {}, 1, 10)[0].dtype).toBe('bool');
    expect(inferOp('float', 'Equal', [t('bool', [2]), t('bool', [2])])[0].dtype).toBe('bool');
  });
});

describe('logic', () => {
  it('And, Or, Xor, Not on bool tensors with broadcasting', () => {
    const a = bool([4], [0, 0, 1, 1]);
    const b = bool([4], [0, 1, 0, 1]);
    expect(evalOp('And', [a, b]).values).toEqual([0, 0, 0, 1]);
    expect(evalOp('Or', [a, b]).values).toEqual([0, 1, 1, 1]);
    expect(evalOp('Xor', [a, b]).values).toEqual([0, 1, 1, 0]);
    expect(evalOp('Not', [a]).values).toEqual([1, 1, 0, 0]);
    expect(evalOp('And', [a, bool([1], [1])]).values).toEqual([0, 0, 1, 1]);
    expect(() => inferOp('float', 'And', [t('float32', [2]), t('float32', [2])])).toThrow(/IR009.*expected bool/);
  });

  it('Where picks X or Y, broadcasting all three', () => {
    const r = evalOp('Where', [bool([2, 1], [1, 0]), f32([2], [1, 2]), f32([], [9])]);
    expect(r).toMatchObject({ shape: [2, 2], values: [1, 2, 9, 9] });
    expect(evalOp('Where', [bool([2], [0, 1]), i64([2], [1, 2]), i64([2], [3, 4])]).values).toEqual([3, 2]);
    expect(() => inferOp('float', 'Where', [t('float32', [2]), t('float32', [2]), t('float32', [2])])).toThrow(/expected bool/);
  });
});

describe('Cast and CastLike', () => {
  const to = (code: number) => ({ to: int(code) });

  it('converts between every supported dtype', () => {
    const x = f32([5], [-2.7, -0.5, 0, 1.9, 300.5]);
    expect(evalOp('Cast', [x], to(7)).t.data).toEqual(new BigInt64Array([-2n, 0n, 0n, 1n, 300n]));
    expect(evalOp('Cast', [x], to(6)).values).toEqual([-2, 0, 0, 1, 300]);
    expect(evalOp('Cast', [x], to(2)).values).toEqual([254, 0, 0, 1, 44]); // C wrap-around
    expect(evalOp('Cast', [x], to(9)).values).toEqual([1, 1, 0, 1, 1]);
    expect(evalOp('Cast', [bool([2], [1, 0])], to(1)).values).toEqual([1, 0]);
    expect(evalOp('Cast', [i64([2], [3, -4])], to(11)).t).toMatchObject({ dtype: 'float64', data: new Float64Array([3, -4]) });
    expect(evalOp('Cast', [f32([1], [NaN])], to(7)).t.data).toEqual(new BigInt64Array([-(2n ** 63n)]));
  });

  it('infers the target dtype and rejects unsupported ones (IR008)', () => {
    expect(inferOp('float', 'Cast', [t('float32', [2])], to(7))[0]).toEqual({ dtype: 'int64', shape: [2] });
    expect(() => inferOp('float', 'Cast', [t('float32', [2])], to(10))).toThrow(/IR008.*data type 10/);
    expect(() => inferOp('float', 'Cast', [t('float32', [2])])).toThrow(/IR008.*'to'/);
  });

  it('CastLike takes the dtype of its second input', () => {
    expect(inferOp('float', 'CastLike', [t('float32', [2]), t('int64', [])])[0]).toEqual({ dtype: 'int64', shape: [2] });
    expect(evalOp('CastLike', [f32([2], [1.5, -1.5]), i64([1], [0])]).values).toEqual([1, -1]);
  });
});

describe('Dropout', () => {
  it('is the identity at inference, with an all-true mask', () => {
    const x = f32([2], [1, 2]);
    expect(evalOp('Dropout', [x]).values).toEqual([1, 2]);
    const types = inferOp('float', 'Dropout', [t('float32', [2])], {}, 2);
    expect(types[1]).toEqual({ dtype: 'bool', shape: [2] });
    expect(inferOp('float', 'Dropout', [t('float32', [2])], {}, 2, 9)[1].dtype).toBe('float32');
  });

  it('rejects training mode unless the ratio is 0', () => {
    const on = { dtype: 'bool' as const, shape: [], const: bool([], [1]) };
    const ratio = (r: number) => ({ dtype: 'float32' as const, shape: [], const: f32([], [r]) });
    expect(() => inferOp('float', 'Dropout', [t('float32', [2]), ratio(0.5), on])).toThrow(/IR009.*training mode/);
    expect(inferOp('float', 'Dropout', [t('float32', [2]), ratio(0), on])[0].shape).toEqual([2]);
    expect(() => evalOp('Dropout', [f32([1], [1]), undefined, bool([], [1])])).toThrow(/IR009.*training mode/);
    expect(evalOp('Dropout', [f32([1], [3]), f32([], [0]), bool([], [1])]).values).toEqual([3]);
  });
});
