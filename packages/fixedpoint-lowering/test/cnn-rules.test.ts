import { Attr } from '@onnx-zk/tensor-ir';
import { accuracyReport, lowerGraph } from '@onnx-zk/fixedpoint-lowering';
import { captureError } from './helpers/errors';
import { floatGraph, rng, uniform } from './helpers/float-graph';

const ints = (value: number[]): Attr => ({ type: 'ints', value });

/** x [1, 2, 6, 6] → Conv 3@3x3 (pads 1) → Relu → MaxPool with the given kernel and strides. */
function convReluPool(kernel: number, stride: number) {
  const next = rng(11);
  return floatGraph({
    inputs: { x: [1, 2, 6, 6] },
    constants: { W: { shape: [3, 2, 3, 3], data: uniform(next, 54, -0.5, 0.5) }, B: { shape: [3], data: [0.1, -0.2, 0.05] } },
    nodes: [
      { op: 'Conv', name: 'conv', inputs: ['x', 'W', 'B'], outputs: ['c'], attrs: { kernel_shape: ints([3, 3]), pads: ints([1, 1, 1, 1]) } },
      { op: 'Relu', name: 'relu', inputs: ['c'], outputs: ['r'] },
      { op: 'MaxPool', name: 'pool', inputs: ['r'], outputs: ['y'], attrs: { kernel_shape: ints([kernel, kernel]), strides: ints([stride, stride]) } },
    ],
    outputs: ['y'],
  });
}

const ops = (g: ReturnType<typeof lowerGraph>) => g.nodes.map((n) => n.op);
const data = () => [uniform(rng(5), 72, -1, 1)];

describe('pooling before the activation', () => {
  it('moves a non-overlapping max pool in front of the Rescale and the Relu', () => {
    const src = convReluPool(2, 2);
    const fixed = lowerGraph(src, { inputRange: [-1, 1] });
    expect(ops(fixed)).toEqual(['ConvLinear', 'IndexMap', 'ReduceMax', 'Reshape', 'Rescale', 'Relu']);
    expect(fixed.values.get('y')!.shape).toEqual([1, 3, 3, 3]);
    expect(accuracyReport(src, fixed, data()).maxAbsError).toBeLessThan(1e-4);
  });

  it('keeps the Rescale first when windows overlap (each input would be compared unrescaled several times)', () => {
    const src = convReluPool(3, 1);
    const fixed = lowerGraph(src, { inputRange: [-1, 1] });
    expect(ops(fixed)).toEqual(['ConvLinear', 'Rescale', 'IndexMap', 'ReduceMax', 'Reshape', 'Relu']);
    expect(accuracyReport(src, fixed, data()).maxAbsError).toBeLessThan(1e-4);
  });
});

test('the accuracy report gives every layer it can match its own error', () => {
  const src = convReluPool(3, 1);
  const report = accuracyReport(src, lowerGraph(src, { inputRange: [-1, 1] }), data());
  expect(report.layers.map((l) => [l.node, l.op, l.value])).toEqual([['conv', 'Conv', 'c'], ['pool', 'MaxPool', 'y']]);
  for (const l of report.layers) expect(l.maxAbsError).toBeLessThan(1e-4);
  expect(report.layers[1].maxAbsError).toBe(report.maxAbsError);
});

/** One node on x with constant extra inputs, lowered at 16 bits over x ∈ [−1, 1]: its error against the float op. */
function errorOf(op: string, xShape: number[], consts: Record<string, { shape: number[]; data: number[] }>, attrs: Record<string, Attr>, inputs?: string[]): number {
  const src = floatGraph({ inputs: { x: xShape }, constants: consts, nodes: [{ op, name: 'n', inputs: inputs ?? ['x', ...Object.keys(consts)], outputs: ['y'], attrs }], outputs: ['y'] });
  const n = xShape.reduce((p, q) => p * q, 1);
  return accuracyReport(src, lowerGraph(src, { inputRange: [-1, 1] }), [uniform(rng(9), n, -1, 1)]).maxAbsError;
}

