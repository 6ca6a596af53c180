import { builderFor } from './helpers';
import { attrFloat, attrInt, attrString, geluErrorBound, geluInt, Graph, softmaxErrorBound, softmaxRowInt } from '@onnx-zk/tensor-ir';
import { checkR1cs, gadgets, paramsFromNode, selectGadgets, Signal } from '../src';

import { F, ONE, transformerGraph } from './transformer-graph';

/** Synthesizes the accel graph node by node (as the prover does) and checks each node's cost attrs. */
function assign(graph: Graph, x: bigint[]): Signal[] {
  const cs = builderFor(graph);
  const signals = new Map<string, Signal[]>([['x', x.map((v, i) => cs.newWire(v, `x[${i}]`))]]);
  for (const node of graph.nodes) {
    const gadget = gadgets[attrString(node, 'gadget')];
    const fromNode = paramsFromNode(gadget, node, graph);
    const params = gadget.abi.map((p, i) => (p.kind === 'in' ? signals.get(node.inputs[p.input])! : fromNode[i]));
    const [w0, c0] = [cs.nWires, cs.nConstraints];
    const outs = gadget.synthesize(cs, params, node.loc);
    expect({ constraints: cs.nConstraints - c0, wires: cs.nWires - w0 })
      .toEqual({ constraints: attrInt(node, 'cost_constraints'), wires: attrInt(node, 'cost_wires') });
    if (node.outputs.length) signals.set(node.outputs[0], outs);
  }
  const y = signals.get('y')!;
  const r1cs = cs.finalize({ outputs: y, privateInputs: signals.get('x')! });
  expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
  return y;
}

const strategies = (graph: Graph) => graph.nodes.filter((n) => n.op !== 'RangeCheck').map((n) => attrString(n, 'strategy'));

describe('strategy selection', () => {
  const x = [-4n * ONE, -70000n, 0n, 12345n, 4n * ONE, 1n, -1n, 100000n];

  test('without a goal: the node\'s own strategy, else the default; error_bound and cost are written', () => {
    const accel = selectGadgets(transformerGraph()).graph;
    expect(strategies(accel)).toEqual(['table', 'table']);
    const gelu = accel.nodes.find((n) => n.op === 'Gelu')!;
    expect(attrFloat(gelu, 'error_bound')).toBeCloseTo(geluErrorBound(F, 'erf', 'table'), 12);
    const softmax = accel.nodes.find((n) => n.op === 'Softmax')!;
    expect(attrFloat(softmax, 'error_bound')).toBeCloseTo(softmaxErrorBound(F, 4, 'table'), 12);
    expect(strategies(selectGadgets(transformerGraph('poly')).graph)).toEqual(['poly', 'poly']);
  });

  test('the circuit of the selected graph is bit-exact with the integer semantics and costs what select wrote', () => {
    for (const strategy of ['table', 'poly'] as const) {
      const accel = selectGadgets(transformerGraph(strategy)).graph;
      const y = assign(accel, x).map((s) => s.value);
      const g = x.map((v) => geluInt(v, F, 'erf', strategy));
      const mask = [0n, -(1n << 40n), -(1n << 40n), 0n];
      expect(y).toEqual([...softmaxRowInt(g.slice(0, 4), mask, F, strategy), ...softmaxRowInt(g.slice(4), mask, F, strategy)]);
      expect(y[1]).toBe(0n);
    }
  });

  test('--target size takes the fewest constraints, --target accuracy the smallest bound, within the budget', () => {
    const rate = (graph: Graph, op: string) => {
      const n = graph.nodes.find((m) => m.op === op)!;
      return { c: attrInt(n, 'cost_constraints'), e: attrFloat(n, 'error_bound'), s: attrString(n, 'strategy') };
    };
    const both = ['table', 'poly'].map((s) => selectGadgets(transformerGraph(s)).graph);
    for (const op of ['Gelu', 'Softmax']) {
      const [t, p] = both.map((g) => rate(g, op));
      const size = rate(selectGadgets(transformerGraph('poly'), { target: 'size', errorBudget: 1e-3 }).graph, op);
      expect(size.c).toBe(Math.min(t.c, p.c));
      const acc = rate(selectGadgets(transformerGraph('poly'), { target: 'accuracy' }).graph, op);
      expect(acc.e).toBe(Math.min(t.e, p.e));
      // A budget between the two bounds leaves only the more accurate strategy.
      const mid = (t.e + p.e) / 2;
      expect(rate(selectGadgets(transformerGraph(), { errorBudget: mid }).graph, op).e).toBe(Math.min(t.e, p.e));
    }
  });

  test('an explicit --strategy wins over the goal; a budget no strategy meets is ZK021 naming the node', () => {
    const accel = selectGadgets(transformerGraph(), { strategies: { gelu: 'poly' }, target: 'accuracy' }).graph;
    expect(strategies(accel)[0]).toBe('poly');
    expect(() => selectGadgets(transformerGraph(), { errorBudget: 1e-9 })).toThrow(/Gelu_0 \(Gelu\): error ZK021[\s\S]*Softmax_1 \(Softmax\): error ZK021/);
  });
});
