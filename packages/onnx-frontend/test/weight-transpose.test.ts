import { makeTensor, runFloat, runPasses, tensorValues } from '@onnx-zk/tensor-ir';
import { importOnnx } from '../src';
import { WEIGHT_TRANSPOSE_MIN } from '../src/weight-transpose';
import { ModelSpec, NodeSpec, attr, buildModel, floatTensor } from './helpers/onnx-builder';

/** y = x · Transpose(W) with W [n, k] (GPT-2's tied LM head), plus `extra` nodes reading Wt. */
function lmHead(n: number, k: number, extra: NodeSpec[] = [], outputs: string[] = ['y']): { spec: ModelSpec; w: Float32Array } {
  const w = Float32Array.from({ length: n * k }, (_, i) => ((i * 7919) % 1009) / 1009 - 0.5);
  const spec: ModelSpec = {
    inputs: [{ name: 'x', dims: [2, k] }],
    outputs: outputs.map((name) => ({ name })),
    initializers: [floatTensor('W', [n, k], Array.from(w), true)],
    nodes: [
      { op: 'Transpose', name: 'head_t', inputs: ['W'], outputs: ['Wt'], attrs: [attr.ints('perm', [1, 0])] },
      { op: 'MatMul', name: 'head', inputs: ['x', 'Wt'], outputs: ['y'] },
      ...extra,
    ],
  };
  return { spec, w };
}

const [N, K] = [1024, 1024];

describe('import keeps a large weight Transpose that only feeds MatMuls', () => {
  const x = makeTensor('float32', [2, K], Array.from({ length: 2 * K }, (_, i) => Math.sin(i)));

  test('the Transpose stays a node, and the lean float run gets the folded graph\'s bits', () => {
    expect(N * K).toBeGreaterThanOrEqual(WEIGHT_TRANSPOSE_MIN);
    const { spec, w } = lmHead(N, K);
    const bytes = buildModel(spec);
    const kept = importOnnx(bytes).graph;
    expect(kept.nodes.map((n) => n.op)).toEqual(['Transpose', 'MatMul']);
    expect(kept.constants.has('Wt')).toBe(false);
    expect(kept.values.get('Wt')).toMatchObject({ dtype: 'float32', shape: [K, N] });

    const lean = runFloat(kept, [x], { freeIntermediates: true }).get('y')!;
    // The standard pipeline's fold-constants folds it, as before.
    const folded = importOnnx(bytes).graph;
    runPasses(folded, { only: ['fold-constants'] });
    expect(folded.nodes.map((n) => n.op)).toEqual(['MatMul']);
    const full = runFloat(folded, [x]).get('y')!;
    expect(lean.shape).toEqual([2, N]);
    expect(tensorValues(lean)).toEqual(tensorValues(full));
    // Spot check against the definition.
    const dx = x.data as Float32Array;
    for (const j of [0, 1, 517, N - 1]) {
      let acc = 0;
      for (let p = 0; p < K; p++) acc += dx[K + p] * w[j * K + p];
      expect(tensorValues(lean)[N + j]).toBe(Math.fround(acc));
    }
  });

  test('small weights, other readers and graph outputs fold as before', () => {
    const cases = [
      lmHead(8, 4).spec,
      // Wt also read as a MatMul's A, and by a Relu (which folds as well).
      lmHead(N, K, [{ op: 'MatMul', name: 'other', inputs: ['Wt', 'z'], outputs: ['u'] }], ['y', 'u']).spec,
      lmHead(N, K, [{ op: 'Relu', name: 'r', inputs: ['Wt'], outputs: ['r'] }], ['y', 'r']).spec,
      lmHead(N, K, [], ['y', 'Wt']).spec,
    ];
    cases[1].inputs.push({ name: 'z', dims: [N, 3] });
    for (const spec of cases) {
      const g = importOnnx(buildModel(spec)).graph;
      expect(g.constants.has('Wt')).toBe(true);
      expect(g.nodes.some((n) => n.op === 'Transpose')).toBe(false);
    }
  });
});
