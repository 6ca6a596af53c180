import { attrInt, attrString, Graph } from '@onnx-zk/tensor-ir';
import { checkR1cs, ConstraintSystem, gadgets, paramsFromNode, selectGadgets, Signal } from '../src';
import { fixedGraph, rescale } from './fixed-graph';

/** The tiny fixed graph with its Relu_1 turned into Clip [low, high] (bounds clipped to match). */
function withClip(low: number, high: number, extraConsumer = false) {
  const file = fixedGraph({ extraConsumer });
  const g = file.graph;
  const node = g.nodes.find((n) => n.name === 'Relu_1')!;
  node.op = 'Clip';
  node.attrs = { low: { type: 'int', value: low }, high: { type: 'int', value: high } };
  const clip = (v: bigint) => (v < BigInt(low) ? BigInt(low) : v > BigInt(high) ? BigInt(high) : v);
  const [hr, a] = [g.values.get('hr')!.fixed!, g.values.get('a')!.fixed!];
  a.lo = hr.lo.map(clip);
  a.hi = hr.hi.map(clip);
  return file;
}

/** Synthesizes the fused node alone on inputs h, as the prover would through its abi. */
function runFused(graph: Graph, h: bigint[]) {
  const node = graph.nodes.find((n) => n.op === 'RescaleClip')!;
  const gadget = gadgets[attrString(node, 'gadget')];
  const cs = new ConstraintSystem();
  const x: Signal[] = h.map((v, i) => cs.newWire(v, `h[${i}]`));
  const fromNode = paramsFromNode(gadget, node, graph);
  const [c0, w0] = [cs.nConstraints, cs.nWires];
  const y = gadget.synthesize(cs, gadget.abi.map((p, i) => (p.kind === 'in' ? x : fromNode[i])), node.loc);
  const measured = { constraints: cs.nConstraints - c0, wires: cs.nWires - w0 };
  return { y: y.map((s) => s.value), measured, r1cs: cs.finalize({ outputs: y, privateInputs: x }), node };
}

describe('select fuses Rescale → Clip into RescaleClip', () => {
  test('the fused node keeps the Clip\'s name and output, the Rescale\'s input and shift, the Clip\'s limits', () => {
    const accel = selectGadgets(withClip(-3, 5)).graph;
    const fused = accel.nodes.find((n) => n.name === 'Relu_1')!;
    expect(fused).toMatchObject({ op: 'RescaleClip', inputs: ['h'], outputs: ['a'], loc: ['Gemm_0', 'Relu_1'] });
    expect([attrInt(fused, 'shift'), attrInt(fused, 'low'), attrInt(fused, 'high')]).toEqual([4, -3, 5]);
    expect(attrString(fused, 'gadget')).toBe('rescale_clip');
    expect(accel.values.has('hr')).toBe(false);
    expect(accel.nodes.map((n) => n.op)).not.toContain('Clip');
  });

  test.each([[-3, 5], [Number.MIN_SAFE_INTEGER, 0], [0, 1 << 20], [2, 2]])('clip [%d, %d]: exact, satisfied, costed as synthesized', (low, high) => {
    const file = withClip(low, high);
    const accel = selectGadgets(file).graph;
    const hb = file.graph.values.get('h')!.fixed!;
    for (const pick of [(i: number) => hb.lo[i], (i: number) => hb.hi[i], (i: number) => (hb.lo[i] + hb.hi[i]) / 2n]) {
      const h = [0, 1, 2].map(pick);
      const { y, measured, r1cs, node } = runFused(accel, h);
      const clip = (v: bigint) => (v < BigInt(low) ? BigInt(low) : v > BigInt(high) ? BigInt(high) : v);
      expect(y).toEqual(h.map((v) => clip(rescale(v, 4))));
      expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
      expect(measured).toEqual({ constraints: attrInt(node, 'cost_constraints'), wires: attrInt(node, 'cost_wires') });
    }
  });

  test('no fusion when the Rescale output has another consumer', () => {
    const g = selectGadgets(withClip(-3, 5, true)).graph;
    expect(g.nodes.map((n) => n.op)).toContain('Clip');
    expect(g.nodes.map((n) => n.op)).not.toContain('RescaleClip');
  });
});
