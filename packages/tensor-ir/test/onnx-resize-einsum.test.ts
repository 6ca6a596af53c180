import { evalOp, f32, float, i64, inferOp, ints, string } from './helpers/ops';

const x12 = f32([1, 1, 2], [1, 2]);
const scales2 = f32([3], [1, 1, 2]);

describe('Resize', () => {
  it('nearest: half_pixel + round_prefer_floor by default, asymmetric + floor on request', () => {
    expect(evalOp('Resize', [x12, undefined, scales2], {}, 19)).toMatchObject({ shape: [1, 1, 4], values: [1, 1, 2, 2] });
    const r = evalOp('Resize', [f32([1, 1, 3], [1, 2, 3]), undefined, f32([3], [1, 1, 0.5])], { coordinate_transformation_mode: string('asymmetric'), nearest_mode: string('ceil') }, 19);
    expect(r.values).toEqual([1]);
  });
  it('linear interpolates (edge-clamped) and align_corners hits the corners', () => {
    expect(evalOp('Resize', [x12, undefined, scales2], { mode: string('linear') }, 19).values).toEqual([1, 1.25, 1.75, 2]);
    const sizes = i64([3], [1, 1, 3]);
    expect(evalOp('Resize', [x12, undefined, undefined, sizes], { mode: string('linear'), coordinate_transformation_mode: string('align_corners') }, 19).values).toEqual([1, 1.5, 2]);
  });
  it('cubic (A = -0.75) keeps the samples and interpolates a ramp exactly away from the edges', () => {
    const r = evalOp('Resize', [f32([1, 1, 4], [1, 2, 3, 4]), undefined, undefined, i64([3], [1, 1, 7])], { mode: string('cubic'), coordinate_transformation_mode: string('align_corners') }, 19);
    const v = r.values.map((y) => Math.round(y * 1e5) / 1e5);
    expect([v[0], v[2], v[3], v[4], v[6]]).toEqual([1, 2, 2.5, 3, 4]); // 2.5 = 1·c0 + 2·c1 + 3·c2 + 4·c3, c = [-3/32, 19/32, 19/32, -3/32]
  });
  it('tf_crop_and_resize extrapolates outside the roi; keep_aspect_ratio_policy scales all axes alike', () => {
    const roi = f32([6], [0, 0, -1, 1, 1, 1]);
    const r = evalOp('Resize', [x12, roi, undefined, i64([3], [1, 1, 3])], { coordinate_transformation_mode: string('tf_crop_and_resize'), mode: string('linear'), extrapolation_value: float(9) }, 19);
    expect(r.values).toEqual([9, 1, 2]);
    const shape = inferOp('float', 'Resize', [{ dtype: 'float32', shape: [1, 1, 2, 4] }, undefined, undefined, { dtype: 'int64', shape: [2], const: i64([2], [2, 2]) }],
      { axes: ints([2, 3]), keep_aspect_ratio_policy: string('not_larger') }, 1, 19)[0].shape;
    expect(shape).toEqual([1, 1, 1, 2]);
  });
  it('opset 10 takes scales as the second input', () => {
    expect(evalOp('Resize', [x12, scales2], {}, 10).values).toEqual([1, 1, 2, 2]);
  });
  it('rejects scales and sizes together', () => {
    expect(() => evalOp('Resize', [x12, undefined, scales2, i64([3], [1, 1, 4])], {}, 19)).toThrow(/exactly one of scales and sizes/);
  });
});

describe('Einsum', () => {
  const a = f32([2, 2], [1, 2, 3, 4]);
  const b = f32([2, 2], [5, 6, 7, 8]);
  const eq = (equation: string) => ({ equation: string(equation) });
  it('multiplies, sums, takes diagonals and transposes', () => {
    expect(evalOp('Einsum', [a, b], eq('ij,jk->ik')).values).toEqual([19, 22, 43, 50]);
    expect(evalOp('Einsum', [a], eq('ii->i')).values).toEqual([1, 4]);
    expect(evalOp('Einsum', [a], eq('ij->'))).toMatchObject({ shape: [], values: [10] });
    expect(evalOp('Einsum', [a], eq('ji')).values).toEqual([1, 3, 2, 4]);
  });
  it('expands ellipses (batch dims) in operands and output', () => {
    const x = f32([2, 1, 2], [1, 2, 3, 4]);
    expect(evalOp('Einsum', [x], eq('...ij->...ji'))).toMatchObject({ shape: [2, 2, 1], values: [1, 2, 3, 4] });
    expect(evalOp('Einsum', [x, a], eq('bij,jk->bik'))).toMatchObject({ shape: [2, 1, 2], values: [7, 10, 15, 22] });
  });
  it('rejects label sizes that disagree', () => {
    expect(() => inferOp('float', 'Einsum', [{ dtype: 'float32', shape: [2, 3] }, { dtype: 'float32', shape: [2, 3] }], eq('ij,jk->ik'))).toThrow(/label 'j' has sizes 3 and 2/);
  });
});
