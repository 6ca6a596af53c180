/**
 * End to end on models nobody here wrote (EZKL's examples): ONNX → proof → verification, with the
 * public outputs, the natively executed LLVM module and the integer interpreter agreeing exactly,
 * and tampering rejected.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readTensorProto } from '@onnx-zk/onnx-frontend';
import { tensorValues } from '@onnx-zk/tensor-ir';
import { checkR1cs, P } from '@onnx-zk/zk-accelerator-components';
import { prepareCircuit, releaseSnarkjs, runVerify } from '@onnx-zk/prover-driver';
import { proveSteps, runSteps } from '../src';
import { copyDir, EXAMPLES, integerOutputs, quantizedInputText, quiet, readJson, runLli, tempDir, writeJson } from './helpers';

const MODELS = ['1l_mlp', '2l_relu_fc', 'sklearn_mlp', 'accuracy'];

afterAll(async () => {
  await releaseSnarkjs();
});

describe.each(MODELS)('%s end to end', (model) => {
  const input = path.join(EXAMPLES, model, 'input.json');
  let dir: string;

  beforeAll(async () => {
    dir = tempDir(model);
    await runSteps(proveSteps({ model: path.join(EXAMPLES, model, 'network.onnx'), input, out: dir }), quiet);
  });

  it('keeps every artifact of the chain', () => {
    for (const f of ['model.tir', 'model.fxp.tir', 'model.acc.tir', 'model.bc', 'model.runtime.ll', 'accuracy.json',
      'circuit.r1cs', 'witness.wtns', 'circuit.sym', 'circuit.zkey', 'verification_key.json', 'proof.json',
      'public.json', 'Verifier.sol', 'outputs.json', 'timings.json']) {
      expect(fs.existsSync(path.join(dir, f))).toBe(true);
    }
  });

  it('proves, and the proof verifies', async () => {
    expect(await runVerify({ dir })).toEqual({ verified: true });
  });

  it('makes public exactly the integer interpreter outputs', () => {
    const proved = readJson(path.join(dir, 'outputs.json')).outputs.flatMap((o: { integers: string[] }) => o.integers);
    expect(proved).toEqual(integerOutputs(dir, input));
    const signals: string[] = readJson(path.join(dir, 'public.json'));
    expect(signals.slice(0, proved.length).map((s) => { const v = BigInt(s); return String(v > P / 2n ? v - P : v); })).toEqual(proved);
  });

  it('runs natively under lli-14 with exactly the integer interpreter outputs', () => {
    const run = runLli(path.join(dir, 'model.runtime.ll'), quantizedInputText(dir, input));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(integerOutputs(dir, input));
  });

  it('reports its error against the float reference outputs, and the error is small', () => {
    const report = readJson(path.join(dir, 'accuracy.json'));
    const reference = tensorValues(readTensorProto(fs.readFileSync(path.join(EXAMPLES, model, 'test_data_set_0', 'output_0.pb'))));
    const proved: number[] = readJson(path.join(dir, 'outputs.json')).outputs[0].values;
    expect(proved).toHaveLength(reference.length);
    const err = Math.max(...proved.map((v, i) => Math.abs(v - reference[i])));
    expect(report.maxAbsError).toBeLessThan(1e-3);
    expect(err).toBeLessThan(1e-3);
  });

  it('rejects a changed public output', async () => {
    const copy = copyDir(dir, `${model}-pub`);
    const signals: string[] = readJson(path.join(copy, 'public.json'));
    signals[0] = String((BigInt(signals[0]) + 1n) % P);
    writeJson(path.join(copy, 'public.json'), signals);
    expect((await runVerify({ dir: copy })).verified).toBe(false);
  });

  it('rejects a changed proof', async () => {
    const copy = copyDir(dir, `${model}-proof`);
    const proof = readJson(path.join(copy, 'proof.json'));
    proof.pi_a[0] = String((BigInt(proof.pi_a[0]) + 1n) % P);
    writeJson(path.join(copy, 'proof.json'), proof);
    expect((await runVerify({ dir: copy })).verified).toBe(false);
  });

  it('fails the R1CS check when any single witness value changes', () => {
    const { r1cs } = prepareCircuit(path.join(dir, 'model.bc'), input).assignment;
    expect(checkR1cs(r1cs, r1cs.witness)).toBeNull();
    const step = Math.max(1, Math.floor((r1cs.nWires - 1) / 200));
    for (let wire = 1; wire < r1cs.nWires; wire += step) {
      const tampered = [...r1cs.witness];
      tampered[wire] = (tampered[wire] + 1n) % P;
      expect([wire, checkR1cs(r1cs, tampered)]).not.toEqual([wire, null]);
    }
  });
});
