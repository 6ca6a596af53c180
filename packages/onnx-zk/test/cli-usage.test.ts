/** Usage errors of the umbrella CLI: exit 2, one usage line, no stack trace, no work directory. */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { EXAMPLES, tempDir } from './helpers';

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');
const MODEL = path.join(EXAMPLES, '1l_mlp', 'network.onnx');

describe('onnx-zk usage errors', () => {
  const work = tempDir('usage');
  const out = path.join(work, 'out');
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it.each([
    ['--input-range without its value (last)', ['compile', MODEL, '--out', out, '--input-range'], 'Not enough arguments following: input-range'],
    ['--input-range followed by another flag', ['compile', MODEL, '--input-range', '--out', out], 'Not enough arguments following: input-range'],
    ['an unknown option', ['compile', MODEL, '--input-range', '-4,4', '--out', out, '--frobnicate'], 'Unknown argument: frobnicate'],
    ['prove without --input', ['prove', MODEL, '--out', out], 'Missing required argument: input'],
    ['an unknown command', ['frobnicate'], 'Unknown argument: frobnicate'],
    ['no command', [], 'name a command: prove, compile, verify, conformance or doctor'],
    ['--out without its value', ['compile', MODEL, '--input-range', '-4,4', '--out'], 'Not enough arguments following: out'],
    ['compile with neither --input-range nor --input', ['compile', MODEL, '--out', out], 'compile needs --input-range or --input (calibration)'],
    ['a malformed --input-range', ['compile', MODEL, '--out', out, '--input-range', '4,-4'], '--input-range wants "lo,hi" with lo < hi, got "4,-4"'],
    ['a malformed --dim', ['compile', MODEL, '--out', out, '--input-range', '-4,4', '--dim', 'batch'], '--dim wants name=value with a positive value, got "batch"'],
  ])('%s: exit 2, one usage line naming onnx-zk, no stack, no output', (_what, args, problem) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: work });
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `onnx-zk: ${problem}\nRun 'onnx-zk --help' for usage.\n`,
    });
    expect(fs.readdirSync(work)).toEqual([]);
  });
});
