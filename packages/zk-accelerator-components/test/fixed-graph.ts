import { emptyGraph, FixedInfo, Graph, makeTensor, Node, TirFile } from '@onnx-zk/tensor-ir';
import { floorDiv } from '../src';

/**
 * A small hand-built fixed-point graph with sound interval bounds:
 *   x[1,4] → Linear(W1,B1) → Rescale → Relu → Linear(W2) → Rescale → Add(bias) → Reshape → y[2]
 * The first Rescale → Relu pair fuses; `extraConsumer` gives the first Rescale a second consumer.
 */
export function fixedGraph(options: { extraConsumer?: boolean; inputRange?: bigint } = {}): TirFile {
  const g = emptyGraph('tiny', 'fixed', 13);
  const range = options.inputRange ?? 16n;
  const info = (name: string, shape: number[], frac: number, lo: bigint[], hi: bigint[]) => {
    const fixed: FixedInfo = { frac, lo: BigInt64Array.from(lo), hi: BigInt64Array.from(hi) };
    g.values.set(name, { name, dtype: 'int64', shape, fixed });
  };
  const constant = (name: string, shape: number[], frac: number, data: bigint[]) => {
    g.constants.set(name, makeTensor('int64', shape, data));
    info(name, shape, frac, data, data);
  };
  const node = (op: string, name: string, inputs: string[], outputs: string[], attrs: Node['attrs'], loc: string[]) => {
    g.nodes.push({ op, name, inputs, outputs, attrs, loc });
  };
  g.inputs = ['x'];
  info('x', [1, 4], 4, Array(4).fill(-range), Array(4).fill(range));
  const W1 = [5n, -3n, 0n, 7n, 2n, 1n, -8n, 4n, -6n, 3n, 3n, -2n];
  const B1 = [100n, -50n, 0n];
  constant('W1', [4, 3], 4, W1);
  constant('B1', [3], 8, B1);
  const h = linearBounds(Array(4).fill(-range), Array(4).fill(range), W1, B1, 4, 3);
  info('h', [1, 3], 8, h.lo, h.hi);
  node('Linear', 'Gemm_0', ['x', 'W1', 'B1'], ['h'], {}, ['Gemm_0']);
  const hr = { lo: h.lo.map((v) => rescale(v, 4)), hi: h.hi.map((v) => rescale(v, 4)) };
  info('hr', [1, 3], 4, hr.lo, hr.hi);
  node('Rescale', 'Gemm_0_rescale', ['h'], ['hr'], { shift: { type: 'int', value: 4 } }, ['Gemm_0']);
  const a = { lo: hr.lo.map((v) => (v > 0n ? v : 0n)), hi: hr.hi.map((v) => (v > 0n ? v : 0n)) };
  info('a', [1, 3], 4, a.lo, a.hi);
  node('Relu', 'Relu_1', ['hr'], ['a'], {}, ['Relu_1']);
  const W2 = [3n, -1n, -2n, 5n, 1n, 1n];
  constant('W2', [3, 2], 4, W2);
  const o = linearBounds(a.lo, a.hi, W2, null, 3, 2);
  info('o', [1, 2], 8, o.lo, o.hi);
  node('Linear', 'Gemm_2', ['a', 'W2'], ['o'], {}, ['Gemm_2']);
  const or = { lo: o.lo.map((v) => rescale(v, 4)), hi: o.hi.map((v) => rescale(v, 4)) };
  info('or', [1, 2], 4, or.lo, or.hi);
  node('Rescale', 'Gemm_2_rescale', ['o'], ['or'], { shift: { type: 'int', value: 4 } }, ['Gemm_2']);
  constant('bias', [1, 2], 4, [-9n, 12n]);
  info('s', [1, 2], 4, [or.lo[0] - 9n, or.lo[1] + 12n], [or.hi[0] - 9n, or.hi[1] + 12n]);
  node('Add', 'Add_3', ['or', 'bias'], ['s'], {}, ['Add_3']);
  info('y', [2], 4, [or.lo[0] - 9n, or.lo[1] + 12n], [or.hi[0] - 9n, or.hi[1] + 12n]);
  node('Reshape', 'Reshape_4', ['s'], ['y'], { shape: { type: 'ints', value: [2] } }, ['Reshape_4']);
  g.outputs = ['y'];
  if (options.extraConsumer) {
    g.outputs.push('hr2');
    info('hr2', [1, 3], 4, hr.lo, hr.hi);
    node('Reshape', 'Reshape_5', ['hr'], ['hr2'], { shape: { type: 'ints', value: [1, 3] } }, ['Reshape_5']);
  }
  g.metadata['fixed.frac'] = '4';
  return { producer: 'onnx-zk-fxp', graph: g };
}

export function rescale(v: bigint, s: number): bigint {
  return floorDiv(v + (1n << BigInt(s - 1)), 1n << BigInt(s));
}

function linearBounds(lo: bigint[], hi: bigint[], W: bigint[], B: bigint[] | null, k: number, n: number) {
  const out = { lo: [] as bigint[], hi: [] as bigint[] };
  for (let j = 0; j < n; j++) {
    let [l, h] = B ? [B[j], B[j]] : [0n, 0n];
    for (let i = 0; i < k; i++) {
      const [p, q] = [lo[i] * W[i * n + j], hi[i] * W[i * n + j]];
      l += p < q ? p : q;
      h += p < q ? q : p;
    }
    out.lo.push(l);
    out.hi.push(h);
  }
  return out;
}

/** The graph's integer semantics, written plainly, for the end-to-end check. */
export function interpret(g: Graph, x: bigint[]): bigint[] {
  const data = (name: string) => Array.from(g.constants.get(name)!.data as BigInt64Array);
  const lin = (v: bigint[], W: bigint[], B: bigint[] | null, k: number, n: number) =>
    Array.from({ length: n }, (_, j) => v.reduce((acc, vi, i) => acc + vi * W[i * n + j], B ? B[j] : 0n));
  const a = lin(x, data('W1'), data('B1'), 4, 3).map((v) => rescale(v, 4)).map((v) => (v > 0n ? v : 0n));
  const bias = data('bias');
  return lin(a, data('W2'), null, 3, 2).map((v) => rescale(v, 4)).map((v, i) => v + bias[i]);
}
