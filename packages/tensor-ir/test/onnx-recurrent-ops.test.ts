import { Attr, Tensor, opsFor, tensorValues } from '@onnx-zk/tensor-ir';
import { f32, i64, inferOp, int, string } from './helpers/ops';

/** Every output of a node. */
function run(op: string, inputs: (Tensor | undefined)[], attrs: Record<string, Attr>, outputs: number, opset = 22): number[][] {
  const node = { op, name: `${op}_0`, inputs: inputs.map((x, i) => (x ? `i${i}` : '')), outputs: Array.from({ length: outputs }, (_, i) => `o${i}`), attrs, loc: [] };
  return opsFor('float')[op].evalFloat!(node, inputs, opset).map(tensorValues);
}

const one = (v: number) => f32([1, 1, 1], [v]);
const zero = one(0);
const strings = (value: string[]): Attr => ({ type: 'strings', value });

describe('RNN', () => {
  // h' = relu(0.5·x + 2·h + 0.1 + 0.4)
  const args = (x: Tensor) => [x, one(0.5), one(2), f32([1, 2], [0.1, 0.4])];
  const attrs = { hidden_size: int(1), activations: strings(['Relu']) };
  it('runs forward and in reverse, returning Y and the last state', () => {
    expect(run('RNN', args(f32([2, 1, 1], [1, 1])), attrs, 2)).toEqual([[1, 3], [3]]);
    expect(run('RNN', args(f32([2, 1, 1], [1, 1])), { ...attrs, direction: string('reverse') }, 2)).toEqual([[3, 1], [3]]);
  });
  it('stops a batch entry at its sequence length (zeros after it) and reads layout 1', () => {
    const x = f32([2, 2, 1], [1, 1, 1, 1]);
    expect(run('RNN', [...args(x), i64([2], [1, 2])], attrs, 2)[0]).toEqual([1, 1, 0, 3]);
    expect(run('RNN', args(f32([1, 2, 1], [1, 1])), { ...attrs, layout: int(1) }, 2)).toEqual([[1, 3], [3]]);
  });
  it('infers [seq, dirs, batch, hidden] and checks W', () => {
    const t = (shape: number[]) => ({ dtype: 'float32' as const, shape });
    const types = inferOp('float', 'RNN', [t([5, 2, 3]), t([2, 4, 3]), t([2, 4, 4])], { hidden_size: int(4), direction: string('bidirectional') }, 2, 22);
    expect(types.map((x) => x.shape)).toEqual([[5, 2, 2, 4], [2, 2, 4]]);
    expect(() => inferOp('float', 'RNN', [t([5, 2, 3]), t([1, 4, 2]), t([1, 4, 4])], { hidden_size: int(4) }, 2, 22)).toThrow(/W must be \[1,4,3\]/);
  });
});

describe('GRU and LSTM with zero weights', () => {
  it('GRU halves the state each step (z = r = 1/2, candidate tanh(0) = 0)', () => {
    const w = f32([1, 3, 1], [0, 0, 0]);
    const r = f32([1, 3, 1], [0, 0, 0]);
    expect(run('GRU', [f32([2, 1, 1], [5, 5]), w, r, undefined, undefined, one(4)], { hidden_size: int(1) }, 2)).toEqual([[2, 1], [1]]);
  });
  it('LSTM: C′ = C / 2 and H′ = tanh(C′) / 2', () => {
    const w = f32([1, 4, 1], [0, 0, 0, 0]);
    const outs = run('LSTM', [zero, w, w, undefined, undefined, zero, one(2)], { hidden_size: int(1) }, 3);
    expect(outs[2]).toEqual([1]);
    expect(outs[1][0]).toBeCloseTo(Math.tanh(1) / 2, 6);
  });
});

describe('TopK / NonZero', () => {
  const x = f32([4], [1, 3, 2, 3]);
  it('TopK keeps the lower index first among equal values', () => {
    expect(run('TopK', [x, i64([1], [2])], {}, 2, 11)).toEqual([[3, 3], [1, 3]]);
    expect(run('TopK', [x, i64([1], [2])], { largest: int(0) }, 2, 11)).toEqual([[1, 2], [0, 2]]);
    expect(run('TopK', [x], { k: int(1) }, 2, 9)).toEqual([[3], [1]]);
  });
  it('NonZero lists coordinates row-major and needs a constant input for its shape', () => {
    expect(run('NonZero', [f32([2, 2], [1, 0, 0, 2])], {}, 1)).toEqual([[0, 1, 0, 1]]);
    expect(() => inferOp('float', 'NonZero', [{ dtype: 'float32', shape: [2] }])).toThrow(/depends on the data/);
  });
});
