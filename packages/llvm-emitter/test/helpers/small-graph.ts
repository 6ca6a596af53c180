import { Attr, emptyGraph, FixedInfo, Graph, Node, numel, TirFile } from '@onnx-zk/tensor-ir';
import { gadgets } from '@onnx-zk/zk-accelerator-components';

/**
 * A hand-built accel graph exercising every gadget (values worked out by hand in
 * native-run.test.ts):
 *
 *   x [2,2] f2 ─range_check
 *   h = Linear(x, W1 [2,3] f2, B1 [3] f4)           f4   Gemm_0      linear
 *   r = RescaleRelu(h, shift 2)                      f2   Relu_1      rescale_relu (loc Gemm_0, Relu_1)
 *   g = Linear(r, W2 [3,1] f2)                       f4   Gemm_2      linear (no bias → null)
 *   s = Rescale(g, shift 2)                          f2   Rescale_2   rescale
 *   a = Add(s, cst [2,1] f2)                         f2   Add_3       add_const
 *   rl = Relu(a)                                     f2   Relu_4      relu
 *   ad = Add(g, rl, shift_b 2)                       f4   Add_5       add
 *   y = Reshape(ad, [2])                             f4   Reshape_6   copy
 */
export const INPUT_RANGE = { lo: -8n, hi: 7n };
/** Bounds given to every intermediate value: loose but sound for the inputs used in the tests. */
export const LOOSE = { lo: -1000n, hi: 1000n };

export interface GraphTweaks {
  /** Override the bounds of one value (to provoke a native bounds violation). */
  bounds?: Record<string, { lo: bigint; hi: bigint }>;
  /** Value names to use instead of the short ones (to test symbol sanitizing). */
  rename?: Record<string, string>;
}

export function smallAccelFile(tweaks: GraphTweaks = {}): TirFile {
  const g = emptyGraph('small_mlp', 'accel', 13);
  const n = (v: string) => tweaks.rename?.[v] ?? v;
  addValues(g, n, tweaks);
  addNodes(g, n);
  return { producer: 'zk-accelerator-components', graph: g };
}

function addValues(g: Graph, n: (v: string) => string, tweaks: GraphTweaks): void {
  const fixed = (shape: number[], frac: number, b: { lo: bigint; hi: bigint }): FixedInfo => ({
    frac,
    lo: new BigInt64Array(numel(shape)).fill(b.lo),
    hi: new BigInt64Array(numel(shape)).fill(b.hi),
  });
  const value = (v: string, shape: number[], frac: number, b = LOOSE) => {
    g.values.set(n(v), { name: n(v), dtype: 'int64', shape, fixed: fixed(shape, frac, tweaks.bounds?.[v] ?? b) });
  };
  const constant = (v: string, shape: number[], frac: number, data: number[]) => {
    const arr = BigInt64Array.from(data.map(BigInt));
    g.constants.set(n(v), { dtype: 'int64', shape, data: arr });
    g.values.set(n(v), { name: n(v), dtype: 'int64', shape, fixed: { frac, lo: arr.slice(), hi: arr.slice() } });
  };
  value('x', [2, 2], 2, INPUT_RANGE);
  g.inputs.push(n('x'));
  constant('W1', [2, 3], 2, [1, -2, 3, 2, 1, -1]);
  constant('B1', [3], 4, [2, 5, 0]);
  constant('W2', [3, 1], 2, [-3, 1, 2]);
  constant('cst', [2, 1], 2, [1, -1]);
  value('h', [2, 3], 4);
  value('r', [2, 3], 2, { lo: 0n, hi: 250n });
  value('g', [2, 1], 4);
  value('s', [2, 1], 2);
  value('a', [2, 1], 2);
  value('rl', [2, 1], 2, { lo: 0n, hi: 1000n });
  value('ad', [2, 1], 4);
  value('y', [2], 4);
  g.outputs.push(n('y'));
}

function addNodes(g: Graph, n: (v: string) => string): void {
  const node = (name: string, op: string, gadget: string, ins: string[], outs: string[], attrs: Record<string, Attr> = {}, loc = [name]) => {
    const all: Record<string, Attr> = {
      ...attrs,
      gadget: { type: 'string', value: gadget },
      strategy: { type: 'string', value: gadgets[gadget].strategies[0] },
      cost_constraints: { type: 'int', value: 0 },
      cost_wires: { type: 'int', value: 0 },
    };
    const nd: Node = { op, name, inputs: ins.map(n), outputs: outs.map(n), attrs: all, loc };
    g.nodes.push(nd);
  };
  const shift = (v: number): Attr => ({ type: 'int', value: v });
  node('RangeCheck_x', 'RangeCheck', 'range_check', ['x'], [], {}, ['x']);
  node('Gemm_0', 'Linear', 'linear', ['x', 'W1', 'B1'], ['h']);
  node('Relu_1', 'RescaleRelu', 'rescale_relu', ['h'], ['r'], { shift: shift(2) }, ['Gemm_0', 'Relu_1']);
  node('Gemm_2', 'Linear', 'linear', ['r', 'W2'], ['g']);
  node('Rescale_2', 'Rescale', 'rescale', ['g'], ['s'], { shift: shift(2) }, ['Gemm_2']);
  node('Add_3', 'Add', 'add_const', ['s', 'cst'], ['a']);
  node('Relu_4', 'Relu', 'relu', ['a'], ['rl']);
  node('Add_5', 'Add', 'add', ['g', 'rl'], ['ad'], { shift_b: shift(2) });
  node('Reshape_6', 'Reshape', 'copy', ['ad'], ['y'], { shape: { type: 'ints', value: [2] } });
}

/** The same graph as a stage fixed file (no gadget attributes), for the wrong-stage error. */
export function asFixed(file: TirFile): TirFile {
  const strip = (attrs: Record<string, Attr>) =>
    Object.fromEntries(Object.entries(attrs).filter(([k]) => !['gadget', 'strategy', 'cost_constraints', 'cost_wires'].includes(k)));
  const nodes = file.graph.nodes.map((n) => ({ ...n, attrs: strip(n.attrs) }));
  return { producer: 'fixedpoint-lowering', graph: { ...file.graph, stage: 'fixed', nodes } };
}
