import * as path from 'path';
import { mlp } from './helpers/float-graph';
import { fxp } from './helpers/spawn-cli';
import { filesIn, tmpDir, writeModel } from './helpers/tmp';

// Spawns `node src/cli.ts` (transpiled on load), as a user runs onnx-zk-fxp.
describe('onnx-zk-fxp usage errors', () => {
  const dir = tmpDir();
  const model = writeModel(dir, 'mlp', mlp(6, [3, 4, 2]), [[0.25, -0.5, 1]]);
  const out = path.join(dir, 'mlp.fxp.tir');
  const before = filesIn(dir);

  it.each([
    ['an unknown option', ['lower', model.tir, '-o', out, '--input-range=-1,1', '--frobnicate'], 'Unknown argument: frobnicate'],
    ['--input-range without its value', ['lower', model.tir, '-o', out, '--input-range'], 'Not enough arguments following: input-range'],
    ['-o without its value', ['lower', model.tir, '--input-range=-1,1', '-o'], 'Not enough arguments following: o'],
    ['--frac-bits without its value', ['lower', model.tir, '-o', out, '--input-range=-1,1', '--frac-bits'], 'Not enough arguments following: frac-bits'],
    ['no -o', ['lower', model.tir, '--input-range=-1,1'], 'Missing required argument: output'],
    ['run without --input', ['run', out], 'Missing required argument: input'],
    ['neither --input-range nor --calibration', ['lower', model.tir, '-o', out], 'give --input-range lo,hi or --calibration input.json'],
    ['no command', [], 'name a command: lower or run'],
  ])('%s: exit 2, one usage line naming onnx-zk-fxp, no stack, no output', (_what, args, problem) => {
    expect(fxp(args, dir)).toEqual({ code: 2, stdout: '', stderr: `onnx-zk-fxp: ${problem}\nRun 'onnx-zk-fxp --help' for usage.\n` });
    expect(filesIn(dir)).toEqual(before);
  });
});
