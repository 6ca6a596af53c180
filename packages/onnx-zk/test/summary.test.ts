/** The closing report of `onnx-zk prove`, from a work directory's outputs.json, accuracy.json and timings.json. */
import * as fs from 'fs';
import * as path from 'path';
import { accuracyTable, summarize } from '../src/summary';
import { tempDir, writeJson } from './helpers';

const layer = (node: string, op: string, shape: number[], maxAbsError: number, meanAbsError: number) =>
  ({ node, op, value: `${node}_out`, shape, frac: 16, maxAbsError, meanAbsError, maxRelError: 0 });

/** Ten layers in node order; by max abs error the order is fc2, relu2, softmax, fc1, ... */
const LAYERS = [
  layer('/fc1/Gemm', 'Gemm', [1, 16], 3.0e-5, 1.0e-5),
  layer('/relu1/Relu', 'Relu', [1, 16], 3.0e-5, 9.0e-6), // ties fc1: stays after it
  layer('/fc2/Gemm', 'Gemm', [1, 8], 1.25e-4, 4.0e-5),
  layer('/relu2/Relu', 'Relu', [1, 8], 1.2e-4, 3.5e-5),
  layer('/flatten/Flatten', 'Flatten', [1, 8], 0, 0),
  layer('/fc3/Gemm', 'Gemm', [1, 4], 2.0e-5, 6.0e-6),
  layer('/sum/ReduceSum', 'ReduceSum', [], 1.0e-6, 1.0e-6),
  layer('/softmax/Softmax', 'Softmax', [1, 4], 9.5e-5, 2.0e-5),
  layer('/scale/Mul', 'Mul', [1, 4], 1.5e-5, 5.0e-6),
  layer('/out/Identity', 'Identity', [1, 4], 1.5e-5, 5.0e-6),
];

function workDir(accuracy: object): string {
  const dir = tempDir('summary');
  writeJson(path.join(dir, 'outputs.json'), { outputs: [{ name: 'out', shape: [1, 2], frac: 16, values: [0.25, 1] }] });
  writeJson(path.join(dir, 'accuracy.json'), accuracy);
  writeJson(path.join(dir, 'timings.json'), { constraints: 1234, wires: 1300, publicSignals: 2, seconds: { setup: 1.5, prove: 0.25 }, insecureSetup: true });
  return dir;
}

const overall = { fracBits: 16, inputRange: '-4,4', outputs: [], maxAbsError: 1.5e-5, meanAbsError: 5.0e-6, maxRelError: 1e-3 };

describe('summarize', () => {
  it('prints the 8 layers of largest max abs error after the overall error, aligned, and counts the rest', () => {
    const dir = workDir({ ...overall, layers: LAYERS });
    expect(summarize(dir, true)).toEqual({
      verified: true,
      text: [
        'output out [1x2] (frac 16): 0.250000 1',
        'error against the float model: max abs 1.500e-5, mean abs 5.000e-6 (frac bits 16, input range -4,4)',
        'error by layer, largest first:',
        '  node              op        shape   max abs  mean abs',
        '  /fc2/Gemm         Gemm      1x8    1.250e-4  4.000e-5',
        '  /relu2/Relu       Relu      1x8    1.200e-4  3.500e-5',
        '  /softmax/Softmax  Softmax   1x4    9.500e-5  2.000e-5',
        '  /fc1/Gemm         Gemm      1x16   3.000e-5  1.000e-5',
        '  /relu1/Relu       Relu      1x16   3.000e-5  9.000e-6',
        '  /fc3/Gemm         Gemm      1x4    2.000e-5  6.000e-6',
        '  /scale/Mul        Mul       1x4    1.500e-5  5.000e-6',
        '  /out/Identity     Identity  1x4    1.500e-5  5.000e-6',
        '  … 2 more layers in accuracy.json',
        'circuit: 1234 constraints, 1300 wires, 2 public signals; setup 1.50 s, prove 0.25 s',
        'setup: INSECURE development keys (use --ptau for production)',
        'verified: true',
        `artifacts: ${dir}`,
        '',
      ].join('\n'),
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints nothing extra for an accuracy.json without layers (written before they existed) or with none', () => {
    for (const accuracy of [overall, { ...overall, layers: [] }]) {
      const dir = workDir(accuracy);
      const lines = summarize(dir, false).text.split('\n');
      expect(lines.slice(1, 3)).toEqual([
        'error against the float model: max abs 1.500e-5, mean abs 5.000e-6 (frac bits 16, input range -4,4)',
        'circuit: 1234 constraints, 1300 wires, 2 public signals; setup 1.50 s, prove 0.25 s',
      ]);
      expect(lines.join('\n')).not.toMatch(/layer/);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('accuracyTable', () => {
  it('shows every layer, with no count line, when there are 8 or fewer; a scalar shape reads "scalar"', () => {
    expect(accuracyTable(LAYERS.slice(4, 7))).toEqual([
      'error by layer, largest first:',
      '  node              op         shape    max abs  mean abs',
      '  /fc3/Gemm         Gemm       1x4     2.000e-5  6.000e-6',
      '  /sum/ReduceSum    ReduceSum  scalar  1.000e-6  1.000e-6',
      '  /flatten/Flatten  Flatten    1x8     0.000e+0  0.000e+0',
    ]);
  });

  it('counts one layer left out in the singular, and honours a smaller limit', () => {
    expect(accuracyTable(LAYERS.slice(0, 3), 2)).toEqual([
      'error by layer, largest first:',
      '  node       op    shape   max abs  mean abs',
      '  /fc2/Gemm  Gemm  1x8    1.250e-4  4.000e-5',
      '  /fc1/Gemm  Gemm  1x16   3.000e-5  1.000e-5',
      '  … 1 more layer in accuracy.json',
    ]);
  });

  it('keeps the last 39 characters of a long node name, names an unnamed node by its value, and puts a null (NaN) error first', () => {
    expect(accuracyTable([
      layer('model_1/batch_normalization_3/batchnorm/add_1', 'Gemm', [1, 3136], 1.5e-5, 1e-6),
      { ...layer('', 'Exp', [2], 0, 0), value: 'exp_out', maxAbsError: null, meanAbsError: null },
    ])).toEqual([
      'error by layer, largest first:',
      '  node                                      op    shape    max abs  mean abs',
      '  exp_out                                   Exp   2            n/a       n/a',
      '  …1/batch_normalization_3/batchnorm/add_1  Gemm  1x3136  1.500e-5  1.000e-6',
    ]);
  });
});
