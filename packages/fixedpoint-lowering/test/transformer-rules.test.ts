import { Node, bigintValues, makeTensor, runFloat, tensorValues, verifyGraph } from '@onnx-zk/tensor-ir';
import { accuracyReport, lowerGraph, quantizeInputs, rules, runInt } from '@onnx-zk/fixedpoint-lowering';
import { captureError } from './helpers/errors';
import { float, floatGraph, rng, uniform } from './helpers/float-graph';

const node = (op: string, attrs: Record<string, number> = {}): Node => ({
  op, name: `${op}_0`, inputs: ['x'], outputs: ['y'], loc: [`${op}_0`],
  attrs: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, { type: 'int' as const, value: v }])),
});
const types = (inShape: number[], outShape: number[]) => ({
  inputs: [{ name: 'x', dtype: 'int64' as const, shape: inShape }], outputs: [{ name: 'y', dtype: 'int64' as const, shape: outShape }],
});
const b = (vs: number[]) => BigInt64Array.from(vs.map(BigInt));
const big = (vs: number[]) => vs.map(BigInt);

describe('fixed rules of the transformer building blocks', () => {
  it('ReduceMax: the max of each row, ties included; bounds are the row max of lo and of hi', () => {
    const n = node('ReduceMax');
    expect(rules.ReduceMax.evalInt!(n, [b([3, -1, 3, -5, -5, -7])], types([2, 3], [2, 1]))).toEqual([big([3, -5])]);
    const iv = rules.ReduceMax.bounds!(n, [{ lo: big([0, -4, 1, 2]), hi: big([5, 9, 1, 3]) }], types([2, 2], [2, 1]));
    expect(iv).toEqual([{ lo: big([0, 2]), hi: big([9, 3]) }]);
  });

  it('Clip: clamps values and bounds', () => {
    const n = node('Clip', { low: -2, high: 3 });
    expect(rules.Clip.evalInt!(n, [b([-9, -2, 0, 3, 9])], types([5], [5]))).toEqual([big([-2, -2, 0, 3, 3])]);
    expect(rules.Clip.bounds!(n, [{ lo: big([-9, 1]), hi: big([0, 7]) }], types([2], [2]))).toEqual([{ lo: big([-2, 1]), hi: big([0, 3]) }]);
  });

  it('Reciprocal rounds half up and is decreasing; bounds below 1 are FP013', () => {
    const n = node('Reciprocal', { shift: 4 });
    expect(rules.Reciprocal.evalInt!(n, [b([1, 3, 32, 33, 16])], types([5], [5]))).toEqual([big([16, 5, 1, 0, 1])]);
    expect(rules.Reciprocal.bounds!(n, [{ lo: big([2]), hi: big([8]) }], types([1], [1]))).toEqual([{ lo: big([2]), hi: big([8]) }]);
    expect(captureError(() => rules.Reciprocal.bounds!(n, [{ lo: big([0]), hi: big([8]) }], types([1], [1]))).code).toBe('FP013');
  });

  it('Rsqrt is floor(√(2^shift / x)); decreasing bounds; FP013 below 1', () => {
    const n = node('Rsqrt', { shift: 8 });
    expect(rules.Rsqrt.evalInt!(n, [b([1, 4, 5, 256, 257])], types([5], [5]))).toEqual([big([16, 8, 7, 1, 0])]);
    expect(rules.Rsqrt.bounds!(n, [{ lo: big([4]), hi: big([64]) }], types([1], [1]))).toEqual([{ lo: big([2]), hi: big([8]) }]);
    expect(captureError(() => rules.Rsqrt.bounds!(n, [{ lo: big([-1]), hi: big([8]) }], types([1], [1]))).code).toBe('FP013');
  });
});

describe('lowering attention-style products and LayerNorm', () => {
  const next = rng(7);
  const d = 4;
  const src = () => floatGraph({
    inputs: { q: [2, 3], k: [3, d] },
    constants: { S: { shape: [d], data: [1, 0.5, -2, 1.5] }, B: { shape: [d], data: [0, 0.25, -1, 0.5] } },
    nodes: [
      { op: 'MatMul', name: 'qk', inputs: ['q', 'k'], outputs: ['s'] },
      { op: 'LayerNormalization', name: 'ln', inputs: ['s', 'S', 'B'], outputs: ['y'], attrs: { epsilon: float(1e-5) } },
    ],
    outputs: ['y'],
  });

  it('MatMul of two activations → fixed MatMul + Rescale; LayerNormalization → LayerNormalization + Rescale', () => {
    const g = lowerGraph(src(), { inputRange: [-2, 2], fracBits: 12, rescaleOutputs: true });
    verifyGraph(g);
    expect(g.nodes.map((n) => n.op)).toEqual(['MatMul', 'Rescale', 'LayerNormalization', 'Rescale']);
    expect(g.nodes[2].attrs).toEqual({ eps: { type: 'int', value: Math.round(1e-5 * 2 ** 24) }, shift: { type: 'int', value: 48 } });
  });

  it('the integer pipeline tracks the float reference (error < 1e-2 at 12 fractional bits)', () => {
    const g = lowerGraph(src(), { inputRange: [-2, 2], fracBits: 12, rescaleOutputs: true });
    for (let round = 0; round < 5; round++) {
      const [q, k] = [uniform(next, 6, -2, 2), uniform(next, 3 * d, -2, 2)];
      const float32 = runFloat(src(), [makeTensor('float32', [2, 3], q), makeTensor('float32', [3, d], k)]).get('y')!;
      const ints = runInt(g, quantizeInputs(g, [q, k])).get(g.outputs[0])!;
      const real = Array.from(bigintValues(makeTensor('int64', [2, d], ints)), (v) => Number(v) / 2 ** 12);
      tensorValues(float32).forEach((v, i) => expect(Math.abs(real[i] - v)).toBeLessThan(1e-2));
    }
  });
});

