import { Graph, fuseGelu, fuseLayerNorm, canonicalize, makeTensor, runPasses } from '@onnx-zk/tensor-ir';
import { fileCheck } from '../helpers/filecheck';
import { GraphBuilder, closeTo, outputsOf, seq, text } from './build';

const ints = (value: number[]) => ({ type: 'ints', value });
const int = (value: number) => ({ type: 'int', value });

/** Runs a pass and checks the graph computes what it computed before. */
function rewriteKeepsValues(g: Graph, pass: (g: Graph) => void, x = seq(g.values.get(g.inputs[0])!.shape, (i) => Math.sin(i) * 3)): void {
  const before = outputsOf(g, [x]);
  runPasses(g, { only: [] });
  pass(g);
  runPasses(g, { only: ['eliminate-dead-nodes'] });
  closeTo(outputsOf(g, [x]), before, 1e-5);
}

/** PyTorch's LayerNorm before opset 17: ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div, Mul, Add. */
function decomposedLayerNorm(affine: boolean) {
  const b = new GraphBuilder(13);
  const x = b.input('x', [2, 3, 4]);
  const mean = b.op('ReduceMean', [x], { axes: ints([-1]) });
  const d = b.op('Sub', [x, mean]);
  const v = b.op('ReduceMean', [b.op('Pow', [d, b.scalar(2)])], { axes: ints([-1]) });
  let y = b.op('Div', [d, b.op('Sqrt', [b.op('Add', [v, b.scalar(1e-5)])])]);
  if (affine) y = b.op('Add', [b.op('Mul', [y, b.const(seq([4], (i) => 1 + i))]), b.const(seq([4], (i) => -i / 2))]);
  return b.output(y);
}

test.each([true, false])('fuse-layer-norm fuses the decomposed form (scale and bias: %s)', (affine) => {
  const g = decomposedLayerNorm(affine);
  rewriteKeepsValues(g, fuseLayerNorm);
  expect(g.nodes.map((n) => n.op)).toEqual(['LayerNormalization']);
  fileCheck(text(g), `
    CHECK-NOT: ReduceMean(
    CHECK: {axis = 2, epsilon = 0.0000099
  `);
  expect(g.nodes[0].inputs[0]).toBe('x');
  expect(g.nodes[0].loc.slice(0, 4)).toEqual(['ReduceMean_0', 'Sub_1', 'Pow_3', 'ReduceMean_4']);
  expect(g.nodes[0].loc).toHaveLength(affine ? 9 : 7);
});

test('fuse-layer-norm leaves a normalisation over a non-trailing axis alone', () => {
  const b = new GraphBuilder(13);
  const x = b.input('x', [2, 3, 4]);
  const mean = b.op('ReduceMean', [x], { axes: ints([1]) });
  const d = b.op('Sub', [x, mean]);
  const v = b.op('ReduceMean', [b.op('Pow', [d, b.scalar(2)])], { axes: ints([1]) });
  const g = b.output(b.op('Div', [d, b.op('Sqrt', [b.op('Add', [v, b.scalar(1e-5)])])]));
  fuseLayerNorm(g);
  expect(g.nodes.some((n) => n.op === 'LayerNormalization')).toBe(false);
});

test('fuse-gelu fuses the erf form x·0.5·(1 + erf(x/√2)) in either Mul order', () => {
  for (const halfFirst of [false, true]) {
    const b = new GraphBuilder(13);
    const x = b.input('x', [2, 5]);
    const inner = b.op('Add', [b.op('Erf', [b.op('Div', [x, b.scalar(Math.SQRT2)])]), b.scalar(1)]);
    const y = halfFirst ? b.op('Mul', [b.op('Mul', [x, b.scalar(0.5)]), inner]) : b.op('Mul', [b.op('Mul', [x, inner]), b.scalar(0.5)]);
    const g = b.output(y);
    rewriteKeepsValues(g, fuseGelu);
    fileCheck(text(g), 'CHECK: = Gelu(%x)\nCHECK-NOT: approximate\nCHECK-NOT: Erf(');
    expect(g.nodes[0].loc).toHaveLength(5);
  }
});

