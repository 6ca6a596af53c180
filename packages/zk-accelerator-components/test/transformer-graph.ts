import { emptyGraph, FixedInfo, geluBounds, makeTensor, Node, TirFile, verifyGraph } from '@onnx-zk/tensor-ir';

export const F = 16;
export const ONE = 1n << BigInt(F);

/** x[2,4] ∈ [−4, 4] → Gelu (erf) → g → Softmax with a [4] mask (entries 1, 2 masked) repeated over the rows → y, frac 16. */
export function transformerGraph(strategy?: string): TirFile {
  const g = emptyGraph('attn', 'fixed', 20);
  const info = (name: string, shape: number[], lo: bigint, hi: bigint) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const fixed: FixedInfo = { frac: F, lo: new BigInt64Array(n).fill(lo), hi: new BigInt64Array(n).fill(hi) };
    g.values.set(name, { name, dtype: 'int64', shape, fixed });
  };
  const [glo, ghi] = geluBounds(-4n * ONE, 4n * ONE, F);
  info('x', [2, 4], -4n * ONE, 4n * ONE);
  info('g', [2, 4], glo, ghi);
  info('y', [2, 4], 0n, ONE);
  const mask = [0n, -(1n << 40n), -(1n << 40n), 0n];
  g.constants.set('mask', makeTensor('int64', [4], mask));
  g.values.set('mask', { name: 'mask', dtype: 'int64', shape: [4], fixed: { frac: F, lo: BigInt64Array.from(mask), hi: BigInt64Array.from(mask) } });
  const attrs: Node['attrs'] = strategy ? { strategy: { type: 'string', value: strategy } } : {};
  g.nodes.push({ op: 'Gelu', name: 'Gelu_0', inputs: ['x'], outputs: ['g'], attrs: { ...attrs }, loc: ['Gelu_0'] });
  g.nodes.push({ op: 'Softmax', name: 'Softmax_1', inputs: ['g', 'mask'], outputs: ['y'], attrs: { ...attrs }, loc: ['Softmax_1'] });
  g.inputs = ['x'];
  g.outputs = ['y'];
  verifyGraph(g);
  return { producer: 'test', graph: g };
}

