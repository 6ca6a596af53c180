import { OnnxZkError, bigintValues, makeTensor } from '@onnx-zk/tensor-ir';
import { evalOp, f32, float, inferOp, int } from './helpers/ops';

const t = (dtype: 'float32' | 'float64' | 'int32' | 'int64' | 'int8' | 'uint32', shape: number[]) => ({ dtype, shape });
const f64 = (shape: number[], data: number[]) => makeTensor('float64', shape, data);
const close = (values: number[], expected: number[], digits = 6) => {
  expect(values).toHaveLength(expected.length);
  values.forEach((v, i) => (Object.is(expected[i], -0) || expected[i] === 0 ? expect(Math.abs(v)).toBe(0) : expect(v).toBeCloseTo(expected[i], digits)));
};
/** The IR error a shape rule raises (its code, node and message). */
const inferError = (...args: Parameters<typeof inferOp>): OnnxZkError => {
  try {
    inferOp(...args);
  } catch (e) {
    if (e instanceof OnnxZkError) return e;
    throw e;
  }
  throw new Error('expected the shape rule to fail');
};

describe('Celu', () => {
  it('is x for x ≥ 0 and alpha·(e^(x/alpha) − 1) below', () => {
    close(evalOp('Celu', [f32([4], [2, 0, -1, -30])]).values, [2, 0, Math.E ** -1 - 1, Math.exp(-30) - 1]);
    // alpha = 2: -2 → 2·(e^-1 − 1)
    close(evalOp('Celu', [f32([2], [-2, 3])], { alpha: float(2) }).values, [2 * (Math.E ** -1 - 1), 3]);
  });
  it('accepts float32 only, as the spec constrains it', () => {
    expect(inferOp('float', 'Celu', [t('float32', [2, 3])], {}, 1, 12)).toEqual([{ dtype: 'float32', shape: [2, 3] }]);
    const e = inferError('float', 'Celu', [t('float64', [2])], {}, 1, 12);
    expect(e.code).toBe('IR009');
    expect(e.message).toMatch(/Celu_0 \(Celu\).*dtype float64; expected float32/);
  });
});

describe('Swish', () => {
  it('is x·sigmoid(alpha·x), with alpha 1 by default', () => {
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    close(evalOp('Swish', [f32([3], [0, 1, -1])], {}, 24).values, [0, s(1), -s(-1)]);
    close(evalOp('Swish', [f32([2], [-1, 0.5])], { alpha: float(2) }, 24).values, [-s(-2), 0.5 * s(1)]);
  });
  it('does not overflow for large |x|', () => {
    const r = evalOp('Swish', [f64([2], [1000, -1000])], {}, 24).values;
    expect(r[0]).toBe(1000);
    expect(Math.abs(r[1])).toBe(0);
  });
});

describe('Mish', () => {
  it('is x·tanh(ln(1 + e^x))', () => {
    const m = (x: number) => x * Math.tanh(Math.log(1 + Math.exp(x)));
    close(evalOp('Mish', [f64([4], [0, 1, -1, 3.5])], {}, 22).values, [0, m(1), m(-1), m(3.5)], 12);
    expect(evalOp('Mish', [f64([1], [1])], {}, 18).values[0]).toBeCloseTo(0.8650983882673103, 12);
  });
  it('stays finite for large |x| (softplus without overflow)', () => {
    const r = evalOp('Mish', [f64([2], [1000, -1000])], {}, 22).values;
    expect(r[0]).toBe(1000);
    expect(Math.abs(r[1])).toBe(0);
  });
});

describe('IsInf / IsNaN', () => {
  const x = f32([6], [-Infinity, -1, 0, NaN, Infinity, 3.4e38]);
  it('IsInf detects both infinities by default and honours detect_negative / detect_positive', () => {
    expect(evalOp('IsInf', [x], {}, 20)).toMatchObject({ shape: [6], values: [1, 0, 0, 0, 1, 0] });
    expect(evalOp('IsInf', [x], { detect_negative: int(0) }, 20).values).toEqual([0, 0, 0, 0, 1, 0]);
    expect(evalOp('IsInf', [x], { detect_positive: int(0) }, 10).values).toEqual([1, 0, 0, 0, 0, 0]);
    expect(evalOp('IsInf', [x], { detect_negative: int(0), detect_positive: int(0) }, 10).values).toEqual([0, 0, 0, 0, 0, 0]);
    expect(evalOp('IsInf', [x], {}, 20).t.dtype).toBe('bool');
  });
  it('IsNaN is true only for NaN (infinities are not NaN)', () => {
    expect(evalOp('IsNaN', [x], {}, 20).values).toEqual([0, 0, 0, 1, 0, 0]);
    expect(evalOp('IsNaN', [f64([2], [NaN, -0])], {}, 9).values).toEqual([1, 0]);
  });
  it('output bool tensors of the input shape; integer inputs are rejected', () => {
    for (const op of ['IsInf', 'IsNaN']) {
      expect(inferOp('float', op, [t('float64', [2, 3])], {}, 1, 20)).toEqual([{ dtype: 'bool', shape: [2, 3] }]);
      expect(inferError('float', op, [t('int64', [2])], {}, 1, 20).code).toBe('IR009');
    }
  });
});

