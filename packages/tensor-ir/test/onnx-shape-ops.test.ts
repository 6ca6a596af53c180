import { makeTensor, opsFor, tensorValues } from '@onnx-zk/tensor-ir';
import { evalOp, f32, float, i64, inferOp, int, ints, string } from './helpers/ops';

const t = (dtype: 'float32' | 'int64', shape: number[]) => ({ dtype, shape });
const c64 = (values: number[], shape = [values.length]) => ({ dtype: 'int64' as const, shape, const: i64(shape, values) });
const m23 = f32([2, 3], [1, 2, 3, 4, 5, 6]);

describe('Transpose', () => {
  it('reverses axes by default and follows perm', () => {
    expect(evalOp('Transpose', [m23])).toMatchObject({ shape: [3, 2], values: [1, 4, 2, 5, 3, 6] });
    const x = f32([1, 2, 3], [1, 2, 3, 4, 5, 6]);
    expect(evalOp('Transpose', [x], { perm: ints([1, 0, 2]) })).toMatchObject({ shape: [2, 1, 3], values: [1, 2, 3, 4, 5, 6] });
    expect(inferOp('float', 'Transpose', [t('float32', [2, 3, 4])], { perm: ints([2, 0, 1]) })[0].shape).toEqual([4, 2, 3]);
  });
  it('rejects a perm that is not a permutation', () => {
    expect(() => inferOp('float', 'Transpose', [t('float32', [2, 3])], { perm: ints([0, 0]) })).toThrow(/Transpose_0 \(Transpose\): error IR009: .*not a permutation/);
  });
});

describe('Squeeze / Unsqueeze', () => {
  it('takes axes from the attribute (opset < 13) or the input (13+)', () => {
    expect(inferOp('float', 'Squeeze', [t('float32', [1, 3, 1])], { axes: ints([0]) })[0].shape).toEqual([3, 1]);
    expect(inferOp('float', 'Squeeze', [t('float32', [1, 3, 1]), c64([-1])])[0].shape).toEqual([1, 3]);
    expect(inferOp('float', 'Squeeze', [t('float32', [1, 3, 1])])[0].shape).toEqual([3]);
    expect(inferOp('float', 'Unsqueeze', [t('float32', [3]), c64([0, -1])])[0].shape).toEqual([1, 3, 1]);
    expect(inferOp('float', 'Unsqueeze', [t('float32', [2, 3])], { axes: ints([1]) })[0].shape).toEqual([2, 1, 3]);
  });
  it('rejects squeezing a dim that is not 1 and non-constant axes', () => {
    expect(() => inferOp('float', 'Squeeze', [t('float32', [2, 3]), c64([0])])).toThrow(/axis 0 has size 2/);
    expect(() => inferOp('float', 'Unsqueeze', [t('float32', [3]), t('int64', [1])])).toThrow(/graph constant/);
  });
  it('keeps the data', () => {
    expect(evalOp('Unsqueeze', [m23, i64([1], [0])])).toMatchObject({ shape: [1, 2, 3], values: [1, 2, 3, 4, 5, 6] });
  });
});

describe('Concat', () => {
  it('joins along an axis (negative counts from the end)', () => {
    const r = evalOp('Concat', [m23, f32([2, 1], [7, 8])], { axis: int(-1) });
    expect(r).toMatchObject({ shape: [2, 4], values: [1, 2, 3, 7, 4, 5, 6, 8] });
    expect(evalOp('Concat', [m23, m23], { axis: int(0) }).shape).toEqual([4, 3]);
  });
  it('rejects shapes that differ off the axis', () => {
    expect(() => inferOp('float', 'Concat', [t('float32', [2, 3]), t('float32', [3, 3])], { axis: int(1) })).toThrow(/differ outside axis 1/);
  });
});

