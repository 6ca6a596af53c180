import { opsFor, tensorValues } from '@onnx-zk/tensor-ir';
import { bool, evalOp, f32, float, i64, inferOp, int, ints, string } from './helpers/ops';

const t = (shape: number[]) => ({ dtype: 'float32' as const, shape });

describe('normalizations: RMS, Group, MeanVariance', () => {
  it('RMSNormalization divides by the root mean square of the trailing axes', () => {
    // rms([3, 4]) = sqrt(12.5); scale [1, 2]
    const r = evalOp('RMSNormalization', [f32([1, 2], [3, 4]), f32([2], [1, 2])], { epsilon: float(0) }, 23);
    expect(r.values.map((v) => Math.round(v * 1e5) / 1e5)).toEqual([0.84853, 2.26274]);
  });
  it('GroupNormalization normalises each channel group (per-channel scale from opset 21)', () => {
    const x = f32([1, 2, 2], [1, 3, 10, 12]);
    expect(evalOp('GroupNormalization', [x, f32([2], [1, 1]), f32([2], [0, 5])], { num_groups: int(2), epsilon: float(0) }, 21).values).toEqual([-1, 1, 4, 6]);
    expect(() => inferOp('float', 'GroupNormalization', [t([1, 3, 2]), t([3]), t([3])], { num_groups: int(2) }, 1, 21)).toThrow(/do not split into 2 groups/);
  });
  it('MeanVarianceNormalization uses the given axes', () => {
    expect(evalOp('MeanVarianceNormalization', [f32([2, 2], [1, 3, 5, 5])], { axes: ints([1]) }).values.map(Math.round)).toEqual([-1, 1, 0, 0]);
  });
});

describe('LpPool', () => {
  it('takes the p-norm of each window', () => {
    expect(evalOp('LpPool', [f32([1, 1, 3], [3, 4, 0])], { kernel_shape: ints([2]) }).values).toEqual([5, 4]);
    expect(evalOp('LpPool', [f32([1, 1, 2], [-1, 2])], { kernel_shape: ints([2]), p: int(1) }).values).toEqual([3]);
  });
});

describe('DepthToSpace / SpaceToDepth', () => {
  const x = f32([1, 4, 1, 1], [1, 2, 3, 4]);
  it('DCR and CRD orders, and SpaceToDepth inverts DCR', () => {
    expect(evalOp('DepthToSpace', [x], { blocksize: int(2) })).toMatchObject({ shape: [1, 1, 2, 2], values: [1, 2, 3, 4] });
    const x8 = f32([1, 8, 1, 1], [1, 2, 3, 4, 5, 6, 7, 8]);
    expect(evalOp('DepthToSpace', [x8], { blocksize: int(2) }).values).toEqual([1, 3, 5, 7, 2, 4, 6, 8]);
    expect(evalOp('DepthToSpace', [x8], { blocksize: int(2), mode: string('CRD') }).values).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const s = evalOp('SpaceToDepth', [f32([1, 2, 2, 2], [1, 3, 5, 7, 2, 4, 6, 8])], { blocksize: int(2) });
    expect(s).toMatchObject({ shape: [1, 8, 1, 1], values: [1, 2, 3, 4, 5, 6, 7, 8] });
  });
});

describe('GatherND / ScatterND / ScatterElements', () => {
  const m = f32([2, 2], [1, 2, 3, 4]);
  it('GatherND picks elements or slices, with batch_dims', () => {
    expect(evalOp('GatherND', [m, i64([2, 2], [0, 0, 1, 1])]).values).toEqual([1, 4]);
    expect(evalOp('GatherND', [m, i64([1, 1], [1])])).toMatchObject({ shape: [1, 2], values: [3, 4] });
    expect(evalOp('GatherND', [m, i64([2, 1], [1, 0])], { batch_dims: int(1) }).values).toEqual([2, 3]);
  });
  it('ScatterND replaces or reduces into the addressed elements', () => {
    expect(evalOp('ScatterND', [m, i64([1, 1], [1]), f32([1, 2], [9, 9])]).values).toEqual([1, 2, 9, 9]);
    expect(evalOp('ScatterND', [m, i64([2, 2], [0, 0, 0, 0]), f32([2], [5, 6])], { reduction: string('add') }).values).toEqual([12, 2, 3, 4]);
  });
  it('ScatterElements writes along an axis', () => {
    const r = evalOp('ScatterElements', [m, i64([1, 2], [1, 0]), f32([1, 2], [7, 8])], { axis: int(0) });
    expect(r.values).toEqual([1, 8, 7, 4]);
    expect(evalOp('ScatterElements', [m, i64([1, 1], [-1]), f32([1, 1], [10])], { axis: int(1), reduction: string('max') }).values).toEqual([1, 10, 3, 4]);
  });
});

