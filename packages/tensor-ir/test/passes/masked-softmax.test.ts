import {
  Graph, MASK_LIMIT, Tensor, decodeTir, encodeTir, fuseMaskedSoftmax, inferShapes, makeTensor, onnxOps, onnxZkOps, parseTir, passes,
  printTir, runFloat, runPasses, tensorValues, verifyGraph,
} from '@onnx-zk/tensor-ir';
import { fileCheck } from '../helpers/filecheck';
import { GraphBuilder, outputsOf, seq, text } from './build';

const int = (value: number) => ({ type: 'int', value });
const F32_LOWEST = -3.4028234663852886e38; // torch.finfo(torch.float32).min
const T = 5;

/** Lower-triangular keep mask [1, 1, T, T] (row i keeps keys 0..i), as PyTorch's tril buffer. */
const causal = (t = T) => makeTensor('bool', [1, 1, t, t], Array.from({ length: t * t }, (_, i) => (i % t <= Math.floor(i / t) ? 1 : 0)));
const scoresOf = (shape: number[], seed = 1) => seq(shape, (i) => Math.sin(i * 1.7 + seed) * 4);

/** Runs the whole pipeline and checks the outputs are bit-identical to the unfused graph's. */
function fuseKeepsValues(g: Graph, x: Tensor): void {
  const before = outputsOf(g, [x]);
  runPasses(g);
  expect(outputsOf(g, [x])).toEqual(before);
}

