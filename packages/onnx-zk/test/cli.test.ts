/** The umbrella CLI as a user runs it: prove, verify again, and coded errors with no output left. */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { EXAMPLES, readJson, tempDir, writeJson } from './helpers';

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');

function onnxZk(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('onnx-zk CLI', () => {
  const work = tempDir('cli');
  const out = path.join(work, 'sklearn_mlp');
  const model = path.join(EXAMPLES, 'sklearn_mlp');

  it('proves a model from ONNX input_N.pb files and ends with the verification result', () => {
    const r = onnxZk(['prove', path.join(model, 'network.onnx'), '--input', path.join(model, 'test_data_set_0', 'input_0.pb'), '--out', out]);
    expect(r.stderr).toMatch(/\[6\/6\] assign, set up, prove and verify/);
    expect(r.stderr).toMatch(/WARNING: insecure development setup/);
    expect(r.stdout).toMatch(/error against the float model: max abs \d/);
    expect(r.stdout).toMatch(/circuit: \d+ constraints/);
    expect(r.stdout).toMatch(/verified: true\n/);
    expect(r.code).toBe(0);
    expect(readJson(path.join(out, 'input.json')).input_data).toHaveLength(1);
  });

  it('verifies the directory again, and exits 1 once public.json is changed', () => {
    expect(onnxZk(['verify', out])).toMatchObject({ code: 0, stdout: 'verified: true\n' });
    const signals: string[] = readJson(path.join(out, 'public.json'));
    writeJson(path.join(out, 'public.json'), [String(BigInt(signals[0]) + 1n), ...signals.slice(1)]);
    const r = onnxZk(['verify', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^verified: false/);
  });

  it('reports a truncated model with a coded error, exit 1 and no work directory', () => {
    const bad = path.join(work, 'truncated.onnx');
    fs.writeFileSync(bad, fs.readFileSync(path.join(EXAMPLES, 'accuracy', 'network.onnx')).subarray(0, 500));
    const dir = path.join(work, 'never');
    const r = onnxZk(['prove', bad, '--input', path.join(EXAMPLES, 'accuracy', 'input.json'), '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/truncated\.onnx: error FE\d{3}: /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(fs.existsSync(path.join(dir, 'model.tir'))).toBe(false);
  });

  it('rejects an input outside the declared range before proving, naming the input', () => {
    const input = path.join(work, 'far.json');
    writeJson(input, { input_data: [[100, 0, 0]] });
    const dir = path.join(work, 'far');
    const r = onnxZk(['prove', path.join(model, 'network.onnx'), '--input', input, '--input-range', '-4,4', '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error FP\d{3}: .*element 0/);
    expect(fs.existsSync(path.join(dir, 'proof.json'))).toBe(false);
  });

  it('has --help and treats a missing argument as a usage error (exit 2)', () => {
    expect(onnxZk(['--help'])).toMatchObject({ code: 0 });
    expect(onnxZk(['prove', '--help']).stdout).toMatch(/--input-range/);
    expect(onnxZk(['prove', 'x.onnx']).code).toBe(2);
    expect(onnxZk([]).code).toBe(2);
  });
});