describe('OneHot / EyeLike / Upsample', () => {
  it('OneHot inserts the depth axis; negative indices count from depth', () => {
    const r = evalOp('OneHot', [i64([2], [1, -1]), f32([], [3]), f32([2], [0, 5])]);
    expect(r).toMatchObject({ shape: [2, 3], values: [0, 5, 0, 0, 0, 5] });
    expect(evalOp('OneHot', [i64([2], [0, 2]), f32([], [3]), f32([2], [0, 1])], { axis: int(0) }).values).toEqual([1, 0, 0, 0, 0, 1]);
  });
  it('EyeLike sets diagonal k in the requested dtype', () => {
    const r = evalOp('EyeLike', [f32([2, 3], [9, 9, 9, 9, 9, 9])], { k: int(1), dtype: int(7) });
    expect(r.t.dtype).toBe('int64');
    expect(r.values).toEqual([0, 1, 0, 0, 0, 1]);
  });
  it('Upsample repeats nearest samples by the scales', () => {
    expect(evalOp('Upsample', [f32([1, 2], [1, 2]), f32([2], [1, 2])], {}, 9).values).toEqual([1, 1, 2, 2]);
    expect(evalOp('Upsample', [f32([1, 2], [1, 2])], { scales: { type: 'floats', value: [1, 1.5] } }, 7).values).toEqual([1, 1, 2]);
  });
});

describe('RotaryEmbedding', () => {
  it('rotates (x_i, x_{i+D/2}) pairs, or adjacent pairs when interleaved, by the cached angle', () => {
    const x = f32([1, 1, 1, 4], [1, 2, 3, 4]);
    const cos = f32([1, 2], [0, 1]);
    const sin = f32([1, 2], [1, 0]);
    // pair 0 rotated by 90°: (1, 3) → (-3, 1); pair 1 unchanged
    expect(evalOp('RotaryEmbedding', [x, cos, sin, i64([1, 1], [0])], {}, 23).values).toEqual([-3, 2, 1, 4]);
    // interleaved pairs (1, 2) → (-2, 1), (3, 4) unchanged
    expect(evalOp('RotaryEmbedding', [x, cos, sin, i64([1, 1], [0])], { interleaved: int(1) }, 23).values).toEqual([-2, 1, 3, 4]);
  });
});

describe('Attention', () => {
  const q = f32([1, 1, 1, 1], [1]);
  const k = f32([1, 1, 2, 1], [0, 0]);
  const v = f32([1, 1, 2, 1], [2, 4]);
  const run = (inputs: Parameters<typeof evalOp>[1], attrs: Parameters<typeof evalOp>[2] = {}) => {
    const node = { op: 'Attention', name: 'a', inputs: inputs.map((x, i) => (x ? `i${i}` : '')), outputs: ['y', 'pk', 'pv', 'qk'], attrs: attrs ?? {}, loc: [] };
    return opsFor('float').Attention.evalFloat!(node, inputs, 23).map(tensorValues);
  };
  it('averages values under equal scores; masks, causality and the cache shift the weights', () => {
    expect(run([q, k, v])[0]).toEqual([3]);
    expect(run([q, k, v, f32([1, 2], [0, -Infinity])])[0]).toEqual([2]);
    expect(run([q, k, v, bool([1, 2], [0, 1])])[0]).toEqual([4]);
    // causal with one past key: the query sees the past key and its own
    const out = run([q, f32([1, 1, 1, 1], [0]), f32([1, 1, 1, 1], [4]), undefined, f32([1, 1, 1, 1], [0]), f32([1, 1, 1, 1], [2])], { is_causal: int(1) });
    expect(out[0]).toEqual([3]);
    expect(out[2]).toEqual([2, 4]);
  });
  it('reports Y, present K/V and QKᵀ shapes for 3-D inputs with grouped heads', () => {
    const types = inferOp('float', 'Attention', [t([1, 3, 8]), t([1, 5, 4]), t([1, 5, 6])], { q_num_heads: int(4), kv_num_heads: int(2) }, 4, 23);
    expect(types.map((x) => x.shape)).toEqual([[1, 3, 12], [1, 2, 5, 2], [1, 2, 5, 3], [1, 4, 3, 5]]);
    expect(() => inferOp('float', 'Attention', [t([1, 3, 8]), t([1, 5, 4]), t([1, 5, 6])], { q_num_heads: int(3), kv_num_heads: int(2) }, 1, 23)).toThrow(/multiple of kv heads/);
  });
});

