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