describe('Hardmax', () => {
  // [2, 2, 2]: lanes with a tie (7, 7) take the first maximum.
  const x = f32([2, 2, 2], [1, 5, 3, 2, 7, 0, 7, 1]);
  it('from opset 13 marks the first maximum along axis (default −1)', () => {
    expect(evalOp('Hardmax', [x], {}, 13)).toMatchObject({ shape: [2, 2, 2], values: [0, 1, 1, 0, 1, 0, 1, 0] });
    expect(evalOp('Hardmax', [x], { axis: int(1) }, 13).values).toEqual([0, 1, 1, 0, 1, 0, 0, 1]);
    expect(evalOp('Hardmax', [x], { axis: int(0) }, 13).values).toEqual([0, 1, 0, 1, 1, 0, 1, 0]);
    expect(evalOp('Hardmax', [x], { axis: int(-3) }, 13).values).toEqual([0, 1, 0, 1, 1, 0, 1, 0]);
  });
  it('before opset 13 coerces to 2-D at axis (default 1) and marks one element per row', () => {
    // rows [1, 5, 3, 2] and [7, 0, 7, 1]
    expect(evalOp('Hardmax', [x], {}, 11).values).toEqual([0, 1, 0, 0, 1, 0, 0, 0]);
    expect(evalOp('Hardmax', [x], { axis: int(1) }, 1).values).toEqual([0, 1, 0, 0, 1, 0, 0, 0]);
    // axis 0: one row of all 8 elements; the first 7 wins
    expect(evalOp('Hardmax', [x], { axis: int(0) }, 11).values).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
    expect(evalOp('Hardmax', [x], { axis: int(2) }, 11).values).toEqual([0, 1, 1, 0, 1, 0, 1, 0]);
  });
  it('handles equal lanes, −∞ and NaN entries (a NaN counts as the maximum, as numpy argmax)', () => {
    expect(evalOp('Hardmax', [f32([1, 4], [1, NaN, 3, NaN])], {}, 13).values).toEqual([0, 1, 0, 0]);
    expect(evalOp('Hardmax', [f32([1, 3], [2, 2, 2])], {}, 13).values).toEqual([1, 0, 0]);
    expect(evalOp('Hardmax', [f32([1, 3], [-Infinity, -Infinity, -5])], {}, 13).values).toEqual([0, 0, 1]);
  });
  it('rejects an axis outside the rank', () => {
    const e = inferError('float', 'Hardmax', [t('float32', [2, 3])], { axis: int(2) }, 1, 13);
    expect(e.message).toMatch(/Hardmax_0 \(Hardmax\).*axis 2 is out of range for rank 2/);
  });
});

