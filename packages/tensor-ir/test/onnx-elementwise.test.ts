import { makeTensor } from '@onnx-zk/tensor-ir';
import { evalOp, f32, float, i64, inferOp, string } from './helpers/ops';

const t = (dtype: 'float32' | 'int64' | 'int32' | 'bool', shape: number[]) => ({ dtype, shape });
const close = (values: number[], want: number[]) => values.forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));

describe('binary arithmetic (Sub, Mul, Div, Pow)', () => {
  it('broadcasts and keeps the dtype', () => {
    expect(inferOp('float', 'Sub', [t('float32', [2, 1]), t('float32', [3])])[0]).toEqual({ dtype: 'float32', shape: [2, 3] });
    expect(evalOp('Sub', [f32([2, 1], [10, 20]), f32([3], [1, 2, 3])]).values).toEqual([9, 8, 7, 19, 18, 17]);
    expect(evalOp('Mul', [f32([2], [1.5, -2]), f32([], [4])]).values).toEqual([6, -8]);
    expect(() => inferOp('float', 'Mul', [t('float32', [2]), t('int64', [2])])).toThrow(/IR009.*same dtype/);
  });

  it('divides integers toward zero, exactly for int64, and wraps int32 products', () => {
    expect(evalOp('Div', [i64([3], [7, -7, 6]), i64([1], [2])]).values).toEqual([3, -3, 3]);
    const big = evalOp('Mul', [i64([1], [2 ** 40]), i64([1], [2 ** 20 + 1])]).t.data as BigInt64Array;
    expect(big[0]).toBe(2n ** 60n + 2n ** 40n);
    const i32 = makeTensor('int32', [1], [65537]);
    expect(evalOp('Mul', [i32, i32]).values).toEqual([131073]); // 65537² mod 2³² as int32
    expect(() => evalOp('Div', [i64([1], [1]), i64([1], [0])])).toThrow(/IR009.*division by zero/);
  });

  it('Pow takes an exponent of another dtype from opset 12 and returns the base dtype', () => {
    expect(inferOp('float', 'Pow', [t('float32', [2]), t('int64', [1])])[0].dtype).toBe('float32');
    expect(() => inferOp('float', 'Pow', [t('float32', [2]), t('int64', [1])], {}, 1, 11)).toThrow(/before opset 12/);
    expect(evalOp('Pow', [f32([3], [2, 4, -2]), i64([1], [3])]).values).toEqual([8, 64, -8]);
    expect(evalOp('Pow', [i64([2], [3, 2]), f32([1], [2])]).values).toEqual([9, 4]);
  });
});

describe('unary float ops', () => {
  it('computes the ONNX formulas', () => {
    close(evalOp('Sqrt', [f32([2], [4, 2])]).values, [2, Math.SQRT2]);
    close(evalOp('Exp', [f32([1], [1])]).values, [Math.E]);
    close(evalOp('Log', [f32([1], [Math.E])]).values, [1]);
    expect(evalOp('Reciprocal', [f32([2], [4, -0.5])]).values).toEqual([0.25, -2]);
    close(evalOp('Erf', [f32([3], [0, 1, -0.5])]).values, [0, 0.8427007929, -0.5204998778]);
    close(evalOp('Sigmoid', [f32([3], [0, 1000, -1000])]).values, [0.5, 1, 0]);
    close(evalOp('Softplus', [f32([3], [0, 100, -100])]).values, [Math.LN2, 100, 0]);
    close(evalOp('Softsign', [f32([2], [1, -3])]).values, [0.5, -0.75]);
    close(evalOp('Tanh', [f32([1], [0.5])]).values, [Math.tanh(0.5)]);
  });

  it('reads attributes with the ONNX defaults', () => {
    close(evalOp('LeakyRelu', [f32([2], [-1, 2])]).values, [-0.01, 2]);
    close(evalOp('LeakyRelu', [f32([1], [-2])], { alpha: float(0.5) }).values, [-1]);
    close(evalOp('Elu', [f32([2], [-1, 3])]).values, [Math.expm1(-1), 3]);
    close(evalOp('Selu', [f32([2], [-1, 1])]).values, [1.0507009873554805 * 1.6732632423543772 * Math.expm1(-1), 1.0507009873554805]);
    close(evalOp('HardSigmoid', [f32([3], [-10, 0, 1])]).values, [0, 0.5, 0.7]);
    close(evalOp('HardSwish', [f32([3], [-4, 0, 1])]).values, [0, 0, 1 * (1 / 6 + 0.5)]);
  });

  it('Gelu: erf form by default, tanh form on request, anything else rejected', () => {
    close(evalOp('Gelu', [f32([2], [1, -1])]).values, [0.8413447461, -0.1586552539]);
    close(evalOp('Gelu', [f32([1], [1])], { approximate: string('tanh') }).values, [0.8411919906]);
    expect(() => evalOp('Gelu', [f32([1], [1])], { approximate: string('fast') })).toThrow(/IR008.*approximate/);
  });

  it('rounds half to even, floors and ceils', () => {
    expect(evalOp('Round', [f32([5], [0.5, 1.5, 2.5, -2.5, 2.6])]).values).toEqual([0, 2, 2, -2, 3]);
    expect(evalOp('Floor', [f32([2], [-1.5, 1.5])]).values).toEqual([-2, 1]);
    expect(evalOp('Ceil', [f32([2], [-1.5, 1.5])]).values).toEqual([-1, 2]);
  });

  it('rejects integer inputs', () => {
    expect(() => inferOp('float', 'Exp', [t('int64', [2])])).toThrow(/IR009.*int64/);
  });
});

