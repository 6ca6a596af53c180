import { attrInt, attrString, emptyGraph, FixedInfo, Graph, makeTensor, Node } from '@onnx-zk/tensor-ir';
import { checkR1cs, gadgets, paramsFromNode, rescaleValue, selectGadgets, Signal } from '../src';
import { isqrt } from '../src/gadgets/blocks/rsqrt';
import { randInt, rng, builderFor } from './helpers';

/**
 * q[2,3]·k[3,4] (MatMul of two inputs) → Rescale → LayerNormalization, ReduceMax and Clip of the
 * rescaled scores: selected (Rescale → Clip fuses into RescaleClip, whose second output, the
 * rescaled scores, LayerNorm and ReduceMax read), then synthesized node by node through
 * paramsFromNode as the prover does.
 */
const R = 16n;
const D = 4;
const [gamma, beta] = [[16n, -8n, 4n, 20n], [0n, 1000n, -1000n, 5n]];
const SHIFT = 16;

function graph(): Graph {
  const g = emptyGraph('attn', 'fixed', 13);
  const info = (name: string, shape: number[], frac: number, lo: bigint[], hi: bigint[]) => {
    const fixed: FixedInfo = { frac, lo: BigInt64Array.from(lo), hi: BigInt64Array.from(hi) };
    g.values.set(name, { name, dtype: 'int64', shape, fixed });
  };
  const node = (op: string, name: string, inputs: string[], outputs: string[], attrs: Node['attrs'] = {}) =>
    g.nodes.push({ op, name, inputs, outputs, attrs, loc: [name] });
  const int = (value: number) => ({ type: 'int' as const, value });
  g.inputs = ['q', 'k'];
  info('q', [2, 3], 4, Array(6).fill(-R), Array(6).fill(R));
  info('k', [3, 4], 4, Array(12).fill(-R), Array(12).fill(R));
  info('s', [2, 4], 8, Array(8).fill(-3n * R * R), Array(8).fill(3n * R * R));
  node('MatMul', 'MatMul_qk', ['q', 'k'], ['s']);
  const [slo, shi] = [rescaleValue(-3n * R * R, 4), rescaleValue(3n * R * R, 4)];
  info('sr', [2, 4], 4, Array(8).fill(slo), Array(8).fill(shi));
  node('Rescale', 'MatMul_qk.rescale', ['s'], ['sr'], { shift: int(4) });
  for (const [name, data] of [['gamma', gamma], ['beta', beta]] as const) {
    g.constants.set(name, makeTensor('int64', [D], [...data]));
    info(name, [D], name === 'gamma' ? 4 : 12, [...data], [...data]);
  }
  const z = isqrt(BigInt(D ** 3) << BigInt(SHIFT));
  info('y', [2, 4], 12, [0, 1, 2, 3, 0, 1, 2, 3].map((i) => beta[i] - abs(gamma[i]) * z), [0, 1, 2, 3, 0, 1, 2, 3].map((i) => beta[i] + abs(gamma[i]) * z));
  node('LayerNormalization', 'LayerNorm_1', ['sr', 'gamma', 'beta'], ['y'], { eps: int(1), shift: int(SHIFT) });
  info('m', [2, 1], 4, [slo, slo], [shi, shi]);
  node('ReduceMax', 'ReduceMax_2', ['sr'], ['m']);
  info('c', [2, 4], 4, Array(8).fill(-10n), Array(8).fill(10n));
  node('Clip', 'Clip_3', ['sr'], ['c'], { low: int(-10), high: int(10) });
  g.outputs = ['y', 'm', 'c'];
  g.metadata['fixed.frac'] = '4';
  return g;
}

const abs = (v: bigint) => (v < 0n ? -v : v);

