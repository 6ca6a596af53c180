import * as fs from 'fs';
import * as path from 'path';
import { floatGraph, mlp } from './helpers/float-graph';
import { fxp } from './helpers/spawn-cli';
import { filesIn, tmpDir, writeModel } from './helpers/tmp';

// Each case spawns `node src/cli.ts` (transpiled on load), as a user runs onnx-zk-fxp.
describe('onnx-zk-fxp', () => {
  const dir = tmpDir();
  const model = writeModel(dir, 'mlp', mlp(6, [3, 4, 2]), [[0.25, -0.5, 1]]);
  const out = path.join(dir, 'mlp.fxp.tir');

  it('lowers with a negative --input-range and runs the result, as text and JSON', () => {
    const lower = fxp(['lower', model.tir, '-o', out, '--input-range', '-8,8', '--frac-bits', '12']);
    expect([lower.code, lower.stderr]).toEqual([0, '']);
    const text = fxp(['run', out, '--input', model.input]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^y \[1,2\] frac 24\n {2}int: {2}-?\d+ -?\d+\n {2}real: /);
    const json = fxp(['run', out, '--input', model.input, '--json']);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.outputs[0].ints.map(Number).map((v: number) => v / 2 ** 24)).toEqual(parsed.outputs[0].values);
  });

  it('exits 1 with a coded one-line error and no output file on user errors', () => {
    const bad = floatGraph({
      inputs: { x: [2, 2] },
      nodes: [{ op: 'Gemm', name: 'mm', inputs: ['x', 'x'], outputs: ['y'] }],
      outputs: ['y'],
    });
    const sub = path.join(dir, 'bad');
    fs.mkdirSync(sub);
    const badModel = writeModel(sub, 'bad', bad);
    const r = fxp(['lower', badModel.tir, '-o', path.join(sub, 'bad.fxp.tir'), '--input-range=-1,1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${badModel.tir}: mm (Gemm): error FP002: matrix product of two activations is not supported yet: ` +
        "A 'x' and B 'x' are both computed values (fix: only products with constant weights (initializers) can be lowered for now)\n",
    );
    expect(filesIn(sub)).toEqual(['bad.tir']);
  });

  it('exits 1 when run on an input outside the declared range', () => {
    const input = path.join(dir, 'far.json');
    fs.writeFileSync(input, JSON.stringify({ input_data: [[0, 9, 0]] }));
    const r = fxp(['run', out, '--input', input]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error FP005: input value lies outside the declared input range: input 'x' element 1 = 9 is outside [-8, 8]");
  });

  it('exits 2 on usage errors', () => {
    const noRange = fxp(['lower', model.tir, '-o', path.join(dir, 'n.fxp.tir')]);
    expect(noRange.code).toBe(2);
    expect(noRange.stderr).toContain('give --input-range lo,hi or --calibration input.json');
    expect(fxp(['lower', model.tir, '--input-range=-1,1']).code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'n.fxp.tir'))).toBe(false);
  });
});
