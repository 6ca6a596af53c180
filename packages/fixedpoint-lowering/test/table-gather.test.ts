import { Graph, dequantize, verifyGraph } from '@onnx-zk/tensor-ir';
import { accuracyReport, lowerGraph, quantizeInputs, rules, runInt } from '@onnx-zk/fixedpoint-lowering';
import { captureError } from './helpers/errors';
import { floatGraph, int, rng, uniform } from './helpers/float-graph';

const V = 5;
const D = 3;

/** Token ids [1, 4] (int64) → Gather(wte [V, D]) → Add(position table), as a model's embedding (or a bad reader). */
function embedding(readers: 'gather' | 'reshape-gather' | 'add' = 'gather'): Graph {
  const next = rng(3);
  return floatGraph({
    inputs: { ids: [1, 4] },
    inputTypes: { ids: 'int64' },
    constants: {
      wte: { shape: [V, D], data: uniform(next, V * D, -1, 1) },
      wpe: { shape: [4, D], data: uniform(next, 4 * D, -0.5, 0.5) },
      flat: { shape: [1], data: [-1], dtype: 'int64' },
      shape: { shape: [2], data: [1, 4], dtype: 'int64' },
    },
    nodes: readers === 'add'
      ? [{ op: 'Add', name: 'bad', inputs: ['ids', 'ids'], outputs: ['y'] }]
      : [
        ...(readers === 'reshape-gather' ? [{ op: 'Reshape', name: 'flatten', inputs: ['ids', 'flat'], outputs: ['ids_flat'] }] : []),
        { op: 'Gather', name: '/wte/Gather', inputs: ['wte', readers === 'reshape-gather' ? 'ids_flat' : 'ids'], outputs: ['tok'], attrs: { axis: int(0) } },
        { op: 'Add', name: 'pos', inputs: ['tok', 'wpe'], outputs: ['y'] },
      ],
    outputs: ['y'],
  });
}

describe('token ids: an integer input read by a Gather of a constant table', () => {
  test('the input gets frac 0 and bounds [0, V − 1]; the Gather becomes a TableGather', () => {
    const g = lowerGraph(embedding(), { inputRange: [-1, 1], fracBits: 12 });
    verifyGraph(g);
    const info = g.values.get('ids')!;
    expect(info.fixed).toMatchObject({ frac: 0 });
    expect([...info.fixed!.lo]).toEqual(Array(4).fill(0n));
    expect([...info.fixed!.hi]).toEqual(Array(4).fill(BigInt(V - 1)));
    expect(g.nodes.map((n) => n.op)).toContain('TableGather');
    expect(g.nodes.find((n) => n.op === 'TableGather')!.loc).toEqual(['/wte/Gather']);
  });

  test.each(['gather', 'reshape-gather'] as const)('integer interpreter = float model within the quantum (%s)', (form) => {
    const src = embedding(form);
    const g = lowerGraph(src, { inputRange: [-1, 1], fracBits: 12 });
    const report = accuracyReport(src, g, [[4, 0, 2, 2]]);
    expect(report.maxAbsError).toBeLessThan(2 * 2 ** -12);
    expect(report.layers.map((l) => l.node)).toContain('/wte/Gather');
  });

  test('TableGather rule: rows by id; bounds per column over the rows the id may take', () => {
    const table = BigInt64Array.from([1n, -2n, 3n, 4n, 5n, -6n]);
    const node = { op: 'TableGather', name: 't', inputs: ['T', 'i'], outputs: ['y'], attrs: {}, loc: ['t'] };
    const types = { inputs: [{ name: 'T', dtype: 'int64' as const, shape: [3, 2] }, { name: 'i', dtype: 'int64' as const, shape: [2] }], outputs: [] };
    expect(rules.TableGather.evalInt!(node, [table, BigInt64Array.from([2n, 0n])], types)).toEqual([[5n, -6n, 1n, -2n]]);
    const bounds = rules.TableGather.bounds!(node, [{ lo: [...table], hi: [...table] }, { lo: [0n, 1n], hi: [2n, 1n] }], types);
    expect(bounds).toEqual([{ lo: [1n, -6n, 3n, 4n], hi: [5n, 4n, 3n, 4n] }]);
  });

  test('an id outside the vocabulary is FP005 and a fractional id FP008, before anything runs', () => {
    const g = lowerGraph(embedding(), { inputRange: [-1, 1], fracBits: 12 });
    expect(captureError(() => quantizeInputs(g, [[0, 1, 5, 2]]))).toMatchObject({ code: 'FP005' });
    expect(captureError(() => quantizeInputs(g, [[0, 1, -1, 2]]))).toMatchObject({ code: 'FP005' });
    expect(captureError(() => quantizeInputs(g, [[0, 1.5, 2, 2]]))).toMatchObject({ code: 'FP008' });
    expect(captureError(() => quantizeInputs(g, [[0, 1, 2]]))).toMatchObject({ code: 'FP008' });
    const out = runInt(g, quantizeInputs(g, [[4, 3, 2, 1]])).get(g.outputs[0])!;
    expect(out.length).toBe(4 * D);
    expect(dequantize(out[0], 12)).not.toBeNaN();
  });

  test('an integer input read by anything but a table Gather is FP009 naming the reader', () => {
    const e = captureError(() => lowerGraph(embedding('add'), { inputRange: [-1, 1], fracBits: 12 }));
    expect(e.code).toBe('FP009');
    expect(e.message).toMatch(/integer inputs are supported as token ids only.*Add node 'bad' reads it/);
  });
});