describe('fuse-masked-softmax', () => {
  test('Where(keep, scores, −∞) → MaskedSoftmax with both locs and a [T, T] keep mask', () => {
    const b = new GraphBuilder(13);
    const s = b.input('s', [1, 2, T, T]);
    const w = b.op('Where', [b.const(causal(), 'tril'), s, b.scalar(-Infinity)]);
    const g = b.output(b.op('Softmax', [w], { axis: int(-1) }));
    const x = scoresOf([1, 2, T, T]);
    fuseKeepsValues(g, x);
    expect(g.nodes.map((n) => n.op)).toEqual(['MaskedSoftmax']);
    expect(g.nodes[0]).toMatchObject({ name: 'Softmax_2', inputs: ['s', 'Softmax_2_keep'], loc: ['Where_1', 'Softmax_2'] });
    const keep = g.constants.get('Softmax_2_keep')!;
    expect(keep).toMatchObject({ dtype: 'bool', shape: [T, T] });
    expect(g.constants.has('tril')).toBe(false); // dead once fused
    // masked entries are exactly 0 and every row sums to 1
    const y = tensorValues(runFloat(g, [x]).get(g.outputs[0])!);
    for (let r = 0; r < 2 * T; r++) {
      const row = y.slice(r * T, (r + 1) * T);
      row.forEach((v, k) => { if (k > r % T) expect(v).toBe(0); });
      expect(row.reduce((a, c) => a + c, 0)).toBeCloseTo(1, 6);
    }
  });

  test("masked_fill(mask, finfo.min) with the mask from a constant subgraph (Trilu → Equal 0), folded first", () => {
    const b = new GraphBuilder(17);
    const s = b.input('s', [2, T, T]);
    const ones = b.op('ConstantOfShape', [b.const(makeTensor('int64', [2], [BigInt(T), BigInt(T)]))], {
      value: { type: 'tensor', value: makeTensor('float32', [1], [1]) },
    });
    const tril = b.op('Trilu', [ones], { upper: int(0) });
    const masked = b.op('Equal', [tril, b.scalar(0)]);
    const w = b.op('Where', [masked, b.scalar(F32_LOWEST), s]);
    const g = b.output(b.op('Softmax', [w], { axis: int(2) }), false);
    inferShapes(g);
    fuseKeepsValues(g, scoresOf([2, T, T], 2));
    fileCheck(text(g), `
      CHECK: const %Softmax_7_keep : bool[5,5] = base64"AQAAAAABAQAAAAEBAQAAAQEBAQABAQEBAQ=="
      CHECK-NOT: Where(
      CHECK: = MaskedSoftmax(%s, %Softmax_7_keep) {axis = -1} : float32[2,5,5] name("Softmax_7") loc("Where_6", "Softmax_7")
    `);
  });

  test('Add(scores, m) with m = triu(−∞, 1) or a −10⁴ padding mask → MaskedSoftmax', () => {
    // causal, additive: Trilu of a −∞-filled constant, folded by fold-constants
    const b = new GraphBuilder(13);
    const s = b.input('s', [1, 3, T, T]);
    const m = b.op('Trilu', [b.const(seq([T, T], () => -Infinity)), b.const(makeTensor('int64', [], [1n]))], { upper: int(1) });
    const g = b.output(b.op('Softmax', [b.op('Add', [m, s])], { axis: int(-1) }), false);
    inferShapes(g);
    fuseKeepsValues(g, scoresOf([1, 3, T, T], 3));
    expect(g.nodes.map((n) => n.op)).toEqual(['MaskedSoftmax']);
    expect(g.nodes[0].loc).toEqual(['Add_3', 'Softmax_4']);

    // HF-style padding: (1 − attention_mask)·−10⁴ of shape [B, 1, 1, T]; the last key of batch 1 is padding
    const p = new GraphBuilder(13);
    const ps = p.input('s', [2, 2, 3, 4]);
    const pad = makeTensor('float32', [2, 1, 1, 4], [0, 0, 0, 0, 0, 0, 0, -10000]);
    const pg = p.output(p.op('Softmax', [p.op('Add', [ps, p.const(pad)])], { axis: int(3) }));
    fuseKeepsValues(pg, scoresOf([2, 2, 3, 4], 4));
    expect(pg.nodes.map((n) => n.op)).toEqual(['MaskedSoftmax']);
    expect(pg.constants.get(pg.nodes[0].inputs[1])).toMatchObject({ shape: [2, 1, 1, 4] });
  });

  test('the fused op equals the unfused graph where masked scores are within 9000 of the kept ones (MASK_LIMIT)', () => {
    expect(MASK_LIMIT).toBe(-1e4);
    const b = new GraphBuilder(13);
    const s = b.input('s', [3, 4]);
    const m = makeTensor('float32', [4], [0, -1e4, 0, -Infinity]);
    const g = b.output(b.op('Softmax', [b.op('Add', [s, b.const(m)])], { axis: int(-1) }));
    const x = makeTensor('float32', [3, 4], [1, 2, 3, 4, -50, 80, 20, 9000, 0, 0, 0, 0]);
    fuseKeepsValues(g, x);
    expect(g.nodes.map((n) => n.op)).toEqual(['MaskedSoftmax']);
    expect(tensorValues(runFloat(g, [x]).get(g.outputs[0])!).filter((_, i) => i % 4 === 1 || i % 4 === 3)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('a keep mask that keeps everything leaves the plain Softmax', () => {
    const b = new GraphBuilder(13);
    const s = b.input('s', [2, 3]);
    const g = b.output(b.op('Softmax', [b.op('Where', [b.const(makeTensor('bool', [3], [1, 1, 1])), s, b.scalar(-Infinity)])], { axis: int(1) }));
    fuseKeepsValues(g, scoresOf([2, 3]));
    expect(g.nodes.map((n) => [n.op, n.inputs, n.loc])).toEqual([['Softmax', ['s'], ['Where_2', 'Softmax_3']]]);
  });

  test.each([
    ['a fill above −10⁴ (EZKL examples fill with −10)', { fill: -10 }],
    ['an additive mask entry that is neither 0 nor ≤ −10⁴', { add: [0, -5, 0] }],
    ['a row with every entry masked (−∞ gives NaN there)', { keep: [0, 0, 0, 1, 1, 1] }],
    ['a softmax over another axis', { axis: 0 }],
    ['a mask that is a graph input', { inputMask: true }],
  ])('does not fuse %s', (_why, c: { fill?: number; add?: number[]; keep?: number[]; axis?: number; inputMask?: boolean }) => {
    const b = new GraphBuilder(13);
    const s = b.input('s', [2, 3]);
    let masked: string;
    if (c.add) masked = b.op('Add', [s, b.const(makeTensor('float32', [3], c.add))]);
    else {
      const cond = c.inputMask ? b.input('k', [2, 3]) : b.const(makeTensor('bool', [2, 3], c.keep ?? [1, 0, 1, 1, 1, 0]));
      if (c.inputMask) b.g.values.set('k', { name: 'k', dtype: 'bool', shape: [2, 3] });
      masked = b.op('Where', [cond, s, b.scalar(c.fill ?? -Infinity)]);
    }
    const g = b.output(b.op('Softmax', [masked], { axis: int(c.axis ?? -1) }));
    fuseMaskedSoftmax(g);
    expect(g.nodes.map((n) => n.op)).toContain('Softmax');
    expect(g.nodes.map((n) => n.op)).not.toContain('MaskedSoftmax');
  });

  test('before opset 13 only a Softmax whose coerced axis is the last one fuses', () => {
    for (const [axis, fused] of [[3, true], [undefined, false]] as const) {
      const b = new GraphBuilder(11);
      const s = b.input('s', [1, 2, T, T]);
      const w = b.op('Where', [b.const(causal()), s, b.scalar(-Infinity)]);
      const g = b.output(b.op('Softmax', [w], axis === undefined ? {} : { axis: int(axis) }));
      fuseMaskedSoftmax(g);
      expect(g.nodes.some((n) => n.op === 'MaskedSoftmax')).toBe(fused);
    }
  });

  test('runs after fold-constants in the standard pipeline', () => {
    const names = passes.map(([n]) => n);
    expect(names).toContain('fuse-masked-softmax');
    expect(names.indexOf('fuse-masked-softmax')).toBeGreaterThan(names.indexOf('fold-constants'));
    expect(names.indexOf('fuse-masked-softmax')).toBeLessThan(names.indexOf('eliminate-dead-nodes'));
  });
});

describe('MaskedSoftmax (onnx-zk domain op)', () => {
  const graph = (keep: Tensor, axis = -1) => {
    const b = new GraphBuilder(17);
    const x = b.input('x', [2, 3]);
    return b.output(b.op('MaskedSoftmax', [x, b.const(keep, 'keep')], { axis: int(axis) }));
  };

  test('is a float op of the ai.onnx_zk domain with float semantics and a shape rule', () => {
    expect(onnxZkOps.has('MaskedSoftmax')).toBe(true);
    expect(onnxOps.MaskedSoftmax.attrs.axis).toEqual({ type: 'int', default: -1 });
  });

  test('masked entries are 0; a lane with nothing kept is all 0; any axis', () => {
    const x = makeTensor('float32', [2, 3], [1, 2, 3, 4, 5, 6]);
    const y = tensorValues(runFloat(graph(makeTensor('bool', [2, 3], [1, 0, 1, 0, 0, 0])), [x]).get('MaskedSoftmax_0_out0')!);
    const e = 1 / (1 + Math.exp(2));
    expect(y[0]).toBeCloseTo(e, 6);
    expect(y[2]).toBeCloseTo(1 - e, 6);
    expect([y[1], ...y.slice(3)]).toEqual([0, 0, 0, 0]);
    const cols = tensorValues(runFloat(graph(makeTensor('bool', [2, 1], [1, 1]), 0), [x]).get('MaskedSoftmax_0_out0')!);
    expect(cols[0] + cols[3]).toBeCloseTo(1, 6);
  });

  test('shape rule: Keep must be a constant bool that broadcasts to X (IR009), axis in range', () => {
    const msgs = (g: Graph) => { try { verifyGraph(g); return ''; } catch (e) { return String((e as Error).message); } };
    const bad = graph(makeTensor('bool', [2, 3], [1, 1, 1, 1, 1, 1]));
    bad.constants.set('keep', makeTensor('float32', [2, 3], [1, 1, 1, 1, 1, 1]));
    bad.values.set('keep', { name: 'keep', dtype: 'float32', shape: [2, 3] });
    expect(msgs(bad)).toMatch(/MaskedSoftmax_0 \(MaskedSoftmax\): error IR009: .*dtype float32; expected bool/);
    expect(() => graph(makeTensor('bool', [3, 1], [1, 1, 1]))).toThrow(/IR009.*Keep \[3,1\] does not broadcast to X \[2,3\]/);
    expect(() => graph(makeTensor('bool', [3], [1, 1, 1]), 2)).toThrow(/axis 2 is out of range/);
    const b = new GraphBuilder(17);
    const x = b.input('x', [2, 3]);
    const k = b.input('k', [3]);
    b.g.values.set(k, { name: k, dtype: 'bool', shape: [3] });
    expect(() => b.output(b.op('MaskedSoftmax', [x, k]))).toThrow(/IR009.*Keep \(k\) must be a constant/);
  });

  test('round-trips through the text and binary .tir forms', () => {
    const g = graph(makeTensor('bool', [3], [1, 0, 1]));
    const file = { producer: 'test', graph: g };
    const txt = printTir(file);
    expect(txt).toMatch(/= MaskedSoftmax\(%x, %keep\) \{axis = -1\}/);
    expect(printTir(parseTir(txt))).toBe(txt);
    expect(printTir(decodeTir(encodeTir(file)))).toBe(txt);
  });
});
