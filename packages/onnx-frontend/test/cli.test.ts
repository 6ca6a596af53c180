import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildModel, mlpSpec } from './helpers/onnx-builder';
import { CLI, MLP, useBuiltCli } from './helpers/built-cli';

// The CLI is tested as users run it: the built dist/cli.js (nx builds before it tests).
const tmp = useBuiltCli('fe-cli-');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('converts a model: exit 0, a one-line summary, a binary or text .tir', () => {
  const out = path.join(tmp(), 'mlp.tir');
  const r = cli(MLP, '-o', out);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  expect(r.stdout).toBe(`wrote ${out}: 2 nodes, 2 constants, stage float\n`);
  expect(fs.readFileSync(out).subarray(0, 8).toString()).toBe('ONNXZKIR');
  const text = path.join(tmp(), 'text.tir');
  expect(cli(MLP, '--output', text, '--text', '--dim', 'batch_size=1', '--dim', 'other=3').code).toBe(0);
  expect(fs.readFileSync(text, 'utf8').startsWith('onnx-zk tir v1 producer=onnx-frontend stage=float')).toBe(true);
  const txt = path.join(tmp(), 'mlp.tir.txt');
  expect(cli(MLP, '-o', txt).code).toBe(0);
  expect(fs.readFileSync(txt, 'utf8').startsWith('onnx-zk tir v1 ')).toBe(true);
});

test('--help exits 0 and documents the flags', () => {
  const r = cli('--help');
  expect(r.code).toBe(0);
  for (const flag of ['onnx-zk-frontend', '--output', '--dim', '--text']) expect(r.stdout).toContain(flag);
});

test.each([
  ['no arguments', []],
  ['no output', [MLP]],
  ['a malformed --dim', [MLP, '-o', 'x.tir', '--dim', 'batch']],
  ['a zero --dim', [MLP, '-o', 'x.tir', '--dim', 'batch=0']],
  ['an unknown option', [MLP, '-o', 'x.tir', '--frobnicate']],
])('usage error (%s) exits 2 without writing', (_what, args) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: tmp() });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^onnx-zk-frontend: .+\nRun 'onnx-zk-frontend --help' for usage\.\n$/);
  expect(fs.readdirSync(tmp())).toEqual([]);
});

test('user errors exit 1, list every unsupported node, print no stack and leave no output', () => {
  const spec = mlpSpec();
  spec.nodes[0].op = 'FancyGemm';
  spec.nodes[1].op = 'Quaternion';
  const model = path.join(tmp(), 'bad.onnx');
  fs.writeFileSync(model, buildModel(spec));
  const r = cli(model, '-o', path.join(tmp(), 'bad.tir'));
  expect(r.code).toBe(1);
  expect(r.stderr.split('\n')).toEqual([
    `${model}: fc (FancyGemm): error FE005: unsupported op: FancyGemm is not in the float op table`,
    `${model}: act (Quaternion): error FE005: unsupported op: Quaternion is not in the float op table`,
    '2 errors',
    '',
  ]);
  expect(fs.readdirSync(tmp())).toEqual(['bad.onnx']);
});

test('an unbound dim exits 1 naming input and dim; binding it with --dim succeeds', () => {
  const spec = mlpSpec();
  spec.inputs[0].dims = ['batch', 'features'];
  const model = path.join(tmp(), 'dims.onnx');
  fs.writeFileSync(model, buildModel(spec));
  const out = path.join(tmp(), 'dims.tir');
  const r = cli(model, '-o', out);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe(`${model}: error FE006: unbound symbolic dimension: graph input 'x' dimension 1 is 'features' (fix: bind it with --dim <name>=<value>)\n`);
  expect(fs.existsSync(out)).toBe(false);
  expect(cli(model, '-o', out, '--dim', 'features=3').code).toBe(0);
});

test('a missing model and a garbage file exit 1 with one coded line', () => {
  const missing = cli(path.join(tmp(), 'none.onnx'), '-o', path.join(tmp(), 'o.tir'));
  expect(missing.code).toBe(1);
  expect(missing.stderr).toBe(`${path.join(tmp(), 'none.onnx')}: error FE001: cannot read the file: no such file\n`);
  const garbage = path.join(tmp(), 'garbage.onnx');
  fs.writeFileSync(garbage, Buffer.from('\xff\xff\xff\xff garbage', 'latin1'));
  const r = cli(garbage, '-o', path.join(tmp(), 'o.tir'));
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^.*garbage\.onnx: error FE002: not an ONNX model \(truncated or not protobuf\): .*\n$/);
  expect(fs.readdirSync(tmp())).toEqual(['garbage.onnx']);
});
