import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeTir } from '@onnx-zk/tensor-ir';
import { smallAccelFile } from './helpers/small-graph';

// The built dist/cli.js as users run it (nx builds every package before testing).
const PKG = path.resolve(__dirname, '..');
const CLI = path.join(PKG, 'dist', 'cli.js');

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(CLI)) execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(PKG, 'tsconfig.build.json')]);
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-usage-'));
  writeTir(path.join(dir, 'model.acc.tir'), smallAccelFile());
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each([
  ['an unknown option', ['model.acc.tir', '-o', 'model.ll', '--frobnicate'], 'Unknown argument: frobnicate'],
  ['-o without its value', ['model.acc.tir', '-o'], 'Not enough arguments following: o'],
  ['--output followed by another flag', ['model.acc.tir', '--output', '--runtime'], 'Not enough arguments following: output'],
  ['no -o', ['model.acc.tir'], 'Missing required argument: output'],
  ['an output that is neither .ll nor .bc', ['model.acc.tir', '-o', 'model.txt'], "--output must end in .ll or .bc, got 'model.txt'"],
])('%s: exit 2, one usage line naming onnx-zk-llvm, no stack, no output', (_what, args, problem) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
  expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
    code: 2,
    stdout: '',
    stderr: `onnx-zk-llvm: ${problem}\nRun 'onnx-zk-llvm --help' for usage.\n`,
  });
  expect(fs.readdirSync(dir)).toEqual(['model.acc.tir']);
});
