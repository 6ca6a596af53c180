import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeTir } from '@onnx-zk/tensor-ir';
import { fixedGraph } from './fixed-graph';

// The built dist/cli.js as a user runs it, so the exit code comes from runCli (nx builds before testing).
const CLI = path.join(__dirname, '..', 'dist', 'cli.js');

describe('onnx-zk-acc usage errors', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zk-usage-'));
  const input = path.join(dir, 'tiny.fxp.tir');
  const output = path.join(dir, 'tiny.acc.tir');
  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' in packages/zk-accelerator-components first`);
    writeTir(input, fixedGraph());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['an unknown option', ['select', input, '-o', output, '--frobnicate'], 'Unknown argument: frobnicate'],
    ['-o without its value', ['select', input, '-o'], 'Not enough arguments following: o'],
    ['--error-budget without its value', ['select', input, '-o', output, '--error-budget'], 'Not enough arguments following: error-budget'],
    ['no -o', ['select', input], 'Missing required argument: output'],
    ['a bad --strategy (UsageError from a check)', ['select', input, '-o', output, '--strategy', 'nonsense'], "--strategy expects gadget=strategy, got 'nonsense'"],
    ['a value outside --target\'s choices', ['select', input, '-o', output, '--target', 'speed'], 'Invalid values: Argument: target, Given: "speed", Choices: "size", "accuracy"'],
    ['--gadget without its value', ['soundness', '--gadget'], 'Not enough arguments following: gadget'],
  ])('%s: exit 2, one usage line naming onnx-zk-acc, no stack, no output', (_what, args, problem) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `onnx-zk-acc: ${problem}\nRun 'onnx-zk-acc --help' for usage.\n`,
    });
    expect(fs.readdirSync(dir)).toEqual(['tiny.fxp.tir']);
  });
});