describe('Where with a constant condition moves data (an attention mask filled with −10, EZKL-style)', () => {
  const cond = { shape: [2, 3], data: [1, 0, 0, 1, 1, 0], dtype: 'bool' as const };
  const lowered = (inputs: string[], consts: Record<string, { shape: number[]; data: number[]; dtype?: 'bool' }>, xs: Record<string, number[]>) => {
    const src = floatGraph({ inputs: xs, constants: consts, nodes: [{ op: 'Where', name: 'mask', inputs, outputs: ['z'] }], outputs: ['z'] });
    return { src, fixed: lowerGraph(src, { inputRange: [-1, 1] }) };
  };

  it('Where(cond, x, −10) and Where(cond, x, y) lower to one IndexMap, exact on the grid', () => {
    const q = (v: number[]) => v.map((u) => Math.round(u * 2 ** 16) / 2 ** 16);
    const x = q(uniform(rng(4), 6, -1, 1));
    const y = q(uniform(rng(5), 6, -1, 1));
    const fill = lowered(['c', 'x', 'f'], { c: cond, f: { shape: [], data: [-10] } }, { x: [2, 3] });
    expect(fill.fixed.nodes.map((n) => n.op)).toEqual(['IndexMap']);
    expect(accuracyReport(fill.src, fill.fixed, [x]).maxAbsError).toBe(0);
    const both = lowered(['c', 'x', 'y'], { c: cond }, { x: [2, 3], y: [2, 3] });
    expect(both.fixed.nodes.map((n) => n.op)).toEqual(['IndexMap']);
    expect(accuracyReport(both.src, both.fixed, [x, y]).maxAbsError).toBe(0);
  });

  it('a computed condition is FP009 naming the node (a private selector is not lowered yet)', () => {
    const src = floatGraph({
      inputs: { x: [2, 3], y: [2, 3], c: [2, 3] },
      nodes: [{ op: 'Greater', name: 'gt', inputs: ['c', 'x'], outputs: ['cb'] }, { op: 'Where', name: 'sel', inputs: ['cb', 'x', 'y'], outputs: ['z'] }],
      outputs: ['z'],
    });
    const e = captureError(() => lowerGraph(src, { inputRange: [-1, 1] }));
    expect(e.code).toMatch(/^FP00[19]$/);
  });
});

describe('Div by a constant (attention\'s 1/√d scale)', () => {
  it('lowers as a scaling by the reciprocal, within 1e-4; a computed divisor is FP009 naming the node', () => {
    const src = floatGraph({ inputs: { x: [2, 4] }, constants: { d: { shape: [], data: [2.8284271] } }, nodes: [{ op: 'Div', name: 'scale', inputs: ['x', 'd'], outputs: ['z'] }], outputs: ['z'] });
    const fixed = lowerGraph(src, { inputRange: [-1, 1] });
    expect(accuracyReport(src, fixed, [uniform(rng(7), 8, -1, 1)]).maxAbsError).toBeLessThan(1e-4);
    const computed = floatGraph({ inputs: { x: [2, 4], y: [2, 4] }, nodes: [{ op: 'Div', name: 'ratio', inputs: ['x', 'y'], outputs: ['z'] }], outputs: ['z'] });
    const e = captureError(() => lowerGraph(computed, { inputRange: [-1, 1] }));
    expect([e.code, e.site.node, e.site.op]).toEqual(['FP009', 'ratio', 'Div']);
    expect(e.message).toContain("the divisor 'y' must be a constant");
  });
});

describe('the linear elementwise ops: Neg, Sub, Sum and Mean of activations', () => {
  const xs = { a: [2, 3], b: [2, 3], c: [2, 3] };
  const data = () => ['a', 'b', 'c'].map((_, k) => uniform(rng(20 + k), 6, -1, 1));
  it.each([
    ['Neg', ['a']], ['Sub', ['a', 'b']], ['Sum', ['a', 'b', 'c']], ['Mean', ['a', 'b', 'c']],
  ] as const)('%s of activations is one SparseLinear (the rescale of Mean is elided at a graph output), within 1e-4', (op, inputs) => {
    const src = floatGraph({ inputs: xs, nodes: [{ op, name: 'lin', inputs: [...inputs], outputs: ['z'] }], outputs: ['z'] });
    const fixed = lowerGraph(src, { inputRange: [-1, 1] });
    expect(fixed.nodes.map((n) => n.op).filter((o) => o !== 'IndexMap')).toEqual(['SparseLinear']);
    expect(accuracyReport(src, fixed, data()).maxAbsError).toBeLessThan(1e-4);
  });

  it('an activation broadcast to the output is FP009 naming the node', () => {
    const src = floatGraph({ inputs: { a: [2, 3], b: [1, 3] }, nodes: [{ op: 'Sub', name: 'bsub', inputs: ['a', 'b'], outputs: ['z'] }], outputs: ['z'] });
    const e = captureError(() => lowerGraph(src, { inputRange: [-1, 1] }));
    expect([e.code, e.site.node, e.site.op]).toEqual(['FP009', 'bsub', 'Sub']);
  });
});