test('fuse-gelu fuses the tanh form with x³ as Pow or as a Mul chain (GPT-2 exports)', () => {
  for (const powForm of [true, false]) {
    const b = new GraphBuilder(13);
    const x = b.input('x', [2, 5]);
    const cube = powForm
      ? b.op('Mul', [b.op('Pow', [x, b.scalar(3)]), b.scalar(0.044715)])
      : b.op('Mul', [b.op('Mul', [b.op('Mul', [x, b.scalar(0.044715)]), x]), x]);
    const t = b.op('Tanh', [b.op('Mul', [b.op('Add', [x, cube]), b.scalar(Math.sqrt(2 / Math.PI))])]);
    const g = b.output(b.op('Mul', [b.op('Mul', [x, b.scalar(0.5)]), b.op('Add', [t, b.scalar(1)])]));
    rewriteKeepsValues(g, fuseGelu);
    fileCheck(text(g), 'CHECK: = Gelu(%x) {approximate = "tanh"}\nCHECK-NOT: Tanh(');
    expect(g.nodes[0].loc).toHaveLength(powForm ? 8 : 9);
  }
});

test('fuse-gelu does not fire when an intermediate value has another use', () => {
  const b = new GraphBuilder(13);
  const x = b.input('x', [3]);
  const erf = b.op('Erf', [b.op('Div', [x, b.scalar(Math.SQRT2)])]);
  const y = b.op('Mul', [b.op('Mul', [x, b.op('Add', [erf, b.scalar(1)])]), b.scalar(0.5)]);
  const g = b.output(b.op('Add', [y, erf]));
  fuseGelu(g);
  expect(g.nodes.some((n) => n.op === 'Gelu')).toBe(false);
});

const bnParams = (b: GraphBuilder, c: number) => [
  b.const(seq([c], (i) => 1 + i / 4)), b.const(seq([c], (i) => i - 1)), b.const(seq([c], (i) => i / 3)), b.const(seq([c], (i) => 0.5 + i)),
];

test('canonicalize folds BatchNormalization into the Conv before it', () => {
  const b = new GraphBuilder(13);
  const x = b.input('x', [1, 2, 4, 4]);
  const conv = b.op('Conv', [x, b.const(seq([3, 2, 3, 3], (i) => Math.cos(i))), b.const(seq([3], (i) => i))], { pads: ints([1, 1, 1, 1]) });
  const g = b.output(b.op('BatchNormalization', [conv, ...bnParams(b, 3)], { epsilon: { type: 'float', value: 1e-3 } }));
  rewriteKeepsValues(g, canonicalize);
  fileCheck(text(g), 'CHECK-NOT: BatchNormalization(\nCHECK: = Conv(%x, %BatchNormalization_7_folded_weight, %BatchNormalization_7_folded_bias) {pads = ints[1, 1, 1, 1]} : float32[1,3,4,4] name("Conv_2") loc("Conv_2", "BatchNormalization_7")');
});

test('canonicalize folds BatchNormalization into a Gemm with constant weights (transB or not)', () => {
  for (const transB of [0, 1]) {
    const b = new GraphBuilder(13);
    const x = b.input('x', [2, 4]);
    const w = b.const(seq(transB ? [3, 4] : [4, 3], (i) => Math.sin(i)));
    const gemm = b.op('Gemm', [x, w], { transB: int(transB) });
    const g = b.output(b.op('BatchNormalization', [gemm, ...bnParams(b, 3)]));
    rewriteKeepsValues(g, canonicalize);
    expect(g.nodes.map((n) => n.op)).toEqual(['Gemm']);
  }
});

test('canonicalize keeps BatchNormalization after a Conv whose weight is not constant', () => {
  const b = new GraphBuilder(13);
  const x = b.input('x', [1, 2, 3, 3]);
  const conv = b.op('Conv', [x, b.input('w', [2, 2, 1, 1])]);
  const g = b.output(b.op('BatchNormalization', [conv, ...bnParams(b, 2)]));
  canonicalize(g);
  expect(g.nodes.map((n) => n.op)).toEqual(['Conv', 'BatchNormalization']);
  void makeTensor;
});
