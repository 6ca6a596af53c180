import * as fs from 'fs';
import * as path from 'path';
import { readTir } from '@onnx-zk/tensor-ir';
import { defaultReportPath, interpretFile, quantizeInputs, runFixedpoint, runInt } from '@onnx-zk/fixedpoint-lowering';
import { captureError, captureErrors } from './helpers/errors';
import { floatGraph, mlp } from './helpers/float-graph';
import { filesIn, tmpDir, writeModel } from './helpers/tmp';

describe('runFixedpoint', () => {
  const dir = tmpDir();
  const data = [[0.5, -1.25, 1.5]];
  const model = writeModel(dir, 'mlp', mlp(4, [3, 5, 2]), data);

  it('writes a verified .fxp.tir that reads back and runs like the in-memory graph', () => {
    const out = path.join(dir, 'mlp.fxp.tir');
    const { graph } = runFixedpoint({ input: model.tir, output: out, inputRange: '-4,4' });
    const file = readTir(out, 'fixed');
    expect(file.producer).toBe('fixedpoint-lowering');
    expect(file.graph.metadata['fixed.input_range']).toBe('-4,4');
    const expected = runInt(graph, quantizeInputs(graph, data)).get('y');
    expect(runInt(file.graph, quantizeInputs(file.graph, data)).get('y')).toEqual(expected);
    const [run] = interpretFile({ model: out, input: model.input });
    expect(run.ints).toEqual(Array.from(expected!));
    expect(run.frac).toBe(32); // the exact accumulator: frac 2f
    expect(run.values).toEqual(run.ints.map((v) => Number(v) / 2 ** 32));
  });

  it('calibrates the range from input.json and writes the accuracy report', () => {
    const out = path.join(dir, 'cal.fxp.tir');
    const report = path.join(dir, 'cal.report.json');
    const result = runFixedpoint({ input: model.tir, output: out, calibration: model.input, report });
    expect(result.graph.metadata['fixed.input_range']).toBe('-2,2');
    const written = JSON.parse(fs.readFileSync(report, 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(result.report)));
    expect(written.outputs[0].name).toBe('y');
    expect(written.maxAbsError).toBeLessThan(1e-3);
  });

  it('puts the report next to the output by default, and measures reportInput under a declared range', () => {
    const out = path.join(dir, 'def.fxp.tir.txt');
    const result = runFixedpoint({ input: model.tir, output: out, inputRange: [-8, 8], reportInput: model.input, text: true });
    expect(result.reportPath).toBe(path.join(dir, 'def.fxp.accuracy.json'));
    expect(defaultReportPath('a/m.fxp.tir')).toBe(path.join('a', 'm.fxp.accuracy.json'));
    expect(fs.existsSync(result.reportPath!)).toBe(true);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^onnx-zk tir v1 producer=fixedpoint-lowering stage=fixed/);
  });

  it('writes nothing on a user error', () => {
    const sub = path.join(dir, 'errors');
    fs.mkdirSync(sub);
    const out = path.join(sub, 'x.fxp.tir');
    const report = path.join(sub, 'x.json');
    expect(captureError(() => runFixedpoint({ input: model.tir, output: out })).code).toBe('FP003');
    expect(captureError(() => runFixedpoint({ input: model.tir, output: out, inputRange: '-1,1', report })).code).toBe('FP011');
    // the calibration data lies outside the declared range: rejected before anything is written
    const err = captureError(() => runFixedpoint({ input: model.tir, output: out, inputRange: '-1,1', calibration: model.input, report }));
    expect([err.code, err.site.file]).toEqual(['FP005', model.input]);
    expect(filesIn(sub)).toEqual([]);
  });

  it('names the file, node and op of a node it cannot lower and writes nothing', () => {
    const src = floatGraph({
      inputs: { x: [2, 2] },
      nodes: [
        { op: 'Relu', name: 'r', inputs: ['x'], outputs: ['a'] },
        { op: 'Gemm', name: 'mm', inputs: ['a', 'x'], outputs: ['y'] },
      ],
      outputs: ['y'],
    });
    const bad = writeModel(dir, 'bad', src);
    const out = path.join(dir, 'bad.fxp.tir');
    const [err] = captureErrors(() => runFixedpoint({ input: bad.tir, output: out, inputRange: '-1,1' }));
    expect(err.message).toMatch(/^.*bad\.tir: mm \(Gemm\): error FP002: /);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('rejects a file of the wrong stage', () => {
    const out = path.join(dir, 'again.fxp.tir');
    runFixedpoint({ input: model.tir, output: out, inputRange: '-4,4' });
    expect(captureError(() => runFixedpoint({ input: out, output: path.join(dir, 'z.tir'), inputRange: '-4,4' })).code).toBe('IR005');
  });
});
