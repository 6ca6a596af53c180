import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The built dist/cli.js, as users run it (nx builds before it tests).
const PKG = path.resolve(__dirname, '..');
const CLI = path.join(PKG, 'dist', 'cli.js');
const MLP = path.resolve(PKG, '../../examples/1l_mlp/network.onnx');

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(CLI)) execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(PKG, 'tsconfig.build.json')]);
});
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fe-usage-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each([
  ['an unknown option', [MLP, '-o', 'x.tir', '--frobnicate'], 'Unknown argument: frobnicate'],
  ['-o without its value', [MLP, '-o'], 'Not enough arguments following: o'],
  ['--output without its value, before another flag', [MLP, '--output', '--text'], 'Not enough arguments following: output'],
  ['no --output', [MLP], 'Missing required argument: output'],
  ['a malformed --dim', [MLP, '-o', 'x.tir', '--dim', 'batch'], "--dim expects <name>=<positive integer>, got 'batch'"],
])('%s: exit 2, one usage line naming onnx-zk-frontend, no stack, no output', (_what, args, problem) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
  expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
    code: 2,
    stdout: '',
    stderr: `onnx-zk-frontend: ${problem}\nRun 'onnx-zk-frontend --help' for usage.\n`,
  });
  expect(fs.readdirSync(dir)).toEqual([]);
});
