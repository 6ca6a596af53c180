import { evalOp, f32, i64, inferOp } from './helpers/ops';

const close = (values: number[], want: number[]) => values.forEach((v, i) => expect(v).toBeCloseTo(want[i], 6));

describe('trigonometric and hyperbolic ops', () => {
  it('apply the float64 function elementwise', () => {
    const x = f32([3], [0, 0.5, -1]);
    close(evalOp('Sin', [x]).values, [0, Math.sin(0.5), Math.sin(-1)]);
    close(evalOp('Cos', [x]).values, [1, Math.cos(0.5), Math.cos(-1)]);
    close(evalOp('Tan', [x]).values, [0, Math.tan(0.5), Math.tan(-1)]);
    close(evalOp('Atan', [x]).values, [0, Math.atan(0.5), -Math.PI / 4]);
    close(evalOp('Cosh', [x]).values, [1, Math.cosh(0.5), Math.cosh(-1)]);
    close(evalOp('Acosh', [f32([2], [1, 2])]).values, [0, Math.acosh(2)]);
  });

  it('accept only float tensors', () => {
    expect(() => inferOp('float', 'Sin', [{ dtype: 'int64', shape: [2] }])).toThrow(/IR009/);
  });
});

describe('PRelu', () => {
  it('scales negatives by a broadcast slope', () => {
    expect(evalOp('PRelu', [f32([2, 2], [-2, 3, -4, 5]), f32([2], [0.5, 0.25])]).values).toEqual([-1, 3, -2, 5]);
    expect(evalOp('PRelu', [f32([3], [-2, 0, 2]), f32([1], [0.1])]).values.map((v) => Math.round(v * 10) / 10)).toEqual([-0.2, 0, 2]);
  });
});

describe('Mod', () => {
  it('takes the divisor sign for integers by default (fmod = 0)', () => {
    expect(evalOp('Mod', [i64([4], [-4, 7, -3, 5]), i64([4], [3, -3, 2, 5])]).values).toEqual([2, -2, 1, 0]);
  });

  it('takes the dividend sign with fmod = 1, for floats too', () => {
    const fmod = { fmod: { type: 'int' as const, value: 1 } };
    expect(evalOp('Mod', [i64([2], [-4, 7]), i64([2], [3, -3])], fmod).values).toEqual([-1, 1]);
    expect(evalOp('Mod', [f32([2], [-4.5, 7.5]), f32([1], [2])], fmod).values).toEqual([-0.5, 1.5]);
  });

  it('rejects float Mod without fmod = 1', () => {
    expect(() => inferOp('float', 'Mod', [{ dtype: 'float32', shape: [1] }, { dtype: 'float32', shape: [1] }])).toThrow(/fmod = 1/);
  });
});
