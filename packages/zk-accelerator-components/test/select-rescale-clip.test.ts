import { builderFor } from './helpers';
import { attrInt, attrString, Graph } from '@onnx-zk/tensor-ir';
import { checkR1cs, gadgetFits, gadgets, paramsFromNode, selectGadgets, Signal } from '../src';
import { fixedGraph, rescale } from './fixed-graph';

/**
 * The tiny fixed graph with its Relu_1 turned into Clip [low, high] (bounds clipped to match);
 * `extraConsumer`: the Rescale's output hr is also read by Reshape_5.
 */
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

/**
 * Synthesizes the fused node alone on inputs h, as the prover would through its abi; the returned
 * signals are y then, when the node has its second output, q.
 */
function runFused(graph: Graph, h: bigint[]) {
  const node = graph.nodes.find((n) => n.op === 'RescaleClip')!;
  const gadget = gadgets[attrString(node, 'gadget')];
  const cs = builderFor(graph);
  const x: Signal[] = h.map((v, i) => cs.newWire(v, `h[${i}]`));
  const fromNode = paramsFromNode(gadget, node, graph);
  const [c0, w0] = [cs.nConstraints, cs.nWires];
  const outs = gadget.synthesize(cs, gadget.abi.map((p, i) => (p.kind === 'in' ? x : fromNode[i])), node.loc);
  const measured = { constraints: cs.nConstraints - c0, wires: cs.nWires - w0 };
  const values = outs.map((s) => s.value);
  return { y: values.slice(0, h.length), q: values.slice(h.length), measured, r1cs: cs.finalize({ outputs: outs, privateInputs: x }), node };
}

const clipOf = (low: number, high: number) => (v: bigint) => (v < BigInt(low) ? BigInt(low) : v > BigInt(high) ? BigInt(high) : v);

