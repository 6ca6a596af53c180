import * as fs from 'fs';
import * as path from 'path';
import { readInputJson, readTir } from '@onnx-zk/tensor-ir';
import { accuracyReport, calibrationRange, lowerGraph } from '@onnx-zk/fixedpoint-lowering';
import { floatGraph, mlp, rng, uniform } from './helpers/float-graph';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

describe('accuracy report', () => {
  const source = mlp(11, [6, 16, 4]);
  const data = [uniform(rng(5), 6, -2, 2)];

  it('reports per-output and total errors that shrink as frac bits grow', () => {
    const at = (fracBits: number) => accuracyReport(source, lowerGraph(source, { inputRange: [-2, 2], fracBits }), data);
    const r16 = at(16);
    const r8 = at(8);
    expect(r16.outputs).toHaveLength(1);
    const out = r16.outputs[0];
    expect(out.name).toBe('y');
    expect(out.shape).toEqual([1, 4]);
    expect(out.float).toHaveLength(4);
    expect(out.fixed).toHaveLength(4);
    const maxAbs = Math.max(...out.float.map((f, i) => Math.abs(f - out.fixed[i])));
    expect(out.maxAbsError).toBeCloseTo(maxAbs, 12);
    expect(r16.maxAbsError).toBe(out.maxAbsError);
    expect(r16.maxAbsError).toBeLessThan(1e-3);
    expect(r16.meanAbsError).toBeLessThanOrEqual(r16.maxAbsError);
    expect(r8.maxAbsError).toBeGreaterThan(r16.maxAbsError);
    expect(r8.maxAbsError).toBeLessThan(0.1);
    expect(r16.fracBits).toBe(16);
    expect(JSON.parse(JSON.stringify(r16))).toEqual(r16);
  });

  it('matches the float interpreter on a batched MatMul (x [2,3,4]) and a Gemm with a scalar C', () => {
    const next = rng(21);
    const src = floatGraph({
      inputs: { x: [2, 3, 4] },
      constants: {
        W: { shape: [4, 2], data: uniform(next, 8, -1, 1) },
        s: { shape: [2], data: [6, 2], dtype: 'int64' },
        B: { shape: [2, 3], data: uniform(next, 6, -1, 1) },
        c: { shape: [], data: [0.75] },
      },
      nodes: [
        { op: 'MatMul', name: 'mm', inputs: ['x', 'W'], outputs: ['z'] },
        { op: 'Reshape', name: 'rs', inputs: ['z', 's'], outputs: ['z2'] },
        { op: 'Gemm', name: 'gm', inputs: ['z2', 'B', 'c'], outputs: ['y'] },
      ],
      outputs: ['z', 'y'],
    });
    const input = [uniform(next, 24, -1, 1)];
    const report = accuracyReport(src, lowerGraph(src, { inputRange: [-1, 1] }), input);
    expect(report.outputs.map((o) => [o.name, o.shape])).toEqual([['z', [2, 3, 2]], ['y', [6, 3]]]);
    expect(report.maxAbsError).toBeLessThan(1e-4);
  });

  // Real models when the frontend's output sits next to them (examples/<model>/model.tir); the
  // in-code MLP above stands in for them until then.
  const withTir = fs.existsSync(EXAMPLES)
    ? fs.readdirSync(EXAMPLES).filter((m) => fs.existsSync(path.join(EXAMPLES, m, 'model.tir')))
    : [];
  if (withTir.length) it.each(withTir)('is within 1e-3 on examples/%s', (model) => {
    const dir = path.join(EXAMPLES, model);
    const src = readTir(path.join(dir, 'model.tir'), 'float').graph;
    const input = readInputJson(path.join(dir, 'input.json'));
    const report = accuracyReport(src, lowerGraph(src, { inputRange: calibrationRange(input) }), input);
    expect(report.maxAbsError).toBeLessThan(1e-3);
  });
});
