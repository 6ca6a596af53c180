import { emptyGraph, makeTensor, runFloat, tensorValues } from '@onnx-zk/tensor-ir';
import { evalOp, f32, i64, inferOp, int, ints } from './helpers/ops';

const t = (dtype: 'float32' | 'int64', shape: number[]) => ({ dtype, shape });
const x23 = () => f32([2, 3], [1, 2, 3, 4, 5, 6]);
const close = (values: number[], want: number[]) => values.forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));

describe('Reduce*', () => {
  it('reads axes from the attribute before opset 13 (ReduceSum) / 18 (others)', () => {
    expect(evalOp('ReduceSum', [x23()], { axes: ints([1]) }, 11)).toMatchObject({ shape: [2, 1], values: [6, 15] });
    expect(evalOp('ReduceMean', [x23()], { axes: ints([0]), keepdims: int(0) }, 13)).toMatchObject({ shape: [3], values: [2.5, 3.5, 4.5] });
    expect(evalOp('ReduceMax', [x23()], {}, 13)).toMatchObject({ shape: [1, 1], values: [6] });
  });

  it('reads axes from the input from then on, with noop_with_empty_axes', () => {
    expect(evalOp('ReduceSum', [x23(), i64([1], [-1])], { keepdims: int(0) }, 13)).toMatchObject({ shape: [2], values: [6, 15] });
    expect(evalOp('ReduceSum', [x23()], {}, 13)).toMatchObject({ shape: [1, 1], values: [21] });
    expect(evalOp('ReduceSum', [x23(), i64([0], [])], { noop_with_empty_axes: int(1) }, 13)).toMatchObject({ shape: [2, 3], values: [1, 2, 3, 4, 5, 6] });
    expect(evalOp('ReduceMin', [x23(), i64([1], [1])], {}, 18).values).toEqual([1, 4]);
    const axes = { dtype: 'int64' as const, shape: [1], const: i64([1], [0]) };
    expect(inferOp('float', 'ReduceProd', [t('float32', [2, 3]), axes], { keepdims: int(0) }, 1, 18)[0].shape).toEqual([3]);
  });

  it('rejects axes given the wrong way, out of range or not constant', () => {
    expect(() => inferOp('float', 'ReduceMean', [t('float32', [2, 3]), t('int64', [1])], {}, 1, 13)).toThrow(/attribute before opset 18/);
    expect(() => inferOp('float', 'ReduceSum', [t('float32', [2, 3]), t('int64', [1])], {}, 1, 13)).toThrow(/graph constant/);
    expect(() => inferOp('float', 'ReduceSum', [t('float32', [2, 3])], { axes: ints([2]) }, 1, 11)).toThrow(/axis 2 is out of range/);
  });

  it('computes each reduction', () => {
    const x = f32([2, 2], [1, -2, 3, -4]);
    const all = { keepdims: int(0) };
    expect(evalOp('ReduceProd', [x], all, 13).values).toEqual([24]);
    expect(evalOp('ReduceSumSquare', [x], all, 13).values).toEqual([30]);
    expect(evalOp('ReduceL1', [x], all, 13).values).toEqual([10]);
    close(evalOp('ReduceL2', [x], all, 13).values, [Math.sqrt(30)]);
    close(evalOp('ReduceLogSumExp', [x], { axes: ints([1]) }, 13).values, [Math.log(Math.exp(1) + Math.exp(-2)), Math.log(Math.exp(3) + Math.exp(-4))]);
    expect(evalOp('ReduceSum', [f32([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8])], { axes: ints([0, 2]) }, 11).values).toEqual([14, 22]);
  });
});

describe('ArgMax / ArgMin', () => {
  const x = () => f32([2, 3], [1, 5, 5, 7, 0, 7]);

  it('returns int64 indices along axis, first or last occurrence', () => {
    expect(inferOp('float', 'ArgMax', [t('float32', [2, 3])], { axis: int(1), keepdims: int(0) })[0]).toEqual({ dtype: 'int64', shape: [2] });
    expect(evalOp('ArgMax', [x()], { axis: int(1) })).toMatchObject({ shape: [2, 1], values: [1, 0] });
    expect(evalOp('ArgMax', [x()], { axis: int(-1), select_last_index: int(1) }).values).toEqual([2, 2]);
    expect(evalOp('ArgMin', [x()], { axis: int(0), keepdims: int(0) })).toMatchObject({ shape: [3], values: [0, 1, 0] });
  });
});

describe('Softmax / LogSoftmax', () => {
  it('normalizes along the last axis from opset 13', () => {
    const r = evalOp('Softmax', [f32([2, 2], [0, Math.log(3), 1000, 1000])], {}, 13);
    close(r.values, [0.25, 0.75, 0.5, 0.5]);
    close(evalOp('LogSoftmax', [f32([1, 2], [0, 0])], {}, 13).values, [-Math.LN2, -Math.LN2]);
    close(evalOp('Softmax', [f32([2, 2], [0, 0, Math.log(3), 0])], { axis: int(0) }, 13).values, [0.25, 0.5, 0.75, 0.5]);
  });

  it('coerces to 2-D at axis (default 1) before opset 13', () => {
    const x = f32([1, 2, 2], [0, 0, 0, 0]);
    close(evalOp('Softmax', [x], {}, 11).values, [0.25, 0.25, 0.25, 0.25]);
    close(evalOp('Softmax', [x], {}, 13).values, [0.5, 0.5, 0.5, 0.5]);
  });

  it('gets the graph opset from the interpreter', () => {
    for (const [opset, want] of [[11, 0.25], [13, 0.5]] as const) {
      const g = emptyGraph('g', 'float', opset);
      g.inputs = ['x'];
      g.outputs = ['y'];
      g.values.set('x', { name: 'x', dtype: 'float32', shape: [1, 2, 2] });
      g.nodes.push({ op: 'Softmax', name: 'sm', inputs: ['x'], outputs: ['y'], attrs: {}, loc: ['sm'] });
      const y = runFloat(g, [makeTensor('float32', [1, 2, 2], [0, 0, 0, 0])]).get('y')!;
      expect(tensorValues(y)).toEqual([want, want, want, want]);
    }
  });
});
