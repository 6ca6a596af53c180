import { Attr, Tensor, opsFor, tensorValues } from '@onnx-zk/tensor-ir';
import { evalOp, f32, float, inferOp, int, ints, string } from './helpers/ops';

const t = (shape: number[]) => ({ dtype: 'float32' as const, shape });
const x33 = f32([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
const ones = (shape: number[]) => f32(shape, new Array(shape.reduce((a, b) => a * b, 1)).fill(1));

/** Every output of a node (evalOp returns the first only). */
function evalAll(op: string, inputs: (Tensor | undefined)[], attrs: Record<string, Attr>, outputs: number): number[][] {
  const node = { op, name: `${op}_0`, inputs: inputs.map((x, i) => (x ? `i${i}` : '')), outputs: Array.from({ length: outputs }, (_, i) => `o${i}`), attrs, loc: [] };
  return opsFor('float')[op].evalFloat!(node, inputs, 22).map(tensorValues);
}

describe('Conv', () => {
  it('convolves with pads, strides, bias', () => {
    expect(evalOp('Conv', [x33, ones([1, 1, 2, 2])])).toMatchObject({ shape: [1, 1, 2, 2], values: [12, 16, 24, 28] });
    expect(evalOp('Conv', [x33, ones([1, 1, 2, 2]), f32([1], [1])]).values).toEqual([13, 17, 25, 29]);
    const r = evalOp('Conv', [x33, ones([1, 1, 2, 2])], { pads: ints([1, 1, 1, 1]), strides: ints([2, 2]) });
    expect(r).toMatchObject({ shape: [1, 1, 2, 2], values: [1, 5, 11, 28] });
  });
  it('supports groups, dilations and auto_pad SAME_UPPER / SAME_LOWER', () => {
    expect(evalOp('Conv', [f32([1, 2, 1, 1], [1, 2]), f32([2, 1, 1, 1], [3, 4])], { group: int(2) }).values).toEqual([3, 8]);
    const x = f32([1, 1, 3], [1, 2, 3]);
    expect(evalOp('Conv', [x, ones([1, 1, 2])], { auto_pad: string('SAME_UPPER') }).values).toEqual([3, 5, 3]);
    expect(evalOp('Conv', [x, ones([1, 1, 2])], { auto_pad: string('SAME_LOWER') }).values).toEqual([1, 3, 5]);
    expect(evalOp('Conv', [f32([1, 1, 5], [1, 2, 3, 4, 5]), ones([1, 1, 2])], { dilations: ints([2]) }).values).toEqual([4, 6, 8]);
  });
  it('rejects channel counts that do not fit the group', () => {
    expect(() => inferOp('float', 'Conv', [t([1, 3, 4, 4]), t([2, 2, 1, 1])])).toThrow(/Conv_0 \(Conv\): error IR009: .*group 1/);
  });
});

describe('ConvTranspose', () => {
  const x = f32([1, 1, 2], [1, 2]);
  it('scatters the kernel with strides, pads and output_shape', () => {
    expect(evalOp('ConvTranspose', [x, ones([1, 1, 2])])).toMatchObject({ shape: [1, 1, 3], values: [1, 3, 2] });
    expect(evalOp('ConvTranspose', [x, ones([1, 1, 2])], { strides: ints([2]) }).values).toEqual([1, 1, 2, 2]);
    expect(evalOp('ConvTranspose', [x, ones([1, 1, 2])], { strides: ints([2]), pads: ints([1, 0]) }).values).toEqual([1, 2, 2]);
    expect(inferOp('float', 'ConvTranspose', [t([1, 1, 3, 3]), t([1, 2, 3, 3])], { strides: ints([3, 2]), output_shape: ints([10, 8]) })[0].shape).toEqual([1, 2, 10, 8]);
  });
});

describe('MaxPool', () => {
  it('takes window maxima and their indices (row- or column-major)', () => {
    expect(evalAll('MaxPool', [x33], { kernel_shape: ints([2, 2]) }, 2)).toEqual([[5, 6, 8, 9], [4, 5, 7, 8]]);
    expect(evalAll('MaxPool', [x33], { kernel_shape: ints([2, 2]), storage_order: int(1) }, 2)[1]).toEqual([4, 7, 5, 8]);
  });
  it('honours ceil_mode and never picks padding', () => {
    const x = f32([1, 1, 5], [1, 2, 3, 4, 5]);
    expect(evalOp('MaxPool', [x], { kernel_shape: ints([2]), strides: ints([2]) }).values).toEqual([2, 4]);
    expect(evalOp('MaxPool', [x], { kernel_shape: ints([2]), strides: ints([2]), ceil_mode: int(1) }).values).toEqual([2, 4, 5]);
    expect(evalOp('MaxPool', [f32([1, 1, 3], [-1, -2, -3])], { kernel_shape: ints([3]), pads: ints([1, 1]) }).values).toEqual([-1, -1, -2]);
  });
});

describe('AveragePool and global pools', () => {
  const x = f32([1, 1, 3], [1, 2, 3]);
  const attrs = { kernel_shape: ints([2]), pads: ints([1, 1]) };
  it('divides by the taps in the input, or in input + pads with count_include_pad', () => {
    expect(evalOp('AveragePool', [x], attrs).values).toEqual([1, 1.5, 2.5, 3]);
    expect(evalOp('AveragePool', [x], { ...attrs, count_include_pad: int(1) }).values).toEqual([0.5, 1.5, 2.5, 1.5]);
  });
  it('GlobalAveragePool and GlobalMaxPool reduce the spatial axes', () => {
    const y = f32([1, 2, 2], [1, 2, 3, 5]);
    expect(evalOp('GlobalAveragePool', [y])).toMatchObject({ shape: [1, 2, 1], values: [1.5, 4] });
    expect(evalOp('GlobalMaxPool', [y]).values).toEqual([2, 5]);
  });
});

describe('normalizations', () => {
  it('BatchNormalization (inference) uses the given statistics', () => {
    const r = evalOp('BatchNormalization', [f32([1, 2, 1, 1], [1, 2]), f32([2], [2, 1]), f32([2], [0, 1]), f32([2], [1, 0]), f32([2], [3, 0])], { epsilon: float(1) });
    expect(r.values).toEqual([0, 3]);
  });
  it('BatchNormalization training_mode uses batch statistics and updates the running ones', () => {
    const one = f32([1], [1]);
    const outs = evalAll('BatchNormalization', [f32([2, 1], [1, 3]), one, f32([1], [0]), f32([1], [0]), one], { training_mode: int(1), momentum: float(0.5), epsilon: float(0) }, 3);
    expect(outs).toEqual([[-1, 1], [1], [1]]);
  });
  it('LayerNormalization normalises the trailing axes and returns Mean / InvStdDev', () => {
    const outs = evalAll('LayerNormalization', [f32([1, 2], [1, 3]), f32([2], [2, 3]), f32([2], [1, 1])], { epsilon: float(0) }, 3);
    expect(outs).toEqual([[-1, 4], [2], [1]]);
    const types = inferOp('float', 'LayerNormalization', [t([2, 3, 4]), t([3, 4])], { axis: int(1) }, 3);
    expect(types.map((v) => v.shape)).toEqual([[2, 3, 4], [2, 1, 1], [2, 1, 1]]);
    expect(() => inferOp('float', 'LayerNormalization', [t([2, 3]), t([2])])).toThrow(/does not broadcast/);
  });
  it('InstanceNormalization normalises each [n, c] plane', () => {
    expect(evalOp('InstanceNormalization', [f32([1, 1, 2], [1, 3]), f32([1], [2]), f32([1], [1])], { epsilon: float(0) }).values).toEqual([-1, 3]);
  });
});