describe('Split', () => {
  const run = (inputs: (ReturnType<typeof f32> | undefined)[], attrs: Parameters<typeof evalOp>[2], n: number, opset = 13) => {
    const node = { op: 'Split', name: 's', inputs: inputs.map((x, i) => (x ? `i${i}` : '')), outputs: Array.from({ length: n }, (_, i) => `o${i}`), attrs: attrs ?? {}, loc: [] };
    return opsFor('float').Split.evalFloat!(node, inputs, opset).map((o) => [o.shape, tensorValues(o)]);
  };
  it('splits equally, by the split attribute/input, and by num_outputs (last part smaller)', () => {
    const x = f32([5], [1, 2, 3, 4, 5]);
    expect(run([x, i64([2], [2, 3])], {}, 2)).toEqual([[[2], [1, 2]], [[3], [3, 4, 5]]]);
    expect(run([x], { split: ints([4, 1]) }, 2, 11)).toEqual([[[4], [1, 2, 3, 4]], [[1], [5]]]);
    expect(run([x], { num_outputs: int(2) }, 2, 18)).toEqual([[[3], [1, 2, 3]], [[2], [4, 5]]]);
    expect(run([m23], { axis: int(1) }, 3).map((o) => o[1])).toEqual([[1, 4], [2, 5], [3, 6]]);
  });
  it('rejects sizes that do not add up', () => {
    expect(() => inferOp('float', 'Split', [t('float32', [5]), c64([2, 2])], {}, 2)).toThrow(/do not add up/);
  });
});

describe('Slice', () => {
  const x = f32([2, 4], [1, 2, 3, 4, 5, 6, 7, 8]);
  it('slices with inputs (opset 10+), clamping and negative steps', () => {
    expect(evalOp('Slice', [x, i64([2], [0, 1]), i64([2], [1, 1000])])).toMatchObject({ shape: [1, 3], values: [2, 3, 4] });
    expect(evalOp('Slice', [x, i64([1], [-1]), i64([1], [-1000]), i64([1], [1]), i64([1], [-2])])).toMatchObject({ shape: [2, 2], values: [4, 2, 8, 6] });
    expect(evalOp('Slice', [x, i64([1], [3]), i64([1], [1]), i64([1], [1])]).shape).toEqual([2, 0]);
  });
  it('slices with attributes before opset 10', () => {
    expect(evalOp('Slice', [x], { starts: ints([1]), ends: ints([3]), axes: ints([1]) }, 9)).toMatchObject({ shape: [2, 2], values: [2, 3, 6, 7] });
  });
  it('infers from constant bounds and rejects a zero step', () => {
    expect(inferOp('float', 'Slice', [t('float32', [10]), c64([-3]), c64([10])])[0].shape).toEqual([3]);
    expect(() => inferOp('float', 'Slice', [t('float32', [10]), c64([0]), c64([5]), c64([0]), c64([0])])).toThrow(/step of 0/);
  });
});

describe('Gather / GatherElements', () => {
  it('Gather picks slices along the axis, negative indices from the end', () => {
    expect(evalOp('Gather', [m23, i64([2], [2, -3])], { axis: int(1) })).toMatchObject({ shape: [2, 2], values: [3, 1, 6, 4] });
    expect(evalOp('Gather', [m23, i64([], [1])])).toMatchObject({ shape: [3], values: [4, 5, 6] });
    expect(() => evalOp('Gather', [m23, i64([1], [2])])).toThrow(/index 2 is out of range/);
  });
  it('GatherElements indexes element by element', () => {
    const r = evalOp('GatherElements', [f32([2, 2], [1, 2, 3, 4]), i64([2, 2], [0, 0, 1, 0])], { axis: int(1) });
    expect(r).toMatchObject({ shape: [2, 2], values: [1, 1, 4, 3] });
  });
});

