import { Graph, bigintValues } from '@onnx-zk/tensor-ir';
import { analyzeBounds, lowerGraph, quantizeInputs, runInt } from '@onnx-zk/fixedpoint-lowering';
import { captureError } from './helpers/errors';
import { floatGraph, mlp, rng, uniform } from './helpers/float-graph';

function singleLinear(seed: number): Graph {
  const next = rng(seed);
  return floatGraph({
    inputs: { x: [1, 5] },
    constants: { W: { shape: [5, 3], data: uniform(next, 15, -2, 2) }, b: { shape: [3], data: uniform(next, 3, -1, 1) } },
    nodes: [{ op: 'Gemm', name: 'g', inputs: ['x', 'W', 'b'], outputs: ['y'] }],
    outputs: ['y'],
  });
}

describe('range analysis', () => {
  it('is sound: random inputs in range never leave [lo, hi] of any value', () => {
    const g = lowerGraph(mlp(7, [6, 8, 4]), { inputRange: [-3, 3], fracBits: 12 });
    const next = rng(99);
    for (let trial = 0; trial < 200; trial++) {
      const x = uniform(next, 6, -3, 3);
      if (trial % 10 === 0) x.fill(trial % 20 === 0 ? 3 : -3);
      const values = runInt(g, quantizeInputs(g, [x])); // runInt itself also checks every element
      for (const [name, data] of values) {
        const { lo, hi } = g.values.get(name)!.fixed!;
        data.forEach((v, i) => {
          expect(v >= lo[i] && v <= hi[i]).toBe(true);
        });
      }
    }
  });

  it('is tight for a single Linear: the corner inputs attain every lo and hi', () => {
    const g = lowerGraph(singleLinear(3), { inputRange: [-1, 2], fracBits: 8 });
    const linear = g.nodes[0];
    const w = bigintValues(g.constants.get(linear.inputs[1])!);
    const acc = g.values.get(linear.outputs[0])!.fixed!;
    const xq = g.values.get('x')!.fixed!;
    for (let j = 0; j < 3; j++) {
      const corner = (up: boolean) => BigInt64Array.from({ length: 5 }, (_, k) => ((w[k * 3 + j] >= 0n) === up ? xq.hi[k] : xq.lo[k]));
      expect(runInt(g, [corner(true)]).get(linear.outputs[0])![j]).toBe(acc.hi[j]);
      expect(runInt(g, [corner(false)]).get(linear.outputs[0])![j]).toBe(acc.lo[j]);
    }
  });

  it('bounds Relu at zero and Rescale by rounding both ends', () => {
    const g = lowerGraph(mlp(5, [4, 4, 2]), { inputRange: [-1, 1], fracBits: 10 });
    const [, rescale, relu] = g.nodes;
    const acc = g.values.get(rescale.inputs[0])!.fixed!;
    const h = g.values.get(rescale.outputs[0])!.fixed!;
    const a = g.values.get(relu.outputs[0])!.fixed!;
    for (let i = 0; i < 4; i++) {
      expect(h.lo[i]).toBe((acc.lo[i] + 512n) >> 10n);
      expect(h.hi[i]).toBe((acc.hi[i] + 512n) >> 10n);
      expect(a.lo[i]).toBe(h.lo[i] > 0n ? h.lo[i] : 0n);
      expect(a.hi[i]).toBe(h.hi[i] > 0n ? h.hi[i] : 0n);
    }
  });

  it('rejects a bound beyond 2^62 with FP006 naming the ONNX node and the fix', () => {
    const err = captureError(() => lowerGraph(singleLinear(1), { inputRange: [-1e6, 1e6], fracBits: 30 }));
    expect(err.code).toBe('FP006');
    expect(err.site.node).toBe('g');
    expect(err.site.op).toBe('Gemm');
    expect(err.message).toContain('lower --frac-bits or narrow the input range');
  });

  it('rejects an input range that overflows by itself', () => {
    expect(captureError(() => lowerGraph(singleLinear(1), { inputRange: [-1e12, 1e12], fracBits: 30 })).code).toBe('FP006');
  });

  it('can be re-run on a lowered graph and gives the same bounds', () => {
    const g = lowerGraph(mlp(8, [3, 3, 3]), { inputRange: [-2, 2] });
    const before = g.nodes.map((n) => g.values.get(n.outputs[0])!.fixed!);
    analyzeBounds(g);
    g.nodes.forEach((n, k) => expect(g.values.get(n.outputs[0])!.fixed).toEqual(before[k]));
  });
});
