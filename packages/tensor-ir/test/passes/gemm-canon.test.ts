import { Graph, Tensor, canonicalize, makeTensor, runPasses } from '@onnx-zk/tensor-ir';
import { fileCheck } from '../helpers/filecheck';
import { GraphBuilder, closeTo, outputsOf, seq, text } from './build';

const int = (value: number) => ({ type: 'int', value });
const float = (value: number) => ({ type: 'float', value });

/** Deterministic pseudo-random values in [−1, 1). */
function random(shape: number[], seed: number): Tensor {
  let s = seed >>> 0;
  return seq(shape, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

/** Canonicalises (then re-types, re-verifies and drops dead constants) and checks the outputs on random inputs. */
function canonicalKeepsValues(g: Graph, tol = 1e-5): void {
  const inputs = () => [1, 2, 3].map((seed) => g.inputs.map((name, i) => random(g.values.get(name)!.shape, seed * 31 + i)));
  const before = inputs().map((xs) => outputsOf(g, xs));
  runPasses(g, { only: ['canonicalize', 'eliminate-dead-nodes'] });
  inputs().forEach((xs, i) => closeTo(outputsOf(g, xs), before[i], tol));
}

const M = 3;
const K = 4;
const N = 5;

describe('canonicalize: Gemm', () => {
  const cases: [string, { transA: number; transB: number; alpha: number; beta: number; c?: number[] }][] = [];
  for (const transA of [0, 1]) {
    for (const transB of [0, 1]) {
      for (const [alpha, beta, c] of [[1, 1, [N]], [0.5, 2, [1, N]], [2, 0.25, []], [1.5, 3, undefined]] as const) {
        cases.push([`transA=${transA} transB=${transB} alpha=${alpha} beta=${beta} C=${c ? `[${c}]` : 'none'}`, { transA, transB, alpha, beta, c: c ? [...c] : undefined }]);
      }
    }
  }

  test.each(cases)('%s → Gemm(A, alpha·op(B), beta·C) with no attributes, same values', (_name, p) => {
    const b = new GraphBuilder(13);
    const a = b.input('a', p.transA ? [K, M] : [M, K]);
    const w = b.const(random(p.transB ? [N, K] : [K, N], 7), 'W');
    const inputs = [a, w, ...(p.c ? [b.const(random(p.c, 9), 'C')] : [])];
    const attrs = { transA: int(p.transA), transB: int(p.transB), alpha: float(p.alpha), beta: float(p.beta) };
    const g = b.output(b.op('Gemm', inputs, attrs));
    canonicalKeepsValues(g);
    const gemm = g.nodes[g.nodes.length - 1];
    expect(g.nodes.map((n) => n.op)).toEqual(p.transA ? ['Transpose', 'Gemm'] : ['Gemm']);
    expect(g.nodes.every((n) => n.loc.join() === 'Gemm_0')).toBe(true);
    expect(gemm).toMatchObject({ name: 'Gemm_0', attrs: {} });
    expect(g.values.get(gemm.inputs[1])!.shape).toEqual([K, N]);
    expect(g.constants.has(gemm.inputs[1])).toBe(true);
    if (p.c) expect(g.values.get(gemm.inputs[2])!.shape).toEqual(p.c);
    if (p.transA) expect(g.nodes[0]).toMatchObject({ inputs: ['a'], attrs: { perm: { type: 'ints', value: [1, 0] } } });
    // untouched weights keep their name; rescaled or transposed ones are new constants
    expect(gemm.inputs[1] === 'W').toBe(!p.transB && p.alpha === 1);
  });

  test('is idempotent and leaves a canonical Gemm alone', () => {
    const b = new GraphBuilder(13);
    const a = b.input('a', [M, K]);
    const g = b.output(b.op('Gemm', [a, b.const(random([N, K], 1)), b.const(random([N], 2))], { transB: int(1), alpha: float(2) }));
    canonicalize(g);
    const once = text(g);
    canonicalize(g);
    expect(text(g)).toBe(once);
  });

  test('a computed C keeps beta (the only attribute left); a computed B is left alone', () => {
    const b = new GraphBuilder(13);
    const a = b.input('a', [M, K]);
    const c = b.input('c', [M, N]);
    const g = b.output(b.op('Gemm', [a, b.const(random([N, K], 1)), c], { transB: int(1), beta: float(0.5) }));
    canonicalKeepsValues(g);
    expect(g.nodes[0].attrs).toEqual({ beta: float(0.5) });

    const b2 = new GraphBuilder(13);
    const g2 = b2.output(b2.op('Gemm', [b2.input('a', [M, K]), b2.input('w', [N, K])], { transB: int(1), alpha: float(2) }));
    canonicalize(g2);
    expect(g2.nodes[0].attrs).toEqual({ transB: int(1), alpha: float(2) });
  });
});

describe('canonicalize: MatMul + Add', () => {
  test('a 2-D MatMul by constant weights then a constant bias Add (either operand order) → one Gemm with both locs', () => {
    for (const biasFirst of [false, true]) {
      const b = new GraphBuilder(13);
      const a = b.input('a', [M, K]);
      const mm = b.op('MatMul', [a, b.const(random([K, N], 3), 'W')]);
      const bias = b.const(random([N], 4), 'bias');
      const g = b.output(b.op('Relu', [b.op('Add', biasFirst ? [bias, mm] : [mm, bias])]));
      canonicalKeepsValues(g);
      fileCheck(text(g), `
        CHECK-NOT: MatMul(
        CHECK: %Add_1_out0 = Gemm(%a, %W, %bias) : float32[3,5] name("Add_1") loc("MatMul_0", "Add_1")
        CHECK: = Relu(%Add_1_out0)
      `);
    }
  });

  test('stays a MatMul at rank 3, without a bias, or when the product has another use', () => {
    const shapes = (rank3: boolean, addBias: boolean, reuse: boolean) => {
      const b = new GraphBuilder(13);
      const a = b.input('a', rank3 ? [2, M, K] : [M, K]);
      const mm = b.op('MatMul', [a, b.const(random([K, N], 3))]);
      const y = addBias ? b.op('Add', [mm, b.const(random([N], 4))]) : mm;
      const g = b.output(reuse ? b.op('Mul', [y, mm]) : y);
      canonicalKeepsValues(g);
      return g.nodes.map((n) => n.op);
    };
    expect(shapes(true, true, false)).toEqual(['MatMul', 'Add']);
    expect(shapes(false, false, false)).toEqual(['MatMul']);
    expect(shapes(false, true, true)).toEqual(['MatMul', 'Add', 'Mul']);
  });
});

describe('canonicalize: a per-column Mul and Add after a Gemm', () => {
  test('Gemm → Mul([N]) → Add([1, N]) (Keras inference BatchNormalization) becomes one Gemm with all three locs', () => {
    const b = new GraphBuilder(13);
    const a = b.input('a', [1, K]);
    const y = b.op('Gemm', [a, b.const(random([K, N], 5)), b.const(random([N], 6))]);
    const g = b.output(b.op('Add', [b.op('Mul', [y, b.const(random([N], 7))]), b.const(random([1, N], 8))]));
    canonicalKeepsValues(g);
    expect(g.nodes.map((n) => [n.op, n.loc])).toEqual([['Gemm', ['Gemm_2', 'Mul_4', 'Add_6']]]);
  });

  test('a Mul that varies along M, or by a computed value, stays', () => {
    const b = new GraphBuilder(13);
    const a = b.input('a', [M, K]);
    const y = b.op('Gemm', [a, b.const(random([K, N], 5))]);
    const g = b.output(b.op('Mul', [y, b.const(random([M, N], 7))]));
    canonicalKeepsValues(g);
    expect(g.nodes.map((n) => n.op)).toEqual(['Gemm', 'Mul']);
  });
});

describe('canonicalize: BatchNormalization into a MatMul', () => {
  const bn = (b: GraphBuilder, x: string, c: number) => b.op('BatchNormalization', [
    x, b.const(seq([c], (i) => 1 + i / 4)), b.const(seq([c], (i) => i - 1)),
    b.const(seq([c], (i) => i / 3)), b.const(seq([c], (i) => 0.5 + i)),
  ], { epsilon: float(1e-3) });

  test('MatMul (2-D, constant weights) → BatchNormalization becomes one Gemm with both locs', () => {
    const b = new GraphBuilder(13);
    const a = b.input('a', [M, K]);
    const g = b.output(bn(b, b.op('MatMul', [a, b.const(random([K, N], 5))]), N));
    canonicalKeepsValues(g);
    expect(g.nodes.map((n) => [n.op, n.attrs, n.loc])).toEqual([['Gemm', {}, ['MatMul_1', 'BatchNormalization_6']]]);
  });

  test('MatMul → Add(bias) → BatchNormalization folds all three into one Gemm', () => {
    const b = new GraphBuilder(13);
    const a = b.input('a', [M, K]);
    const y = b.op('Add', [b.op('MatMul', [a, b.const(random([K, N], 5))]), b.const(random([N], 6))]);
    const g = b.output(bn(b, y, N));
    canonicalKeepsValues(g);
    expect(g.nodes.map((n) => n.op)).toEqual(['Gemm']);
    expect(g.nodes[0].loc).toEqual(['MatMul_1', 'Add_3', 'BatchNormalization_8']);
  });

  test('Gemm(transB, alpha) → BatchNormalization folds into the canonical Gemm', () => {
    const b = new GraphBuilder(13);
    const a = b.input('a', [M, K]);
    const y = b.op('Gemm', [a, b.const(random([N, K], 5)), b.const(random([N], 6))], { transB: int(1), alpha: float(0.5), beta: float(2) });
    const g = b.output(bn(b, y, N));
    canonicalKeepsValues(g);
    expect(g.nodes.map((n) => [n.op, n.attrs])).toEqual([['Gemm', {}]]);
    expect(g.nodes[0].loc).toEqual(['Gemm_2', 'BatchNormalization_7']);
  });

  test('ConvTranspose (one group) → BatchNormalization folds into the ConvTranspose; with two groups it stays', () => {
    const ints = (value: number[]) => ({ type: 'ints', value });
    const convT = (group: number) => {
      const b = new GraphBuilder(13);
      const x = b.input('x', [1, 4, 3, 3]);
      const y = b.op('ConvTranspose', [x, b.const(random([4, 6 / group, 3, 3], 5)), b.const(random([6], 6))],
        { strides: ints([2, 2]), pads: ints([1, 1, 0, 0]), output_padding: ints([1, 1]), group: int(group) });
      const g = b.output(bn(b, y, 6));
      canonicalKeepsValues(g);
      return g;
    };
    const g = convT(1);
    expect(g.nodes.map((n) => [n.op, n.loc])).toEqual([['ConvTranspose', ['ConvTranspose_2', 'BatchNormalization_7']]]);
    expect(g.nodes[0].attrs.strides).toEqual(ints([2, 2]));
    expect(convT(2).nodes.map((n) => n.op)).toEqual(['ConvTranspose', 'BatchNormalization']);
  });

  test('a rank-3 MatMul keeps its BatchNormalization (BN normalises axis 1, not the weight columns)', () => {
    const b = new GraphBuilder(13);
    const a = b.input('a', [2, M, K]);
    const g = b.output(bn(b, b.op('MatMul', [a, b.const(random([K, N], 5))]), M));
    canonicalKeepsValues(g);
    expect(g.nodes.map((n) => n.op)).toEqual(['MatMul', 'BatchNormalization']);
  });
});

test('canonicalize rewrites int Gemms never (alpha scaling is float-only)', () => {
  const b = new GraphBuilder(13);
  const a = b.input('a', [2, 2]);
  b.g.values.set(a, { name: a, dtype: 'int64', shape: [2, 2] });
  const g = b.output(b.op('Gemm', [a, b.const(makeTensor('int64', [2, 2], [1n, 2n, 3n, 4n]))], { transB: int(1) }));
  canonicalize(g);
  expect(g.nodes[0].attrs).toEqual({ transB: int(1) });
});
