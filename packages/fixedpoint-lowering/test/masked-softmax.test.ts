import { Graph, Node, bigintValues, inferShapes, makeTensor, runFloat, runPasses, softmaxErrorBound, tensorValues, verifyGraph } from '@onnx-zk/tensor-ir';
import { lowerGraph, quantizeInputs, rules, runInt } from '@onnx-zk/fixedpoint-lowering';
import { captureError } from './helpers/errors';
import { FloatGraphSpec, floatGraph, int, rng, uniform } from './helpers/float-graph';

/** floatGraph with bool constants too (typed before the nodes are). */
function graphWithBools(spec: FloatGraphSpec, bools: Record<string, { shape: number[]; data: number[] }>): Graph {
  const g = floatGraph({ ...spec, nodes: [] });
  for (const [name, b] of Object.entries(bools)) {
    g.constants.set(name, makeTensor('bool', b.shape, b.data));
    g.values.set(name, { name, dtype: 'bool', shape: b.shape });
  }
  g.nodes = spec.nodes.map((n): Node => ({ op: n.op, name: n.name, inputs: n.inputs, outputs: n.outputs, attrs: n.attrs ?? {}, loc: [n.name] }));
  inferShapes(g);
  return g;
}

const F = 16;
const T = 4;
const tril = Array.from({ length: T * T }, (_, i) => (i % T <= Math.floor(i / T) ? 1 : 0));

/** Unfused causal attention softmax as PyTorch exports it: Softmax(Where(tril, scores, −∞)). */
const causalGraph = (): Graph => graphWithBools({
  inputs: { s: [2, 2, T, T] },
  constants: { minus_inf: { shape: [], data: [-Infinity] } },
  nodes: [
    { op: 'Where', name: 'mask', inputs: ['tril', 's', 'minus_inf'], outputs: ['w'] },
    { op: 'Softmax', name: 'softmax', inputs: ['w'], outputs: ['y'], attrs: { axis: int(-1) } },
  ],
  outputs: ['y'],
}, { tril: { shape: [1, 1, T, T], data: tril } });

/** HF-style padding: Add(scores, (1 − attention_mask)·−10⁴) with the mask [B, 1, 1, T]. */
const paddingGraph = (): Graph => floatGraph({
  inputs: { s: [2, 2, T, T] },
  constants: { pad: { shape: [2, 1, 1, T], data: [0, 0, 0, 0, 0, 0, -10000, -10000] } },
  nodes: [
    { op: 'Add', name: 'add_mask', inputs: ['s', 'pad'], outputs: ['w'] },
    { op: 'Softmax', name: 'softmax', inputs: ['w'], outputs: ['y'], attrs: { axis: int(3) } },
  ],
  outputs: ['y'],
});

/** The lowered graph's output as reals, on one quantized input. */
function fixedOutput(fixed: Graph, x: number[], frac = F): number[] {
  const ints = runInt(fixed, quantizeInputs(fixed, [x])).get(fixed.outputs[0])!;
  return Array.from(bigintValues(makeTensor('int64', [ints.length], ints)), (v) => Number(v) / 2 ** frac);
}

