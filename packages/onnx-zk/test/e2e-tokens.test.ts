/**
 * Token-id models: a GPT-2-shaped model (tools/dist/gen-gpt2.js: 2 layers, d = 32, 4 heads,
 * vocabulary 64, 16 tokens) proved end to end from int64 input ids; nanoGPT (re-exported at opset
 * 17, and EZKL's own opset-10 export under --lenient) compiled to LLVM and run natively against the
 * integer interpreter (their proofs, about 3.7M constraints and 40 minutes each here, are in
 * benchmarks/transformers, not in CI); and input data that must be refused before anything is built.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { readTensorProto } from '@onnx-zk/onnx-frontend';
import { readTir, tensorValues } from '@onnx-zk/tensor-ir';
import { releaseSnarkjs } from '@onnx-zk/prover-driver';
import { compileSteps, runSteps } from '../src';
import { describeEndToEnd } from './e2e-suite';
import { EXAMPLES, integerOutputs, quantizedInputText, quiet, readJson, runLli, tempDir, writeJson } from './helpers';

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');

function onnxZk(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(async () => {
  await releaseSnarkjs();
});

describeEndToEnd('gpt2_tiny');

describe.each([
  ['nanogpt_ezkl_op17', false],
  ['nanoGPT', true],
])('%s compiled (lenient %s): token embedding, attention, GELU, LayerNorm', (name, lenient) => {
  const model = path.join(EXAMPLES, name);
  const dir = tempDir(name);
  const input = path.join(model, 'input.json');

  beforeAll(async () => {
    await runSteps(compileSteps({ model: path.join(model, 'network.onnx'), input, out: dir, lenient }), quiet);
  }, 300_000);

  it('takes the token ids as an integer input bounded by the vocabulary, and embeds them with table_gather', () => {
    const acc = readTir(path.join(dir, 'model.acc.tir'), 'accel').graph;
    const ids = acc.values.get(acc.inputs[0])!;
    expect(ids.fixed!.frac).toBe(0);
    expect([ids.fixed!.lo[0], ids.fixed!.hi[0]]).toEqual([0n, 64n]);
    const gather = acc.nodes.find((n) => n.op === 'TableGather')!;
    expect(gather.loc).toEqual(['/wte/Gather']);
  });

  it('runs natively under lli-14 with exactly the integer interpreter outputs', () => {
    const run = runLli(path.join(dir, 'model.runtime.ll'), quantizedInputText(dir, input));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(integerOutputs(dir, input));
  }, 120_000);

  it('has logits within 1e-2 of onnxruntime\'s', () => {
    const reference = tensorValues(readTensorProto(fs.readFileSync(path.join(model, 'test_data_set_0', 'output_0.pb'))));
    const report = readJson(path.join(dir, 'accuracy.json'));
    expect(report.outputs[0].float).toHaveLength(reference.length);
    const fixed: number[] = report.outputs[0].fixed;
    expect(Math.max(...fixed.map((v, i) => Math.abs(v - reference[i])))).toBeLessThan(1e-2);
  });
});

describe('token ids the model cannot take are refused before anything is built', () => {
  const model = path.join(EXAMPLES, 'gpt2_tiny', 'network.onnx');
  const ids = readJson(path.join(EXAMPLES, 'gpt2_tiny', 'input.json')).input_data[0] as number[];
  const work = tempDir('bad-tokens');

  test.each([
    ['an id outside the vocabulary', [...ids.slice(0, -1), 64], /error FP005: .*input 'input_ids' element 15 = 64 is outside \[0, 63\]/],
    ['a negative id', [-1, ...ids.slice(1)], /error FP005: .*element 0 = -1 is outside \[0, 63\]/],
    ['a wrong input length', ids.slice(0, 3), /error FP008: .*input 'input_ids' \[1,16\] has 16 elements, got 3/],
    ['a fractional id', [...ids.slice(0, -1), 1.5], /error FP008: .*element 15 is 1.5: this input takes integers \(token ids\)/],
  ])('%s: coded error, exit 1, no work directory left', (_name, data, message) => {
    const file = path.join(work, `${_name.replace(/\W+/g, '-')}.json`);
    writeJson(file, { input_data: [data] });
    const out = path.join(work, `${_name.replace(/\W+/g, '-')}-out`);
    const r = onnxZk(['prove', model, '--input', file, '--out', out]);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/    at /);
    expect(r.code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('the prover refuses an id outside the vocabulary for a compiled module (PV010) and writes no witness', () => {
    const out = path.join(work, 'compiled');
    expect(onnxZk(['compile', model, '--input', path.join(EXAMPLES, 'gpt2_tiny', 'input.json'), '--out', out]).code).toBe(0);
    const bad = path.join(work, 'bad-for-prover.json');
    writeJson(bad, { input_data: [[...ids.slice(0, -1), 99]] });
    const prover = path.join(__dirname, '..', '..', 'prover-driver', 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [prover, 'prove', path.join(out, 'model.bc'), '--input', bad, '--out', path.join(out, 'proof')], { encoding: 'utf8' });
    expect(r.stderr).toMatch(/error PV010: .*input input_ids element 15 = 99/);
    expect(r.status).toBe(1);
    expect(fs.existsSync(path.join(out, 'proof', 'witness.wtns'))).toBe(false);
  });
});