describe('CumSum', () => {
  const axis = (a: number, dtype: 'int32' | 'int64' = 'int32') => makeTensor(dtype, [], dtype === 'int64' ? [BigInt(a)] : [a]);
  const x = f64([3], [1, 2, 3]);
  it('inclusive, exclusive, reverse and exclusive+reverse running sums', () => {
    expect(evalOp('CumSum', [x, axis(0)], {}, 14).values).toEqual([1, 3, 6]);
    expect(evalOp('CumSum', [x, axis(0)], { exclusive: int(1) }, 14).values).toEqual([0, 1, 3]);
    expect(evalOp('CumSum', [x, axis(0)], { reverse: int(1) }, 11).values).toEqual([6, 5, 3]);
    expect(evalOp('CumSum', [x, axis(0)], { exclusive: int(1), reverse: int(1) }, 11).values).toEqual([5, 3, 0]);
  });
  it('sums along the given axis of a matrix (negative counts from the end)', () => {
    const m = f32([2, 3], [1, 2, 3, 4, 5, 6]);
    expect(evalOp('CumSum', [m, axis(0)], {}, 14)).toMatchObject({ shape: [2, 3], values: [1, 2, 3, 5, 7, 9] });
    expect(evalOp('CumSum', [m, axis(1, 'int64')], {}, 14).values).toEqual([1, 3, 6, 4, 9, 15]);
    expect(evalOp('CumSum', [m, axis(-1)], { exclusive: int(1), reverse: int(1) }, 14).values).toEqual([5, 3, 0, 11, 6, 0]);
  });
  it('int64 sums are exact beyond 2^53 and int32 sums wrap like C', () => {
    const big = makeTensor('int64', [3], [2n ** 53n, 1n, 1n]);
    expect(bigintValues(evalOp('CumSum', [big, axis(0)], {}, 14).t)).toEqual([2n ** 53n, 2n ** 53n + 1n, 2n ** 53n + 2n]);
    const i32 = makeTensor('int32', [3], [2147483647, 1, 5]);
    const r = evalOp('CumSum', [i32, axis(0)], {}, 14);
    expect(r.t.dtype).toBe('int32');
    expect(r.values).toEqual([2147483647, -2147483648, -2147483643]);
    const u32 = makeTensor('uint32', [2], [4294967295, 2]);
    expect(evalOp('CumSum', [u32, axis(0)], { exclusive: int(1) }, 14).values).toEqual([0, 4294967295]);
  });
  it('shape rule: same type as x; axis must be a constant in range, x of an allowed dtype', () => {
    const ax = (a: number) => ({ dtype: 'int32' as const, shape: [], const: axis(a) });
    expect(inferOp('float', 'CumSum', [t('float32', [2, 3]), ax(-2)], {}, 1, 14)).toEqual([{ dtype: 'float32', shape: [2, 3] }]);
    expect(inferError('float', 'CumSum', [t('float32', [2, 3]), t('int32', [])], {}, 1, 14).message).toMatch(/CumSum_0 \(CumSum\).*axis input must be a graph constant/);
    expect(inferError('float', 'CumSum', [t('float32', [2, 3]), ax(2)], {}, 1, 14).message).toMatch(/axis 2 is out of range for rank 2/);
    expect(inferError('float', 'CumSum', [t('int8', [2]), ax(0)], {}, 1, 14).message).toMatch(/dtype int8/);
    expect(inferError('float', 'CumSum', [t('float32', [2]), t('float32', [])], {}, 1, 14).message).toMatch(/dtype float32; expected int32 or int64/);
    const twoAxes = { dtype: 'int64' as const, shape: [2], const: makeTensor('int64', [2], [0n, 1n]) };
    expect(inferError('float', 'CumSum', [t('float32', [2, 2]), twoAxes], {}, 1, 14).message).toMatch(/axis must be a scalar/);
  });
});

describe('Det', () => {
  it('determinant of a 2-D matrix (shape [])', () => {
    expect(evalOp('Det', [f32([2, 2], [1, 2, 3, 4])], {}, 22)).toMatchObject({ shape: [], values: [-2] });
    close(evalOp('Det', [f64([3, 3], [2, -3, 1, 2, 0, -1, 1, 4, 5])], {}, 11).values, [49], 10);
  });
  it('is 0 for singular matrices', () => {
    expect(evalOp('Det', [f32([2, 2], [1, 2, 2, 4])], {}, 22).values).toEqual([0]);
    expect(evalOp('Det', [f64([3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9])], {}, 22).values[0]).toBeCloseTo(0, 12);
    expect(evalOp('Det', [f32([2, 2], [0, 0, 0, 0])], {}, 22).values).toEqual([0]);
  });
  it('batched [..., M, M] with row swaps changing the sign', () => {
    const x = f32([2, 1, 2, 2], [2, 0, 0, 3, 0, 1, 1, 0]);
    expect(evalOp('Det', [x], {}, 22)).toMatchObject({ shape: [2, 1], values: [6, -1] });
    expect(inferOp('float', 'Det', [t('float32', [4, 3, 3])], {}, 1, 22)).toEqual([{ dtype: 'float32', shape: [4] }]);
  });
  it('rejects non-square or rank < 2 inputs', () => {
    expect(inferError('float', 'Det', [t('float32', [2, 3])], {}, 1, 22).message).toMatch(/Det_0 \(Det\).*\[\.\.\., M, M\].*\[2,3\]/);
    expect(inferError('float', 'Det', [t('float32', [3])], {}, 1, 22).code).toBe('IR009');
  });
});
