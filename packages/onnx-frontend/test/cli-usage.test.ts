import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { CLI, MLP, useBuiltCli } from './helpers/built-cli';

// The built dist/cli.js, as users run it (nx builds before it tests).
const tmp = useBuiltCli('fe-usage-');

test.each([
  ['an unknown option', [MLP, '-o', 'x.tir', '--frobnicate'], 'Unknown argument: frobnicate'],
  ['-o without its value', [MLP, '-o'], 'Not enough arguments following: o'],
  ['--output without its value, before another flag', [MLP, '--output', '--text'], 'Not enough arguments following: output'],
  ['no --output', [MLP], 'Missing required argument: output'],
  ['a malformed --dim', [MLP, '-o', 'x.tir', '--dim', 'batch'], "--dim expects <name>=<positive integer>, got 'batch'"],
])('%s: exit 2, one usage line naming onnx-zk-frontend, no stack, no output', (_what, args, problem) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: tmp() });
  expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
    code: 2,
    stdout: '',
    stderr: `onnx-zk-frontend: ${problem}\nRun 'onnx-zk-frontend --help' for usage.\n`,
  });
  expect(fs.readdirSync(tmp())).toEqual([]);
});