describe('select fuses Rescale → Clip into RescaleClip', () => {
  test('the fused node keeps the Clip\'s name and output, the Rescale\'s input and shift, the Clip\'s limits; no q when only the Clip reads the Rescale', () => {
    const accel = selectGadgets(withClip(-3, 5)).graph;
    const fused = accel.nodes.find((n) => n.name === 'Relu_1')!;
    expect(fused).toMatchObject({ op: 'RescaleClip', inputs: ['h'], outputs: ['a', ''], loc: ['Gemm_0', 'Relu_1'] });
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
      const { y, q, measured, r1cs, node } = runFused(accel, h);
      expect(y).toEqual(h.map((v) => clipOf(low, high)(rescale(v, 4))));
      expect(q).toEqual([]);
      expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
      expect(measured).toEqual({ constraints: attrInt(node, 'cost_constraints'), wires: attrInt(node, 'cost_wires') });
    }
  });

  describe('the Rescale\'s output read by a Clip and another node', () => {
    test('fuses; the fused node hands the Rescale\'s output on as q, in the Rescale\'s place, and the other node still reads it', () => {
      const accel = selectGadgets(withClip(-3, 5, true)).graph;
      const fused = accel.nodes.find((n) => n.op === 'RescaleClip')!;
      expect(fused).toMatchObject({ name: 'Relu_1', inputs: ['h'], outputs: ['a', 'hr'], loc: ['Gemm_0', 'Relu_1'] });
      expect(accel.nodes.map((n) => n.op)).not.toContain('Clip');
      expect(accel.nodes.filter((n) => n.op === 'Rescale').map((n) => n.name)).toEqual(['Gemm_2_rescale']);
      expect(accel.nodes.map((n) => n.name).slice(0, 3)).toEqual(['RangeCheck_x', 'Gemm_0', 'Relu_1']);
      expect(accel.nodes.find((n) => n.name === 'Reshape_5')!.inputs).toEqual(['hr']);
      expect(accel.values.get('hr')!.fixed!.frac).toBe(4);
    });

    test.each([[-3, 5], [Number.MIN_SAFE_INTEGER, 0], [0, 1 << 20], [2, 2]])('clip [%d, %d]: y and q exact, satisfied, costed as synthesized', (low, high) => {
      const file = withClip(low, high, true);
      const accel = selectGadgets(file).graph;
      const hb = file.graph.values.get('h')!.fixed!;
      for (const pick of [(i: number) => hb.lo[i], (i: number) => hb.hi[i], (i: number) => (hb.lo[i] + hb.hi[i]) / 2n]) {
        const h = [0, 1, 2].map(pick);
        const { y, q, measured, r1cs, node } = runFused(accel, h);
        expect(q).toEqual(h.map((v) => rescale(v, 4)));
        expect(y).toEqual(q.map(clipOf(low, high)));
        expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
        expect(measured).toEqual({ constraints: attrInt(node, 'cost_constraints'), wires: attrInt(node, 'cost_wires') });
      }
    });

    test('q costs nothing where y is not a constant; where it is, q is a plain rescale', () => {
      const cost = (low: number, high: number, extra: boolean) => attrInt(selectGadgets(withClip(low, high, extra), { backend: 'groth16' }).graph.nodes.find((n) => n.op === 'RescaleClip')!, 'cost_constraints');
      expect(cost(-3, 5, true)).toBe(cost(-3, 5, false));
      expect(cost(Number.MIN_SAFE_INTEGER, 0, true)).toBe(cost(Number.MIN_SAFE_INTEGER, 0, false));
      // low = high: y is a constant, free without q; with q, one rescale of q − lo per element
      const hr = withClip(2, 2).graph.values.get('hr')!.fixed!;
      const plain = [0, 1, 2].reduce((sum, i) => sum + 4 + (hr.hi[i] - hr.lo[i]).toString(2).length, 0);
      expect([cost(2, 2, false), cost(2, 2, true)]).toEqual([0, plain]);
    });
  });

  test('a Rescale output that is a graph output fuses and stays a value: q', () => {
    const file = withClip(-3, 5);
    file.graph.outputs.push('hr');
    const accel = selectGadgets(file).graph;
    expect(accel.nodes.find((n) => n.op === 'RescaleClip')!.outputs).toEqual(['a', 'hr']);
    expect(accel.values.has('hr')).toBe(true);
  });

  test('a second Clip of the same Rescale output stays a Clip and reads q', () => {
    const file = withClip(-3, 5);
    const g = file.graph;
    const i = g.nodes.findIndex((n) => n.name === 'Relu_1');
    g.nodes.splice(i + 1, 0, { op: 'Clip', name: 'Clip_9', inputs: ['hr'], outputs: ['c9'], attrs: { low: { type: 'int', value: 0 }, high: { type: 'int', value: 1 } }, loc: ['Clip_9'] });
    const hr = g.values.get('hr')!.fixed!;
    g.values.set('c9', { name: 'c9', dtype: 'int64', shape: [1, 3], fixed: { frac: 4, lo: hr.lo.map((v) => clipOf(0, 1)(v)), hi: hr.hi.map((v) => clipOf(0, 1)(v)) } });
    const accel = selectGadgets(file).graph;
    expect(accel.nodes.filter((n) => n.op === 'RescaleClip').map((n) => [n.name, n.outputs])).toEqual([['Relu_1', ['a', 'hr']]]);
    expect(accel.nodes.find((n) => n.name === 'Clip_9')).toMatchObject({ op: 'Clip', inputs: ['hr'] });
  });

  test('the abi\'s optional out: an absent q has 0 elements; an absent y fits no gadget', () => {
    const accel = selectGadgets(withClip(-3, 5)).graph;
    const node = accel.nodes.find((n) => n.op === 'RescaleClip')!;
    const gadget = gadgets.rescale_clip;
    const qAt = gadget.abi.findIndex((p) => p.name === 'q');
    expect(gadget.abi[qAt]).toEqual({ kind: 'out', name: 'q', output: 1, optional: true });
    expect(paramsFromNode(gadget, node, accel)[qAt]).toBe(0);
    expect(gadgetFits(gadget, node, accel)).toBe(true);
    expect(gadgetFits(gadget, { ...node, outputs: ['', 'a'] }, accel)).toBe(false);
  });
});
