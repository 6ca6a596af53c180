import { Graph, Node, emptyGraph } from '@onnx-zk/tensor-ir';
import { lowerGraph, quantizeInputs, rules, runInt } from '@onnx-zk/fixedpoint-lowering';
import { captureError } from './helpers/errors';
import { floatGraph, int } from './helpers/float-graph';

/** y = x·W + b with 2 fractional bits, small enough to compute by hand. */
function tinyLinear(bias: number): Graph {
  const src = floatGraph({
    inputs: { x: [1, 2] },
    constants: { W: { shape: [2, 1], data: [0.5, 0.75] }, b: { shape: [1], data: [bias] } },
    nodes: [{ op: 'Gemm', name: 'g', inputs: ['x', 'W', 'b'], outputs: ['y'] }],
    outputs: ['y'],
  });
  return lowerGraph(src, { inputRange: [-4, 4], fracBits: 2, rescaleOutputs: true });
}

const evalOne = (op: string, attrs: Node['attrs'], x: bigint[]) =>
  rules[op].evalInt!({ op, name: 'n', inputs: ['x'], outputs: ['y'], attrs, loc: [] }, [BigInt64Array.from(x)], { inputs: [], outputs: [] })[0];

describe('integer semantics', () => {
  it('Rescale rounds half up, also for negative values', () => {
    // 2.5 → 3, 1.5 → 2, -1.5 → -1, -1.75 → -2, -2.5 → -2, -0.25 → 0
    expect(evalOne('Rescale', { shift: int(1) }, [5n, 3n, -3n])).toEqual([3n, 2n, -1n]);
    expect(evalOne('Rescale', { shift: int(2) }, [-7n, -10n, -1n, 0n])).toEqual([-2n, -2n, 0n, 0n]);
  });

  it('Relu and RescaleRelu', () => {
    expect(evalOne('Relu', {}, [-5n, 0n, 7n])).toEqual([0n, 0n, 7n]);
    expect(evalOne('RescaleRelu', { shift: int(2) }, [-7n, 6n, 9n])).toEqual([0n, 2n, 2n]);
  });

  it('a lowered Gemm computes x·W + b exactly, then rounds the tie 2.5 up', () => {
    const g = tinyLinear(0.375);
    // x = [1.25, -0.5] → [5, -2]; W → [2, 3]; b at frac 4 → 6; acc = 10 - 6 + 6 = 10 (0.625 at frac 4)
    const values = runInt(g, quantizeInputs(g, [[1.25, -0.5]]));
    expect(values.get('x')).toEqual(BigInt64Array.from([5n, -2n]));
    expect(values.get(g.nodes[0].outputs[0])).toEqual(BigInt64Array.from([10n]));
    expect(values.get('y')).toEqual(BigInt64Array.from([3n])); // floor((10 + 2) / 4) = 3 → 0.75
  });

  it('a negative tie rounds up (toward +inf), and input quantization rounds ties away from zero', () => {
    const g = tinyLinear(-0.375); // bias at frac 4 → -6
    // x = [-0.625, 0] → [-3 (the tie -2.5 goes away from zero), 0]; acc = -6 - 6 = -12 → -3
    const exact = runInt(g, quantizeInputs(g, [[-0.625, 0]]));
    expect(exact.get('x')).toEqual(BigInt64Array.from([-3n, 0n]));
    expect(exact.get('y')).toEqual(BigInt64Array.from([-3n]));
    // x = [-0.5, 0] → [-2, 0]; acc = -4 - 6 = -10 (-2.5 at frac 2) → floor(-8 / 4) = -2
    const tie = runInt(g, quantizeInputs(g, [[-0.5, 0]]));
    expect(tie.get(g.nodes[0].outputs[0])).toEqual(BigInt64Array.from([-10n]));
    expect(tie.get('y')).toEqual(BigInt64Array.from([-2n]));
    // x = [-0.5, 0.25] → [-2, 1]; acc = -4 + 3 - 6 = -7 (-1.75) → floor(-5 / 4) = -2
    expect(runInt(g, quantizeInputs(g, [[-0.5, 0.25]])).get('y')).toEqual(BigInt64Array.from([-2n]));
  });

  it('Add applies shift_a and shift_b', () => {
    const g = emptyGraph('add', 'fixed', 13);
    const info = (name: string, frac: number, lo: bigint, hi: bigint) => ({ name, dtype: 'int64' as const, shape: [2], fixed: { frac, lo: BigInt64Array.from([lo, lo]), hi: BigInt64Array.from([hi, hi]) } });
    g.inputs = ['a', 'b'];
    g.values.set('a', info('a', 3, -8n, 8n));
    g.values.set('b', info('b', 1, -8n, 8n));
    g.values.set('y', info('y', 3, -40n, 40n));
    g.nodes = [{ op: 'Add', name: 'add', inputs: ['a', 'b'], outputs: ['y'], attrs: { shift_b: int(2) }, loc: ['add'] }];
    g.outputs = ['y'];
    const values = runInt(g, [BigInt64Array.from([3n, -8n]), BigInt64Array.from([-1n, 8n])]);
    expect(values.get('y')).toEqual(BigInt64Array.from([-1n, 24n]));
  });

  it('returns every value: inputs, constants and node outputs', () => {
    const g = tinyLinear(0.5);
    const values = runInt(g, quantizeInputs(g, [[0, 0]]));
    for (const name of [...g.inputs, ...g.constants.keys(), ...g.nodes.flatMap((n) => n.outputs)]) {
      expect(values.has(name)).toBe(true);
    }
  });

  it('raises an internal error when a value leaves its proven bounds (unsound analysis)', () => {
    const g = tinyLinear(0.375);
    const y = g.values.get('y')!.fixed!;
    y.hi = BigInt64Array.from([0n]);
    expect(() => runInt(g, quantizeInputs(g, [[1.25, -0.5]]))).toThrow(/internal error: unsound bounds: Rescale node 'g.rescale'/);
  });
});

describe('input checks', () => {
  const g = tinyLinear(0);

  it('rejects an input outside the declared range with FP005 naming the input and element', () => {
    const err = captureError(() => quantizeInputs(g, [[1, 4.5]]));
    expect(err.code).toBe('FP005');
    expect(err.message).toContain("input 'x' element 1 = 4.5 is outside [-4, 4]");
  });

  it('rejects raw integers outside the range in runInt too', () => {
    expect(captureError(() => runInt(g, [BigInt64Array.from([0n, 17n])])).code).toBe('FP005');
  });

  it('rejects data of the wrong size or count with FP008', () => {
    expect(captureError(() => quantizeInputs(g, [[1]])).code).toBe('FP008');
    expect(captureError(() => quantizeInputs(g, [[1, 2], [3]])).code).toBe('FP008');
    expect(captureError(() => quantizeInputs(g, [[1, NaN]])).code).toBe('FP008');
  });
});
