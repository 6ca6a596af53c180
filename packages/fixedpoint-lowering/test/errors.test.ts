import { lowerGraph, parseInputRange, calibrationRange } from '@onnx-zk/fixedpoint-lowering';
import { captureError, captureErrors } from './helpers/errors';
import { floatGraph, int, mlp } from './helpers/float-graph';

describe('lowering errors', () => {
  it('lists every unsupported node at once, with name, op and a hint', () => {
    const src = floatGraph({
      inputs: { x: [1, 4] },
      nodes: [
        { op: 'Softsign', name: 'soft_0', inputs: ['x'], outputs: ['a'], shapes: [[1, 4]] },
        { op: 'Relu', name: 'relu_0', inputs: ['a'], outputs: ['b'], shapes: [[1, 4]] },
        { op: 'Mish', name: 'mish_0', inputs: ['b'], outputs: ['y'], shapes: [[1, 4]] },
      ],
      outputs: ['y'],
    });
    const errors = captureErrors(() => lowerGraph(src, { inputRange: [-1, 1] }));
    expect(errors.map((e) => [e.code, e.site.node, e.site.op])).toEqual([
      ['FP001', 'soft_0', 'Softsign'],
      ['FP001', 'mish_0', 'Mish'],
    ]);
    expect(errors[0].message).toBe(
      'soft_0 (Softsign): error FP001: op is not supported by the fixed-point lowering: float semantics only: no fixed-point rule yet ' +
        '(fix: docs/supported-ops.md lists the ops that lower; rewrite or remove the node)',
    );
  });

  it('rejects a Gemm of two activations (FP002) and reports every failing node', () => {
    const src = floatGraph({
      inputs: { x: [2, 2], y: [2, 2] },
      nodes: [
        { op: 'Gemm', name: 'mm', inputs: ['x', 'y'], outputs: ['a'] },
        { op: 'Gemm', name: 'gm', inputs: ['y', 'x'], outputs: ['b'], attrs: { transA: int(1) } },
        { op: 'Relu', name: 'r', inputs: ['a'], outputs: ['c'] },
      ],
      outputs: ['b', 'c'],
    });
    const errors = captureErrors(() => lowerGraph(src, { inputRange: [-1, 1] }));
    expect(errors.map((e) => [e.code, e.site.node, e.site.op])).toEqual([
      ['FP002', 'mm', 'Gemm'],
      ['FP002', 'gm', 'Gemm'],
    ]);
    expect(errors[0].message).toContain('matrix product of two activations is not supported yet');
  });

  it('rejects transA on an activation and a C that varies along M (FP009)', () => {
    const gemm = (attrs: Record<string, ReturnType<typeof int>>, cShape: number[]) =>
      floatGraph({
        inputs: { x: [2, 2] },
        constants: { W: { shape: [2, 2], data: [1, 2, 3, 4] }, C: { shape: cShape, data: [1, 2, 3, 4].slice(0, cShape[0] * (cShape[1] ?? 1)) } },
        nodes: [{ op: 'Gemm', name: 'g', inputs: ['x', 'W', 'C'], outputs: ['y'], attrs }],
        outputs: ['y'],
      });
    expect(captureError(() => lowerGraph(gemm({ transA: int(1) }, [2]), { inputRange: [-1, 1] })).message).toContain('transA=1');
    expect(captureError(() => lowerGraph(gemm({}, [2, 2]), { inputRange: [-1, 1] })).message).toContain('varies along M');
  });

  it('rejects an Add that broadcasts an activation (FP009)', () => {
    const src = floatGraph({
      inputs: { x: [1, 3], y: [2, 3] },
      nodes: [{ op: 'Add', name: 'add', inputs: ['x', 'y'], outputs: ['z'] }],
      outputs: ['z'],
    });
    expect(captureError(() => lowerGraph(src, { inputRange: [-1, 1] })).code).toBe('FP009');
  });

  it('rejects bad --frac-bits (FP007) and a bad input range (FP004)', () => {
    expect(captureError(() => lowerGraph(mlp(1, [2, 2, 2]), { inputRange: [-1, 1], fracBits: 0 })).code).toBe('FP007');
    expect(captureError(() => lowerGraph(mlp(1, [2, 2, 2]), { inputRange: [-1, 1], fracBits: 2.5 })).code).toBe('FP007');
    expect(captureError(() => lowerGraph(mlp(1, [2, 2, 2]), { inputRange: [1, -1] })).code).toBe('FP004');
    expect(captureError(() => parseInputRange('-8')).code).toBe('FP004');
    expect(captureError(() => parseInputRange('a,b')).code).toBe('FP004');
    expect(captureError(() => parseInputRange(',3')).code).toBe('FP004');
  });

  it('rejects NaN weights (FP010)', () => {
    const src = floatGraph({
      inputs: { x: [1, 2] },
      constants: { W: { shape: [2, 1], data: [1, NaN] } },
      nodes: [{ op: 'MatMul', name: 'mm', inputs: ['x', 'W'], outputs: ['y'] }],
      outputs: ['y'],
    });
    const err = captureError(() => lowerGraph(src, { inputRange: [-1, 1] }));
    expect([err.code, err.site.node]).toEqual(['FP010', 'mm']);
  });
});

describe('input range', () => {
  it('parses lo,hi', () => {
    expect(parseInputRange('-8,8')).toEqual([-8, 8]);
    expect(parseInputRange(' -0.5 , 2.25')).toEqual([-0.5, 2.25]);
    expect(parseInputRange([0, 1])).toEqual([0, 1]);
  });

  it('calibrates to max |x| rounded up to a power of two, symmetric', () => {
    expect(calibrationRange([[1.5417295, 0.5346153, 1.2172532]])).toEqual([-2, 2]);
    expect(calibrationRange([[0.1], [-4]])).toEqual([-4, 4]);
    expect(calibrationRange([[0.3, -0.2]])).toEqual([-0.5, 0.5]);
    expect(calibrationRange([[0, 0]])).toEqual([-1, 1]);
    expect(calibrationRange([[5]])).toEqual([-8, 8]);
  });
});
