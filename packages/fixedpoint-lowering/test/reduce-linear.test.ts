import { Attr, Graph, Node, bigintValues, emptyGraph, inferShapes, makeTensor, numel, onnxOps, quantize } from '@onnx-zk/tensor-ir';
import { accuracyReport, lowerGraph, quantizeInputs, runInt } from '@onnx-zk/fixedpoint-lowering';
import { captureError } from './helpers/errors';
import { rng, uniform } from './helpers/float-graph';

const F = 16;
const ints = (value: number[]): Attr => ({ type: 'ints', value });
const int = (value: number): Attr => ({ type: 'int', value });

interface Case {
  op: 'ReduceMean' | 'ReduceSum';
  opset: number;
  shape: number[];
  /** Listed axes ([] = none listed); as the attribute or the second input, per opset. */
  axes: number[];
  keepdims?: number;
  noop?: number;
}

/** One Reduce node on x, axes the attribute before the op's input opset and a constant input from it. */
function reduceGraph(c: Case): Graph {
  const g = emptyGraph('test', 'float', c.opset);
  g.inputs.push('x');
  g.values.set('x', { name: 'x', dtype: 'float32', shape: c.shape });
  const attrs: Record<string, Attr> = {};
  if (c.keepdims !== undefined) attrs.keepdims = int(c.keepdims);
  if (c.noop !== undefined) attrs.noop_with_empty_axes = int(c.noop);
  const inputs = ['x'];
  if (c.opset >= (c.op === 'ReduceSum' ? 13 : 18)) {
    if (c.axes.length) {
      g.constants.set('axes', makeTensor('int64', [c.axes.length], c.axes.map(BigInt)));
      g.values.set('axes', { name: 'axes', dtype: 'int64', shape: [c.axes.length] });
      inputs.push('axes');
    }
  } else if (c.axes.length) {
    attrs.axes = ints(c.axes);
  }
  g.nodes = [{ op: c.op, name: 'reduce', inputs, outputs: ['y'], attrs, loc: ['reduce'] }];
  g.outputs = ['y'];
  inferShapes(g);
  return g;
}

const data = (c: Case) => [uniform(rng(31), numel(c.shape), -1, 1)];
/** How many input elements reduce into one output. */
const countOf = (c: Case) => (c.noop && !c.axes.length ? 1 : (c.axes.length ? c.axes : c.shape.map((_, i) => i)).reduce((p, a) => p * c.shape[a < 0 ? a + c.shape.length : a], 1));

const CASES: [string, Case][] = [
  ['ReduceMean axes attribute (opset 13), keepdims 1', { op: 'ReduceMean', opset: 13, shape: [2, 3, 4], axes: [1] }],
  ['ReduceMean axes attribute, keepdims 0, negative and two axes', { op: 'ReduceMean', opset: 13, shape: [2, 3, 4], axes: [-1, 0], keepdims: 0 }],
  ['ReduceMean no axes: every axis, keepdims 0', { op: 'ReduceMean', opset: 13, shape: [3, 5], axes: [], keepdims: 0 }],
  ['ReduceMean axes input (opset 18), keepdims 1', { op: 'ReduceMean', opset: 18, shape: [2, 3, 4], axes: [2] }],
  ['ReduceMean axes input (opset 18), keepdims 0', { op: 'ReduceMean', opset: 18, shape: [2, 3, 4], axes: [0, 2], keepdims: 0 }],
  ['ReduceMean as in EZKL\'s multihead_attention (opset 10): [1, 16, 128] over axis 1, keepdims 0', { op: 'ReduceMean', opset: 10, shape: [1, 16, 128], axes: [1], keepdims: 0 }],
  ['ReduceMean [1, 64, 64] → [1, 64, 1]', { op: 'ReduceMean', opset: 13, shape: [1, 64, 64], axes: [-1] }],
  ['ReduceSum axes attribute (opset 11), keepdims 1', { op: 'ReduceSum', opset: 11, shape: [2, 3, 4], axes: [1] }],
  ['ReduceSum axes attribute (opset 11), keepdims 0', { op: 'ReduceSum', opset: 11, shape: [2, 3, 4], axes: [0, -1], keepdims: 0 }],
  ['ReduceSum axes input (opset 13), keepdims 1', { op: 'ReduceSum', opset: 13, shape: [2, 3, 4], axes: [2] }],
  ['ReduceSum axes input (opset 13), keepdims 0', { op: 'ReduceSum', opset: 13, shape: [2, 3, 4], axes: [1, 2], keepdims: 0 }],
  ['ReduceSum no axes input: every axis', { op: 'ReduceSum', opset: 13, shape: [3, 4], axes: [] }],
  ['ReduceSum no axes input with noop_with_empty_axes: the identity', { op: 'ReduceSum', opset: 13, shape: [3, 4], axes: [], noop: 1 }],
];