describe('Expand / Tile', () => {
  it('Expand broadcasts both ways', () => {
    expect(evalOp('Expand', [f32([3, 1], [1, 2, 3]), i64([2], [1, 2])])).toMatchObject({ shape: [3, 2], values: [1, 1, 2, 2, 3, 3] });
    expect(inferOp('float', 'Expand', [t('float32', [3, 1]), c64([2, 1, 4])])[0].shape).toEqual([2, 3, 4]);
    expect(() => inferOp('float', 'Expand', [t('float32', [3]), c64([2])])).toThrow(/does not broadcast/);
  });
  it('Tile repeats per axis', () => {
    expect(evalOp('Tile', [f32([1, 2], [1, 2]), i64([2], [2, 2])])).toMatchObject({ shape: [2, 4], values: [1, 2, 1, 2, 1, 2, 1, 2] });
  });
});

describe('Pad', () => {
  const x = f32([3], [1, 2, 3]);
  it('pads in constant, edge, reflect and wrap modes; negative pads crop', () => {
    expect(evalOp('Pad', [x, i64([2], [2, 1]), f32([], [9])]).values).toEqual([9, 9, 1, 2, 3, 9]);
    expect(evalOp('Pad', [x, i64([2], [2, 1])], { mode: string('edge') }).values).toEqual([1, 1, 1, 2, 3, 3]);
    expect(evalOp('Pad', [x, i64([2], [2, 2])], { mode: string('reflect') }).values).toEqual([3, 2, 1, 2, 3, 2, 1]);
    expect(evalOp('Pad', [x, i64([2], [1, 1])], { mode: string('wrap') }).values).toEqual([3, 1, 2, 3, 1]);
    expect(evalOp('Pad', [x, i64([2], [-1, 0])]).values).toEqual([2, 3]);
  });
  it('reads pads and value attributes before opset 11, and axes at 18', () => {
    expect(evalOp('Pad', [x], { pads: ints([1, 0]), value: float(-1) }, 10).values).toEqual([-1, 1, 2, 3]);
    const r = evalOp('Pad', [f32([1, 2], [1, 2]), i64([2], [1, 0]), undefined, i64([1], [1])], {}, 18);
    expect(r).toMatchObject({ shape: [1, 3], values: [0, 1, 2] });
  });
});

describe('Shape / Size / ConstantOfShape / Range / Trilu', () => {
  it('Shape slices dims with start/end (clamped), Size counts elements', () => {
    const x = f32([2, 3, 4], new Array(24).fill(0));
    expect(evalOp('Shape', [x])).toMatchObject({ shape: [3], values: [2, 3, 4] });
    expect(evalOp('Shape', [x], { start: int(-2), end: int(10) }).values).toEqual([3, 4]);
    expect(evalOp('Size', [x])).toMatchObject({ shape: [], values: [24] });
  });
  it('ConstantOfShape fills with the value tensor (float32 0 by default)', () => {
    expect(evalOp('ConstantOfShape', [i64([2], [2, 1])])).toMatchObject({ shape: [2, 1], values: [0, 0] });
    const r = evalOp('ConstantOfShape', [i64([1], [3])], { value: { type: 'tensor', value: makeTensor('int64', [1], [7]) } });
    expect(r.t.dtype).toBe('int64');
    expect(r.values).toEqual([7, 7, 7]);
  });
  it('Range counts ceil((limit - start) / delta) steps', () => {
    expect(evalOp('Range', [f32([], [1]), f32([], [2]), f32([], [0.25])]).values).toEqual([1, 1.25, 1.5, 1.75]);
    expect(evalOp('Range', [i64([], [10]), i64([], [4]), i64([], [-3])]).values).toEqual([10, 7]);
    expect(inferOp('float', 'Range', [c64([0], []), c64([5], []), c64([2], [])])[0].shape).toEqual([3]);
  });
  it('Trilu keeps the upper or lower triangle with offset k', () => {
    const x = f32([3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(evalOp('Trilu', [x]).values).toEqual([1, 2, 3, 0, 5, 6, 0, 0, 9]);
    expect(evalOp('Trilu', [x, i64([], [-1])], { upper: int(0) }).values).toEqual([0, 0, 0, 4, 0, 0, 7, 8, 0]);
  });
});