describe.each([
  ['causal Where(tril, s, −∞)', causalGraph, [T, T], (e: number) => e % T > Math.floor(e / T) % T],
  ['padding Add(s, [B,1,1,T] of 0 / −10⁴)', paddingGraph, [2, 2, T, T], (e: number) => e >= 2 * T * T && e % T >= 2],
] as const)('%s → MaskedSoftmax → fixed Softmax with a mask', (_name, build, maskShape, isMasked) => {
  const fused = build();
  runPasses(fused);
  const fixed = lowerGraph(fused, { inputRange: [-4, 4], fracBits: F });

  it('fuses, then lowers to one fixed Softmax with a constant −2^(f+16) mask and both locs', () => {
    expect(fused.nodes.map((n) => n.op)).toEqual(['MaskedSoftmax']);
    verifyGraph(fixed);
    expect(fixed.nodes.map((n) => n.op)).toEqual(['Softmax']);
    const sm = fixed.nodes[0];
    expect(sm.loc).toEqual(fused.nodes[0].loc);
    expect(sm.loc).toHaveLength(2);
    const mask = fixed.constants.get(sm.inputs[1])!;
    expect(mask.shape).toEqual([...maskShape]);
    expect(new Set(Array.from(mask.data as BigInt64Array))).toEqual(new Set([0n, -(2n ** BigInt(F + 16))]));
    expect(fixed.values.get(sm.inputs[1])!.fixed!.frac).toBe(F);
  });

  it('the integer interpreter equals the unfused float graph within the softmax error bound; masked entries are exactly 0', () => {
    const unfused = build();
    const bound = softmaxErrorBound(F, T, 'table');
    const next = rng(11);
    for (let round = 0; round < 4; round++) {
      const x = uniform(next, 2 * 2 * T * T, -4, 4);
      const want = tensorValues(runFloat(unfused, [makeTensor('float32', [2, 2, T, T], x)]).get('y')!);
      const got = fixedOutput(fixed, x);
      got.forEach((v, e) => {
        if (isMasked(e)) expect(v).toBe(0);
        expect(Math.abs(v - want[e])).toBeLessThanOrEqual(bound);
      });
    }
  });

  it('bounds: masked entries are proven [0, 0], the others [0, 2^f]', () => {
    const y = fixed.values.get(fixed.outputs[0])!.fixed!;
    Array.from(y.hi).forEach((h, e) => expect(h).toBe(isMasked(e) ? 0n : 1n << BigInt(F)));
    expect(Array.from(y.lo).every((l) => l === 0n)).toBe(true);
  });
});

describe('MaskedSoftmax rule', () => {
  const masked = (axis: number, keep: number[], keepShape: number[]) => graphWithBools({
    inputs: { x: [2, 3] },
    nodes: [{ op: 'MaskedSoftmax', name: 'msm', inputs: ['x', 'keep'], outputs: ['y'], attrs: { axis: int(axis) } }],
    outputs: ['y'],
  }, { keep: { shape: keepShape, data: keep } });

  it('a Keep that keeps everything lowers to the plain Softmax (no mask input)', () => {
    const fixed = lowerGraph(masked(-1, [1, 1, 1], [3]), { inputRange: [-1, 1] });
    expect(fixed.nodes.map((n: Node) => [n.op, n.inputs.length])).toEqual([['Softmax', 1]]);
  });

  it('a Keep broadcast along the softmax axis ([2, 1]) is spread to a [2, 3] mask', () => {
    const fixed = lowerGraph(masked(-1, [1, 0], [2, 1]), { inputRange: [-1, 1], fracBits: 8 });
    const mask = fixed.constants.get(fixed.nodes[0].inputs[1])!;
    expect(mask.shape).toEqual([2, 3]);
    expect(Array.from(mask.data as BigInt64Array)).toEqual([0n, 0n, 0n, -(2n ** 24n), -(2n ** 24n), -(2n ** 24n)]);
    // a fully masked row is all 0, as in the float op
    expect(fixedOutput(fixed, [0.5, -0.5, 0, 1, 1, 1], 8).slice(3)).toEqual([0, 0, 0]);
  });

  it('another axis is FP009 naming the node', () => {
    const e = captureError(() => lowerGraph(masked(0, [1, 0, 1], [3]), { inputRange: [-1, 1] }));
    expect(e.code).toBe('FP009');
    expect(e.message).toMatch(/^msm \(MaskedSoftmax\): .*MaskedSoftmax on axis 0 of rank 2: only the last axis/);
  });

  it('has only a lowering: the fixed semantics are the Softmax rule\'s', () => {
    expect(rules.MaskedSoftmax.lower).toBeDefined();
    expect(rules.MaskedSoftmax.evalInt).toBeUndefined();
  });
});