describe('ReduceMean and ReduceSum lower as one SparseLinear', () => {
  it.each(CASES)('%s: within the quantization error of the float op', (_name, c) => {
    const src = reduceGraph(c);
    const fixed = lowerGraph(src, { inputRange: [-1, 1], rescaleOutputs: true });
    const count = countOf(c);
    // Only 1/count that is not an integer needs a Rescale; ReduceSum never does.
    const integral = c.op === 'ReduceSum' || count === 1;
    expect(fixed.nodes.map((n) => n.op)).toEqual(integral ? ['SparseLinear'] : ['SparseLinear', 'Rescale']);
    expect(fixed.values.get(fixed.outputs[0])!.shape).toEqual(src.values.get('y')!.shape);
    // Inputs rounded to half a quantum each; for the mean, 1/count rounded at f and the final rescale.
    const half = 2 ** -(F + 1);
    const bound = integral ? count * half : (count + 2) * half;
    expect(accuracyReport(src, fixed, data(c)).maxAbsError).toBeLessThanOrEqual(bound * (1 + 1e-9));
  });

  it.each(CASES)('%s: the taps are the columns of the float op probed on basis vectors', (_name, c) => {
    const src = reduceGraph(c);
    const fixed = lowerGraph(src, { inputRange: [-1, 1] });
    const sparse = fixed.nodes.find((n) => n.op === 'SparseLinear')!;
    const index = bigintValues(fixed.constants.get(sparse.inputs[1])!);
    const weight = bigintValues(fixed.constants.get(sparse.inputs[2])!);
    const wFrac = fixed.values.get(sparse.inputs[2])!.fixed!.frac;
    const width = fixed.values.get(sparse.inputs[1])!.shape.slice(-1)[0];
    const node: Node = src.nodes[0];
    const rest = node.inputs.slice(1).map((name) => src.constants.get(name));
    const n = numel(c.shape);
    const probed = new Map<string, bigint>();
    for (let j = 0; j < n; j++) {
      const e = new Float64Array(n);
      e[j] = 1;
      const col = onnxOps[c.op].evalFloat!(node, [makeTensor('float64', c.shape, e), ...rest], c.opset)[0].data as Float64Array;
      col.forEach((v, o) => { if (v !== 0) probed.set(`${o},${j}`, quantize(v, wFrac)); });
    }
    const derived = new Map<string, bigint>();
    index.forEach((i, t) => { if (i >= 0n) derived.set(`${Math.floor(t / width)},${i}`, weight[t]); });
    expect(derived).toEqual(probed);
    expect(wFrac).toBe(c.op === 'ReduceSum' || countOf(c) === 1 ? 0 : F);
  });

  it('ReduceSum is exact: the integer output is the sum of the quantized inputs', () => {
    const c: Case = { op: 'ReduceSum', opset: 13, shape: [2, 3, 4], axes: [1], keepdims: 0 };
    const fixed = lowerGraph(reduceGraph(c), { inputRange: [-1, 1] });
    const x = data(c)[0];
    const y = runInt(fixed, quantizeInputs(fixed, [x])).get(fixed.outputs[0])!;
    const q = x.map((v) => quantize(v, F));
    const expected = [0, 1].flatMap((a) => [0, 1, 2, 3].map((k) => q[a * 12 + k] + q[a * 12 + 4 + k] + q[a * 12 + 8 + k]));
    expect(Array.from(y)).toEqual(expected);
    expect(fixed.values.get(fixed.outputs[0])!.fixed!.frac).toBe(F);
  });

  it('a computed axes input is FP009 naming the node', () => {
    // Built by hand: the float IR itself only accepts constant axes (the frontend folds them).
    const g = emptyGraph('test', 'float', 13);
    g.inputs.push('x', 's');
    g.values.set('x', { name: 'x', dtype: 'float32', shape: [2, 3] });
    g.values.set('s', { name: 's', dtype: 'float32', shape: [1] });
    g.values.set('axes', { name: 'axes', dtype: 'int64', shape: [1] });
    g.values.set('y', { name: 'y', dtype: 'float32', shape: [2, 1] });
    g.nodes = [
      { op: 'Neg', name: 'axis_of', inputs: ['s'], outputs: ['axes'], attrs: {}, loc: ['axis_of'] },
      { op: 'ReduceSum', name: 'rsum', inputs: ['x', 'axes'], outputs: ['y'], attrs: {}, loc: ['rsum'] },
    ];
    g.outputs = ['y'];
    const e = captureError(() => lowerGraph(g, { inputRange: [-1, 1] }));
    expect([e.code, e.site.node, e.site.op]).toEqual(['FP009', 'rsum', 'ReduceSum']);
    expect(e.message).toContain("the axes input 'axes' is computed: it must be a constant");
  });

  it('the mean over an empty set (NaN in float) is FP009 naming the node', () => {
    const src = reduceGraph({ op: 'ReduceMean', opset: 13, shape: [2, 0, 3], axes: [1] });
    const e = captureError(() => lowerGraph(src, { inputRange: [-1, 1] }));
    expect([e.code, e.site.node, e.site.op]).toEqual(['FP009', 'reduce', 'ReduceMean']);
  });
});