describe('convolution forms the node suite does not cover', () => {
  const w = (shape: number[], seed: number) => ({ shape, data: uniform(rng(seed), shape.reduce((p, q) => p * q, 1), -0.5, 0.5) });
  it.each([
    ['1-D, stride 2, dilation 2', [1, 2, 9], { W: w([3, 2, 3], 1) }, { strides: ints([2]), dilations: ints([2]), pads: ints([1, 2]) }],
    ['3-D with bias', [1, 2, 4, 4, 3], { W: w([2, 2, 2, 2, 2], 2), B: w([2], 3) }, { pads: ints([1, 0, 1, 0, 1, 0]) }],
    ['depthwise (group = C), SAME_LOWER', [1, 3, 5, 5], { W: w([3, 1, 3, 3], 4) }, { group: { type: 'int', value: 3 } as Attr, auto_pad: { type: 'string', value: 'SAME_LOWER' } as Attr }],
    ['two groups of two channels, VALID', [2, 4, 5, 5], { W: w([4, 2, 2, 3], 5) }, { group: { type: 'int', value: 2 } as Attr, auto_pad: { type: 'string', value: 'VALID' } as Attr }],
  ] as const)('Conv %s lowers within 1e-4', (_name, x, consts, attrs) => {
    expect(errorOf('Conv', [...x], consts as never, attrs as never)).toBeLessThan(1e-4);
  });

  it('ConvTranspose with groups, dilations and output_shape lowers within 1e-4', () => {
    const attrs = { group: { type: 'int', value: 2 } as Attr, dilations: ints([2, 1]), strides: ints([2, 2]), output_shape: ints([9, 8]) };
    expect(errorOf('ConvTranspose', [1, 4, 4, 4], { W: w([4, 3, 2, 2], 6), B: w([6], 7) }, attrs)).toBeLessThan(1e-4);
  });

  it.each(['constant', 'reflect', 'edge', 'wrap'])('Pad %s on a feature map moves the data exactly', (mode) => {
    const pads = { shape: [8], data: [0, 0, 1, 2, 0, 0, 2, 1] };
    const value = { shape: [], data: [0.75] };
    const consts = mode === 'constant' ? { pads, value } : { pads };
    const src = floatGraph({ inputs: { x: [1, 2, 3, 3] }, constants: consts as never, nodes: [{ op: 'Pad', name: 'pad', inputs: ['x', ...Object.keys(consts)], outputs: ['y'], attrs: { mode: { type: 'string', value: mode } } }], outputs: ['y'] });
    const fixed = lowerGraph(src, { inputRange: [-1, 1] });
    expect(ops(fixed)).toEqual(['IndexMap']);
    const x = uniform(rng(3), 18, -1, 1).map((v) => Math.round(v * 2 ** 16) / 2 ** 16);
    expect(accuracyReport(src, fixed, [x]).maxAbsError).toBeLessThan(1e-6);
  });
});

describe('convolutional lowering errors name the node', () => {
  it('rejects weights that are computed (FP009)', () => {
    const src = floatGraph({
      inputs: { x: [1, 1, 4, 4], w: [1, 1, 2, 2] },
      nodes: [{ op: 'Conv', name: 'conv_w', inputs: ['x', 'w'], outputs: ['y'] }],
      outputs: ['y'],
    });
    const e = captureError(() => lowerGraph(src, { inputRange: [-1, 1] }));
    expect([e.code, e.site.node, e.site.op]).toEqual(['FP009', 'conv_w', 'Conv']);
    expect(e.message).toContain("the weights W 'w' must be a constant");
  });

  it('rejects MaxPool with its Indices output (FP009)', () => {
    const src = floatGraph({
      inputs: { x: [1, 1, 4, 4] },
      nodes: [{ op: 'MaxPool', name: 'pool_i', inputs: ['x'], outputs: ['y', 'i'], attrs: { kernel_shape: ints([2, 2]) } }],
      outputs: ['y', 'i'],
    });
    const e = captureError(() => lowerGraph(src, { inputRange: [-1, 1] }));
    expect([e.code, e.site.node]).toEqual(['FP009', 'pool_i']);
    expect(e.message).toContain('the Indices output');
  });

  it('rejects a pool window that lies wholly in the padding (FP009)', () => {
    const src = floatGraph({
      inputs: { x: [1, 1, 2, 2] },
      nodes: [{ op: 'MaxPool', name: 'pool_pad', inputs: ['x'], outputs: ['y'], attrs: { kernel_shape: ints([1, 1]), pads: ints([1, 1, 1, 1]) } }],
      outputs: ['y'],
    });
    const e = captureError(() => lowerGraph(src, { inputRange: [-1, 1] }));
    expect([e.code, e.site.node]).toEqual(['FP009', 'pool_pad']);
    expect(e.message).toContain('wholly in the padding');
  });
});
