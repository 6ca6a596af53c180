import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeTensor, onnxOps, printTir, readTir, runFloat, tensorValues, writeTir } from '@onnx-zk/tensor-ir';
import { fixedMlp, floatMlp } from './helpers/graphs';

// Runs the built CLI (nx builds before testing; `npm run build` when running jest by hand).
const CLI = path.join(__dirname, '../dist/cli.js');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('onnx-zk-ir', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tir-cli-'));
  const model = path.join(dir, 'model.tir');
  const input = path.join(dir, 'input.json');

  beforeAll(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' in packages/tensor-ir first`);
    writeTir(model, { producer: 'onnx-zk-frontend', graph: floatMlp() });
    fs.writeFileSync(input, JSON.stringify({ input_data: [[1, 2, 3]] }));
  });

  it('print writes the text form', () => {
    const r = cli('print', model);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(printTir({ producer: 'onnx-zk-frontend', graph: floatMlp() }));
  });

  it('verify summarises a good file and lists every problem of a bad one (exit 1, no stack)', () => {
    expect(cli('verify', model)).toEqual({ code: 0, stdout: 'ok: 7 nodes, stage float\n', stderr: '' });
    const bad = path.join(dir, 'bad.tir.txt');
    fs.writeFileSync(bad, printTir({ producer: 'p', graph: floatMlp() }).replace('Relu(', 'Zorp(').replace('MatMul(', 'Blorf('));
    const r = cli('verify', bad);
    const known = Object.keys(onnxOps).join(', ');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe([
      `${bad}: Relu_1 (Zorp): error IR007: unknown op for this IR stage: 'Zorp' is not an op of the float dialect (known: ${known})`,
      `${bad}: MatMul_2 (Blorf): error IR007: unknown op for this IR stage: 'Blorf' is not an op of the float dialect (known: ${known})`,
      '2 errors', ''].join('\n'));
  });

  it('run prints the outputs of the float interpreter, as text or JSON', () => {
    const y = tensorValues(runFloat(floatMlp(), [makeTensor('float32', [1, 3], [1, 2, 3])]).get('y')!);
    expect(y).toEqual([Math.fround(23.324999), 1.5]); // float32 rounding of 23.325 computed in float64
    expect(cli('run', model, '--input', input).stdout).toBe('y: float32[1,2] [23.324999, 1.5]\n');
    const json = JSON.parse(cli('run', model, '--input', input, '--json').stdout);
    expect(json).toEqual({ output_names: ['y'], output_shapes: [[1, 2]], output_data: [[23.324999, 1.5]] });
    expect(json.output_data[0].map(Math.fround)).toEqual(y); // the shortest decimals read back as the same float32
  });

  it('run rejects a fixed-stage file and bad input (exit 1)', () => {
    const fxp = path.join(dir, 'model.fxp.tir');
    writeTir(fxp, { producer: 'onnx-zk-fxp', graph: fixedMlp() });
    expect(cli('run', fxp, '--input', input)).toMatchObject({ code: 1, stderr: expect.stringMatching(/IR005: wrong IR stage: expected a float .tir/) });
    fs.writeFileSync(path.join(dir, 'short.json'), '{"input_data": [[1]]}');
    expect(cli('run', model, '--input', path.join(dir, 'short.json'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/IR020/) });
  });

  it('convert goes binary → text → binary without loss', () => {
    const txt = path.join(dir, 'copy.tir.txt');
    const bin = path.join(dir, 'copy.tir');
    const forced = path.join(dir, 'forced.tir');
    expect(cli('convert', model, txt).code).toBe(0);
    expect(cli('convert', txt, bin).code).toBe(0);
    expect(cli('convert', bin, forced, '--text').code).toBe(0);
    expect(fs.readFileSync(txt, 'utf8')).toBe(printTir(readTir(model)));
    expect(fs.readFileSync(bin)).toEqual(fs.readFileSync(model));
    expect(fs.readFileSync(forced, 'utf8')).toBe(fs.readFileSync(txt, 'utf8'));
  });

  it('reports a missing or non-.tir file with exit 1 and no stack trace', () => {
    const r = cli('print', path.join(dir, 'missing.tir'));
    expect(r).toMatchObject({ code: 1, stderr: `${path.join(dir, 'missing.tir')}: error IR006: cannot read file: no such file\n` });
    expect(cli('verify', input)).toMatchObject({ code: 1, stderr: expect.stringMatching(/IR001: not an onnx-zk .tir file: the file starts with "\{\\"input_"; expected an onnx-zk .tir file/) });
  });

  it('has --help for every command and exits 2 on usage errors', () => {
    for (const cmd of ['print', 'verify', 'run', 'convert']) {
      const r = cli(cmd, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`onnx-zk-ir ${cmd}`);
    }
    expect(cli().code).toBe(2);
    expect(cli('frobnicate').stderr).toMatch(/Unknown argument: frobnicate/);
    expect(cli('run', model).code).toBe(2); // --input is required
    expect(cli('verify', model, '--bogus').code).toBe(2);
  });
});
