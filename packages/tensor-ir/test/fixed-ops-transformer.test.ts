import { Attr, emptyGraph, fixedOps, inferContext } from '@onnx-zk/tensor-ir';
import { i64, inferOp, int, Operand } from './helpers/ops';

const x = (shape: number[], frac = 4): Operand => ({ dtype: 'int64', shape, fixed: { frac } });
const c = (shape: number[], frac = 4): Operand => ({ ...x(shape, frac)!, const: i64(shape, new Array(shape.reduce((a, b) => a * b, 1)).fill(1)) });

/** Runs an op's frac rule on operands given by type. */
function fracOf(op: string, operands: Operand[], attrs: Record<string, Attr> = {}): number[] {
  const g = emptyGraph('t', 'fixed', 13);
  const inputs = operands.map((o, i) => {
    if (!o) return '';
    const name = `in${i}`;
    g.values.set(name, { name, dtype: o.dtype, shape: o.shape, fixed: { frac: o.fixed!.frac, lo: new BigInt64Array(1), hi: new BigInt64Array(1) } });
    return name;
  });
  const node = { op, name: `${op}_0`, inputs, outputs: ['out0'], attrs, loc: [`${op}_0`] };
  return fixedOps[op].fracRule!(inferContext(g, node));
}

describe('transformer building blocks in the fixed dialect', () => {
  it('ReduceMax keeps the last axis as 1 and the frac', () => {
    expect(inferOp('fixed', 'ReduceMax', [x([2, 3, 5])])[0].shape).toEqual([2, 3, 1]);
    expect(fracOf('ReduceMax', [x([5], 7)])).toEqual([7]);
    expect(() => inferOp('fixed', 'ReduceMax', [x([2, 0])])).toThrow(/non-empty last axis/);
  });

  it('Clip needs low <= high', () => {
    expect(inferOp('fixed', 'Clip', [x([4])], { low: int(-3), high: int(3) })[0].shape).toEqual([4]);
    expect(() => inferOp('fixed', 'Clip', [x([4])], { low: int(3), high: int(2) })).toThrow(/low 3 must not exceed high 2/);
    expect(() => inferOp('fixed', 'Clip', [x([4])], { low: int(3) })).toThrow(/missing required attribute 'high'/);
  });

  it('Reciprocal has frac shift − f(x); Rsqrt (shift − f(x)) / 2, which must be whole', () => {
    expect(fracOf('Reciprocal', [x([3], 8)], { shift: int(24) })).toEqual([16]);
    expect(() => fracOf('Reciprocal', [x([3], 8)], { shift: int(4) })).toThrow(/IR017/);
    expect(fracOf('Rsqrt', [x([3], 8)], { shift: int(40) })).toEqual([16]);
    expect(() => fracOf('Rsqrt', [x([3], 8)], { shift: int(41) })).toThrow(/IR017.*must be even/);
    expect(inferOp('fixed', 'Rsqrt', [x([2, 2])], { shift: int(8) })[0].shape).toEqual([2, 2]);
  });

  it('MatMul of activations: batched or shared B, optional constant bias; frac f(A) + f(B)', () => {
    expect(inferOp('fixed', 'MatMul', [x([2, 3, 4]), x([2, 4, 5])])[0].shape).toEqual([2, 3, 5]);
    expect(inferOp('fixed', 'MatMul', [x([2, 3, 4]), x([4, 5]), c([5], 8)])[0].shape).toEqual([2, 3, 5]);
    expect(() => inferOp('fixed', 'MatMul', [x([2, 3, 4]), x([3, 4, 5])])).toThrow(/must be \[K, N\] or \[2,K,N\]/);
    expect(() => inferOp('fixed', 'MatMul', [x([3, 4]), x([3, 5])])).toThrow(/K = 4 rows/);
    expect(() => inferOp('fixed', 'MatMul', [x([3, 4]), x([4, 5]), x([5])])).toThrow(/bias \(in2\) must be a constant/);
    expect(fracOf('MatMul', [x([3, 4], 6), x([4, 5], 5)])).toEqual([11]);
    expect(() => fracOf('MatMul', [x([3, 4], 6), x([4, 5], 5), x([5], 6)])).toThrow(/IR017.*bias has frac 6/);
  });

  it('LayerNormalization: constant gamma/beta [D], eps >= 1, frac shift/2 + f(gamma)', () => {
    const attrs = { eps: int(1), shift: int(40) };
    expect(inferOp('fixed', 'LayerNormalization', [x([2, 8]), c([8]), c([8])], attrs)[0].shape).toEqual([2, 8]);
    expect(() => inferOp('fixed', 'LayerNormalization', [x([2, 8]), x([8])], attrs)).toThrow(/in1 must be a constant/);
    expect(() => inferOp('fixed', 'LayerNormalization', [x([2, 8]), c([4])], attrs)).toThrow(/must be \[8\]/);
    expect(() => inferOp('fixed', 'LayerNormalization', [x([8]), c([8])], { eps: int(0), shift: int(4) })).toThrow(/IR008.*eps/);
    expect(fracOf('LayerNormalization', [x([8], 8), x([8], 6)], attrs)).toEqual([26]);
    expect(() => fracOf('LayerNormalization', [x([8], 8), x([8], 6), x([8], 6)], attrs)).toThrow(/IR017.*beta has frac 6/);
  });
});
