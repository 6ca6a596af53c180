import { Attr, Graph, Node, verifyGraph } from '@onnx-zk/tensor-ir';
import { analyzeBounds, lowerGraph, quantizeInputs, rules, runInt } from '@onnx-zk/fixedpoint-lowering';
import { float, floatGraph, int, rng, uniform } from './helpers/float-graph';

const MIN = Number.MIN_SAFE_INTEGER;

/** [y, q] of one RescaleClip node. */
const evalBoth = (attrs: Node['attrs'], x: bigint[]) =>
  rules.RescaleClip.evalInt!({ op: 'RescaleClip', name: 'n', inputs: ['x'], outputs: ['y', 'q'], attrs, loc: [] }, [BigInt64Array.from(x)], { inputs: [], outputs: [] });
const evalOne = (attrs: Node['attrs'], x: bigint[]) => evalBoth(attrs, x)[0];
const limits = (shift: number, low: number, high: number): Record<string, Attr> => ({ shift: int(shift), low: int(low), high: int(high) });

describe('RescaleClip integer semantics', () => {
  it('rounds half up, then clips; the limits themselves pass', () => {
    // shift 2: q = floor((x + 2) / 4): −10 → −2, −6 → −1, −3 → −1, 2 → 1, 6 → 2, 9 → 2, 30 → 8
    expect(evalOne(limits(2, -1, 2), [-10n, -6n, -3n, 2n, 6n, 9n, 30n])).toEqual([-1n, -1n, -1n, 1n, 2n, 2n, 2n]);
    expect(evalOne(limits(2, MIN, 0), [-10n, -3n, 1n, 30n])).toEqual([-2n, -1n, 0n, 0n]);
    expect(evalOne(limits(1, 3, 3), [-100n, 100n])).toEqual([3n, 3n]);
  });

  it('the second output is q, the rescaled value before the clip', () => {
    expect(evalBoth(limits(2, -1, 2), [-10n, -6n, -3n, 2n, 6n, 9n, 30n])).toEqual([
      [-1n, -1n, -1n, 1n, 2n, 2n, 2n],
      [-2n, -1n, -1n, 1n, 2n, 2n, 8n],
    ]);
  });

  it('bounds compose the two monotone maps', () => {
    const node = { op: 'RescaleClip', name: 'n', inputs: ['x'], outputs: ['y'], attrs: limits(4, -3, 5), loc: [] };
    const [b, q] = rules.RescaleClip.bounds!(node, [{ lo: [-1000n, -40n, 90n], hi: [1000n, 20n, 200n] }], { inputs: [], outputs: [] });
    expect(b).toEqual({ lo: [-3n, -2n, 5n], hi: [5n, 1n, 5n] });
    expect(q).toEqual({ lo: [-62n, -2n, 6n], hi: [63n, 1n, 13n] });
  });
});

/** x [1, 4] → Gemm 3 → Elu: lowered, the Gemm's Rescale feeds the Elu's Clip (min(x, 0)). */
function gemmElu(): Graph {
  const next = rng(3);
  return floatGraph({
    inputs: { x: [1, 4] },
    constants: { W: { shape: [4, 3], data: uniform(next, 12, -1, 1) }, b: { shape: [3], data: [0.1, -0.2, 0.3] } },
    nodes: [
      { op: 'Gemm', name: 'fc', inputs: ['x', 'W', 'b'], outputs: ['h'] },
      { op: 'Elu', name: 'elu', inputs: ['h'], outputs: ['y'], attrs: { alpha: float(1) } },
    ],
    outputs: ['y'],
  });
}

/**
 * What select's rescale-clip fusion computes in place of Rescale → Clip: one RescaleClip on the
 * Rescale's input with the Rescale's shift and the Clip's limits, in the Rescale's place. With
 * `keepQ` its second output is the Rescale's output (which the Elu's combination reads too) and
 * the Rescale goes; without, the second output is absent ('') and the Rescale stays for that reader.
 */
function fuseByHand(fixed: Graph, rescale: Node, clip: Node, keepQ: boolean): Graph {
  const outputs = [clip.outputs[0], keepQ ? rescale.outputs[0] : ''];
  const fused: Node = { ...clip, op: 'RescaleClip', inputs: [...rescale.inputs], outputs, attrs: { ...rescale.attrs, ...clip.attrs }, loc: [...rescale.loc, ...clip.loc] };
  const values = new Map([...fixed.values].map(([k, v]) => [k, { ...v }]));
  const nodes = fixed.nodes.flatMap((n) => (n === rescale ? (keepQ ? [fused] : [n, fused]) : n === clip ? [] : [n]));
  return { ...fixed, values, nodes };
}

describe('Gemm → Elu lowered, then Rescale → Clip fused', () => {
  const fixed = lowerGraph(gemmElu(), { inputRange: [-1, 1] });
  const clip = fixed.nodes.find((n) => n.op === 'Clip')!;
  const rescale = fixed.nodes.find((n) => n.outputs[0] === clip.inputs[0])!;

  it('the Elu clips a Rescale output to min(x, 0)', () => {
    expect(rescale.op).toBe('Rescale');
    expect([clip.attrs.low.value, clip.attrs.high.value]).toEqual([MIN, 0]);
  });

  it('the Rescale\'s output has another reader (the combination x − m + α·e^m − α)', () => {
    expect(fixed.nodes.filter((n) => n.inputs.includes(rescale.outputs[0])).map((n) => n.op)).toEqual(['Clip', 'IndexMap']);
  });

  it.each([[true], [false]])('keepQ %s: the fused graph verifies, has the same bounds and computes the same integers', (keepQ) => {
    const fused = fuseByHand(fixed, rescale, clip, keepQ);
    expect(fused.nodes.find((n) => n.op === 'RescaleClip')!.outputs).toEqual([clip.outputs[0], keepQ ? rescale.outputs[0] : '']);
    expect(fused.nodes.some((n) => n.op === 'Rescale' && n.outputs[0] === rescale.outputs[0])).toBe(!keepQ);
    verifyGraph(fused);
    analyzeBounds(fused);
    for (const v of fixed.values.keys()) {
      const [before, after] = [fixed.values.get(v)!.fixed!, fused.values.get(v)!.fixed!];
      expect([v, after.frac, after.lo, after.hi]).toEqual([v, before.frac, before.lo, before.hi]);
    }
    const next = rng(7);
    for (let k = 0; k < 20; k++) {
      const inputs = quantizeInputs(fixed, [k < 2 ? [k ? 1 : -1, k ? -1 : 1, k ? 1 : -1, k ? -1 : 1] : uniform(next, 4, -1, 1)]);
      const [a, b] = [runInt(fixed, inputs), runInt(fused, inputs)];
      expect(b.has('')).toBe(false);
      for (const v of fixed.values.keys()) expect([v, b.get(v)]).toEqual([v, a.get(v)]);
    }
  });
});
