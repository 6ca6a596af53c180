import { builderFor } from './helpers';
import { attrInt, attrString, emptyGraph, Graph, OnnxZkErrorList } from '@onnx-zk/tensor-ir';
import { chooseBackend } from '../src/select/backend';
import {
  checkR1cs, costSummary, formatCostTable, gadgets, LIMB_WIDTHS, paramsFromNode, rangeMode, selectGadgets, Signal,
} from '../src';
import { fixedGraph, interpret } from './fixed-graph';

/** Synthesizes an accel graph node by node, the way the prover does through the LLVM module. */
function assign(graph: Graph, x: bigint[]) {
  const cs = builderFor(graph);
  const signals = new Map<string, Signal[]>([['x', x.map((v, i) => cs.newWire(v, `input.x[${i}]`))]]);
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
  const y = graph.outputs.flatMap((o) => signals.get(o)!);
  return { y, r1cs: cs.finalize({ outputs: y, privateInputs: signals.get('x')! }) };
}

describe('select', () => {
  const fixed = fixedGraph();
  const accel = selectGadgets(fixed).graph;

  test('fuses Rescale → Relu, adds a RangeCheck per input, binds gadgets; the input is untouched', () => {
    expect(accel.stage).toBe('accel');
    expect(accel.nodes.map((n) => `${n.op}:${n.name}`)).toEqual([
      'RangeCheck:RangeCheck_x', 'Linear:Gemm_0', 'RescaleRelu:Relu_1', 'Linear:Gemm_2', 'Rescale:Gemm_2_rescale',
      'Add:Add_3', 'Reshape:Reshape_4',
    ]);
    const fused = accel.nodes[2];
    expect(fused).toMatchObject({ inputs: ['h'], outputs: ['a'], loc: ['Gemm_0', 'Relu_1'] });
    expect(attrInt(fused, 'shift')).toBe(4);
    expect(accel.values.has('hr')).toBe(false);
    expect(accel.nodes[0]).toMatchObject({ inputs: ['x'], outputs: [], loc: ['x'] });
    expect(accel.nodes.map((n) => attrString(n, 'gadget'))).toEqual(
      ['range_check', 'linear', 'rescale_relu', 'linear', 'rescale', 'add_const', 'copy']);
    expect(accel.nodes.every((n) => attrString(n, 'strategy') === gadgets[attrString(n, 'gadget')].strategies[0])).toBe(true);
    expect(fixed.graph.stage).toBe('fixed');
    expect(fixed.graph.nodes).toHaveLength(7);
    expect(fixed.graph.values.has('hr')).toBe(true);
  });

  test('costs: linear layers are free, checks and rescales pay per element', () => {
    // the bit costs of plain groth16 (auto picks groth16-cr for this graph: tested below)
    const plain = selectGadgets(fixedGraph(), { backend: 'groth16' }).graph;
    const { rows, total } = costSummary(plain);
    const byName = Object.fromEntries(rows.map((r) => [r.node, r]));
    expect(byName.Gemm_0.constraints).toBe(0);
    expect(byName.Add_3.constraints).toBe(0);
    expect(byName.RangeCheck_x).toMatchObject({ constraints: 4 * 7, wires: 4 * 5 }); // [−16, 16]: 33 = 2^5 + 1 values: 6 bits and the top-bit product
    expect(byName.Relu_1.constraints).toBeGreaterThan(0);
    expect(total.constraints).toBe(rows.reduce((s, r) => s + r.constraints, 0));
    const table = formatCostTable(costSummary(plain));
    expect(table).toMatch(/^node\s+op\s+gadget\s+strategy\s+constraints\s+wires$/m);
    expect(table).toMatch(new RegExp(`^total\\s+${total.constraints}\\s+${total.wires}$`, 'm'));
  });

  test('the selected graph synthesizes to a satisfied circuit with the exact outputs and costs', () => {
    for (const x of [[16n, -16n, 3n, 0n], [-16n, -16n, -16n, -16n], [7n, 11n, -2n, 16n]]) {
      const { y, r1cs } = assign(accel, x);
      expect(y.map((s) => s.value)).toEqual(interpret(fixed.graph, x));
      expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
    }
    expect(() => assign(accel, [17n, 0n, 0n, 0n])).toThrow(/x \(RangeCheck\): error ZK006/);
  });

  test('no fusion when the Rescale output has another consumer', () => {
    const g = selectGadgets(fixedGraph({ extraConsumer: true })).graph;
    expect(g.nodes.map((n) => n.op)).toContain('Relu');
    expect(g.nodes.map((n) => n.op)).not.toContain('RescaleRelu');
    expect(attrString(g.nodes.find((n) => n.op === 'Relu')!, 'gadget')).toBe('relu');
  });

  test('nodes without a gadget are all listed in one coded error', () => {
    const file = fixedGraph();
    const g = file.graph;
    g.nodes.find((n) => n.name === 'Gemm_0')!.op = 'MatMulInteger';
    g.nodes.find((n) => n.name === 'Add_3')!.inputs = ['bias', 'or']; // a constant first operand fits no Add gadget
    let error: unknown;
    try { selectGadgets(file); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(OnnxZkErrorList);
    const messages = (error as OnnxZkErrorList).errors.map((e) => e.message);
    expect(messages).toEqual([
      expect.stringMatching(/^Gemm_0 \(MatMulInteger\): error ZK001: no gadget implements this op/),
      expect.stringMatching(/^Add_3 \(Add\): error ZK001: .*operands suit none of add, add_const/),
    ]);
  });

  test('bad stage, unknown strategy and missing bounds are coded errors', () => {
    const floatFile = fixedGraph();
    floatFile.graph.stage = 'float';
    expect(() => selectGadgets(floatFile)).toThrow(/ZK009/);
    expect(() => selectGadgets(fixedGraph(), { strategies: { rescale: 'lookup' } })).toThrow(/ZK005: .*rescale=lookup: rescale has bits/);
    const file = fixedGraph();
    delete file.graph.values.get('h')!.fixed;
    expect(() => selectGadgets(file)).toThrow(/Relu_1 \(RescaleRelu\): error ZK002: value has no fixed-point bounds: 'h'/);
  });

  test('bounds too wide for the field name the node', () => {
    const file = fixedGraph();
    const hr = file.graph.values.get('hr')!.fixed!;
    // RescaleRelu takes q's bounds from x's rescaled ones: make h's bounds (and so q's) 2^61 wide
    const h = file.graph.values.get('h')!.fixed!;
    h.lo.fill(-(1n << 61n));
    h.hi.fill(1n << 61n);
    hr.lo.fill(-(1n << 57n));
    hr.hi.fill(1n << 57n);
    file.graph.values.get('a')!.fixed!.hi.fill(1n << 57n);
    const g = selectGadgets(file, { backend: 'groth16' }).graph;
    expect(attrInt(g.nodes[2], 'cost_constraints')).toBe(3 * (4 + 59 + 1));
    const huge = fixedGraph();
    huge.graph.nodes.find((n) => n.name === 'Gemm_2_rescale')!.attrs.shift = { type: 'int', value: 198 };
    expect(() => selectGadgets(huge)).toThrow(/^Gemm_2_rescale \(Rescale\): error ZK008: .*needs \d+ bits, at most 200/);
  });
});

describe('select: proving backends', () => {
  const total = (g: Graph) => costSummary(g).total.constraints;
  const plain = selectGadgets(fixedGraph(), { backend: 'groth16' }).graph;
  const auto = selectGadgets(fixedGraph()).graph;

  test('groth16 records itself and costs by bits; auto takes groth16-cr here, at the cheapest limb width', () => {
    expect(plain.metadata).toMatchObject({ backend: 'groth16' });
    expect(plain.metadata.limb_bits).toBeUndefined();
    expect(auto.metadata).toMatchObject({ backend: 'groth16-cr' });
    const w = Number(auto.metadata.limb_bits);
    expect(total(auto)).toBeLessThan(total(plain));
    for (const other of LIMB_WIDTHS) {
      expect(total(selectGadgets(fixedGraph(), { backend: 'groth16-cr', limbBits: other }).graph)).toBeGreaterThanOrEqual(total(auto));
    }
    // its table is a row of the cost summary: 2^w + 1 constraints, 2·2^w wires and the challenge
    expect(costSummary(auto).rows.at(-1)).toMatchObject({ gadget: 'range_table', constraints: (1 << w) + 1, wires: 2 * (1 << w) + 1 });
  });

  test('the groth16-cr graph synthesizes with lookups to a satisfied circuit with the exact outputs and its node costs', () => {
    const x = [-16n, 16n, 3n, 0n];
    const { y, r1cs } = assign(auto, x);
    expect(r1cs.rounds?.info.nChallenges).toBe(1);
    expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
    expect(y.map((s) => s.value)).toEqual(assign(plain, x).y.map((s) => s.value));
    // and the whole circuit (tables included) is what the cost summary says, up to the output
    // wires finalize adds (the same for both backends)
    expect(r1cs.constraints.length - total(auto)).toBe(assign(plain, x).r1cs.constraints.length - total(plain));
  });

  test('a graph too small to pay for a table stays on groth16 under auto', () => {
    // A circuit whose gadgets cost the same under both: the table decides (rows + 1 constraints).
    const { plan } = chooseBackend('auto', undefined, () => ({ graph: emptyGraph('g', 'accel', 17), total: 10 }));
    expect(plan.backend).toBe('groth16');
    // and when lookups save more than the smallest table costs, groth16-cr
    const saving = chooseBackend('auto', undefined, () => ({ graph: emptyGraph('g', 'accel', 17), total: rangeMode().kind === 'bits' ? 100 : 10 }));
    expect(saving.plan).toMatchObject({ backend: 'groth16-cr', limbBits: LIMB_WIDTHS[0] });
  });

  test('an unknown backend or a bad limb width is ZK023', () => {
    expect(() => selectGadgets(fixedGraph(), { backend: 'plonk' as never })).toThrow(/ZK023/);
    expect(() => selectGadgets(fixedGraph(), { backend: 'groth16-cr', limbBits: 0 })).toThrow(/ZK023/);
    expect(() => selectGadgets(fixedGraph(), { backend: 'groth16', limbBits: 8 })).toThrow(/ZK023/);
  });
});