describe('Neg, Abs, Sign keep integers exact', () => {
  it('works on floats and int64', () => {
    expect(evalOp('Neg', [i64([2], [3, -4])]).values).toEqual([-3, 4]);
    expect(evalOp('Abs', [f32([2], [-1.5, 2])]).values).toEqual([1.5, 2]);
    expect(evalOp('Sign', [i64([3], [-7, 0, 9])]).values).toEqual([-1, 0, 1]);
    expect(evalOp('Sign', [f32([3], [-0.5, 0, 2])]).values).toEqual([-1, 0, 1]);
  });
});

describe('Clip', () => {
  it('takes attributes before opset 11 and optional inputs after', () => {
    const x = f32([4], [-2, -0.5, 0.5, 2]);
    expect(evalOp('Clip', [x], { min: float(-1), max: float(1) }, 10).values).toEqual([-1, -0.5, 0.5, 1]);
    expect(evalOp('Clip', [x, f32([], [0])], {}, 13).values).toEqual([0, 0, 0.5, 2]);
    expect(evalOp('Clip', [x, undefined, f32([], [0])], {}, 13).values).toEqual([-2, -0.5, 0, 0]);
    expect(evalOp('Clip', [x], {}, 13).values).toEqual([-2, -0.5, 0.5, 2]);
    expect(() => inferOp('float', 'Clip', [t('float32', [2]), t('float32', [])], {}, 1, 10)).toThrow(/attributes before opset 11/);
    expect(() => inferOp('float', 'Clip', [t('float32', [2]), t('float32', [2])])).toThrow(/scalar/);
  });

  it('clips int64 exactly from opset 12', () => {
    expect(evalOp('Clip', [i64([3], [-5, 0, 5]), i64([], [-1]), i64([], [1])], {}, 13).values).toEqual([-1, 0, 1]);
  });
});

describe('variadic Min, Max, Sum, Mean', () => {
  it('broadcasts every input', () => {
    const a = f32([2], [1, 5]);
    const b = f32([2, 1], [3, 0]);
    expect(inferOp('float', 'Max', [t('float32', [2]), t('float32', [2, 1]), t('float32', [])])[0].shape).toEqual([2, 2]);
    expect(evalOp('Max', [a, b]).values).toEqual([3, 5, 1, 5]);
    expect(evalOp('Min', [a, b]).values).toEqual([1, 3, 0, 0]);
    expect(evalOp('Sum', [a, b, f32([], [10])]).values).toEqual([14, 18, 11, 15]);
    expect(evalOp('Mean', [a, b]).values).toEqual([2, 4, 0.5, 2.5]);
    expect(evalOp('Max', [a]).values).toEqual([1, 5]);
    expect(evalOp('Sum', [i64([2], [2 ** 53, 1]), i64([1], [1])]).t.data).toEqual(new BigInt64Array([2n ** 53n + 1n, 2n]));
  });

  it('propagates NaN like numpy', () => {
    expect(evalOp('Max', [f32([1], [NaN]), f32([1], [1])]).values).toEqual([NaN]);
    expect(evalOp('Min', [f32([1], [1]), f32([1], [NaN])]).values).toEqual([NaN]);
  });
});
