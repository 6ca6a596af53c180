import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeTir } from '@onnx-zk/tensor-ir';
import { asFixed, smallAccelFile } from './helpers/small-graph';

// The CLI is tested as users run it: the built dist/cli.js (nx builds every package before testing).
const PKG = path.resolve(__dirname, '..');
const CLI = path.join(PKG, 'dist', 'cli.js');

let dir: string;
let acc: string;
beforeAll(() => {
  if (!fs.existsSync(CLI)) execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(PKG, 'tsconfig.build.json')]);
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-cli-'));
  acc = path.join(dir, 'model.acc.tir');
  writeTir(acc, smallAccelFile());
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('emits .ll and .bc: exit 0 and a one-line summary', () => {
  expect(cli(acc, '-o', 'model.ll')).toEqual({ code: 0, stdout: 'wrote model.ll: 9 zk calls\n', stderr: '' });
  expect(cli(acc, '--output', 'model.bc', '--runtime')).toMatchObject({ code: 0, stdout: 'wrote model.bc: 9 zk calls, runtime and main\n' });
  expect(fs.readFileSync(path.join(dir, 'model.ll'), 'utf8')).toContain('define void @circuit(');
  expect(fs.readFileSync(path.join(dir, 'model.bc')).subarray(0, 2).toString()).toBe('BC');
});

test('--help exits 0 and documents the flags', () => {
  const r = cli('--help');
  expect(r.code).toBe(0);
  for (const flag of ['onnx-zk-llvm', '--output', '--runtime', '--public-inputs']) expect(r.stdout).toContain(flag);
});

test.each([
  ['no arguments', []],
  ['no output', ['model.acc.tir']],
  ['an output that is neither .ll nor .bc', ['model.acc.tir', '-o', 'model.txt']],
  ['an unknown option', ['model.acc.tir', '-o', 'm.ll', '--frobnicate']],
])('usage error (%s) exits 2 without writing', (_what, args) => {
  const r = cli(...args);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^onnx-zk-llvm: .+\nRun 'onnx-zk-llvm --help' for usage\.\n$/);
  expect(fs.readdirSync(dir)).toEqual(['model.acc.tir']);
});

test('user errors exit 1 with one line each, no stack, and no output file', () => {
  writeTir(path.join(dir, 'model.fxp.tir'), asFixed(smallAccelFile()));
  const r = cli('model.fxp.tir', '-o', 'model.ll');
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^model\.fxp\.tir: error LL001: expected an accel \.tir .*\n$/);
  const bad = smallAccelFile();
  bad.graph.nodes[1].attrs.gadget = { type: 'string', value: 'nope' };
  bad.graph.nodes[6].attrs.gadget = { type: 'string', value: 'nope2' };
  writeTir(acc, bad);
  const r2 = cli('model.acc.tir', '-o', 'model.ll');
  expect(r2.code).toBe(1);
  expect(r2.stderr.split('\n')).toEqual([
    expect.stringMatching(/^model\.acc\.tir: Gemm_0 \(Linear\): error LL002: /),
    expect.stringMatching(/^model\.acc\.tir: Relu_4 \(Relu\): error LL002: /),
    '2 errors',
    '',
  ]);
  expect(r2.stderr).not.toMatch(/\n\s+at /);
  expect(fs.readdirSync(dir).sort()).toEqual(['model.acc.tir', 'model.fxp.tir']);
});