/** The integer semantics, written out: rows of the rescaled scores. */
function reference(q: bigint[], k: bigint[]): bigint[] {
  const sr = [0, 1].flatMap((i) => [0, 1, 2, 3].map((j) => rescaleValue([0, 1, 2].reduce((a, t) => a + q[i * 3 + t] * k[t * 4 + j], 0n), 4)));
  const rows = [sr.slice(0, 4), sr.slice(4)];
  const ln = rows.flatMap((x) => {
    const s = x.reduce((a, b) => a + b, 0n);
    const d = x.map((v) => 4n * v - s);
    const r = isqrt((64n << BigInt(SHIFT)) / (d.reduce((a, v) => a + v * v, 0n) + 64n));
    return d.map((v, i) => gamma[i] * v * r + beta[i]);
  });
  const max = rows.map((x) => x.reduce((a, b) => (a > b ? a : b)));
  const clip = sr.map((v) => (v < -10n ? -10n : v > 10n ? 10n : v));
  return [...ln, ...max, ...clip];
}

function assign(g: Graph, inputs: Record<string, bigint[]>) {
  const cs = builderFor(g);
  const signals = new Map<string, Signal[]>(Object.entries(inputs).map(([n, xs]) => [n, xs.map((v, i) => cs.newWire(v, `${n}[${i}]`))]));
  for (const node of g.nodes) {
    const gadget = gadgets[attrString(node, 'gadget')];
    const fromNode = paramsFromNode(gadget, node, g);
    const params = gadget.abi.map((p, i) => (p.kind === 'in' ? signals.get(node.inputs[p.input])! : fromNode[i]));
    const [w0, c0] = [cs.nWires, cs.nConstraints];
    const outs = gadget.synthesize(cs, params, node.loc);
    expect({ constraints: cs.nConstraints - c0, wires: cs.nWires - w0 })
      .toEqual({ constraints: attrInt(node, 'cost_constraints'), wires: attrInt(node, 'cost_wires') });
    // The returned signals, split over the `out` params in abi order.
    let offset = 0;
    gadget.abi.forEach((p, i) => {
      if (p.kind !== 'out') return;
      const n = fromNode[i] as number;
      if (n > 0) signals.set(node.outputs[p.output], outs.slice(offset, offset + n));
      offset += n;
    });
    expect(offset).toBe(outs.length);
  }
  const y = g.outputs.flatMap((o) => signals.get(o)!);
  return { y, r1cs: cs.finalize({ outputs: y, privateInputs: [...signals.get('q')!, ...signals.get('k')!] }) };
}

describe('select and assign: attention-style MatMul, LayerNorm, ReduceMax, Clip', () => {
  const accel = selectGadgets({ producer: 'onnx-zk-fxp', graph: graph() }).graph;

  test('binds each op to its gadget; the fused RescaleClip takes the Rescale\'s place and hands its readers sr', () => {
    const bound = Object.fromEntries(accel.nodes.map((n) => [n.name, attrString(n, 'gadget')]));
    expect(bound).toMatchObject({
      MatMul_qk: 'matmul_private', LayerNorm_1: 'layer_norm', ReduceMax_2: 'max', Clip_3: 'rescale_clip',
    });
    expect(accel.nodes.map((n) => n.name)).toEqual(['RangeCheck_q', 'RangeCheck_k', 'MatMul_qk', 'Clip_3', 'LayerNorm_1', 'ReduceMax_2']);
    expect(accel.nodes.find((n) => n.name === 'Clip_3')!.outputs).toEqual(['c', 'sr']);
    // auto binds this graph for groth16-cr, where Freivalds' check beats 2·4·3 products: 3·3 + 2·(3 + 4 − 1)
    const matmul = accel.nodes.find((n) => n.name === 'MatMul_qk')!;
    expect(accel.metadata.backend).toBe('groth16-cr');
    expect([attrString(matmul, 'strategy'), attrInt(matmul, 'cost_constraints')]).toEqual(['freivalds', 3 * 3 + 2 * (3 + 4 - 1)]);
  });

  test('synthesizes to a satisfied circuit with the exact outputs, ranges ends included', () => {
    const next = rng(12);
    const cases = [[Array(6).fill(R), Array(12).fill(R)], [Array(6).fill(0n), Array(12).fill(-R)]];
    for (let i = 0; i < 3; i++) cases.push([Array.from({ length: 6 }, () => randInt(next, -R, R)), Array.from({ length: 12 }, () => randInt(next, -R, R))]);
    for (const [q, k] of cases) {
      const { y, r1cs } = assign(accel, { q, k });
      expect(y.map((s) => s.value)).toEqual(reference(q, k));
      expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
    }
  });
});
