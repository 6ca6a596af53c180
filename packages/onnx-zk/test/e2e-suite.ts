/**
 * The end-to-end checks every bundled example model must pass: ONNX → proof → verification, with
 * the public outputs, the natively executed LLVM module and the integer interpreter agreeing
 * exactly, the error against onnxruntime's outputs small, and tampering rejected.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readTensorProto } from '@onnx-zk/onnx-frontend';
import { tensorValues } from '@onnx-zk/tensor-ir';
import { checkR1cs, P } from '@onnx-zk/zk-accelerator-components';
import { prepareCircuit, runVerify } from '@onnx-zk/prover-driver';
import { proveSteps, runSteps } from '../src';
import { copyDir, EXAMPLES, integerOutputs, quantizedInputText, quiet, readJson, runLli, tempDir, writeJson } from './helpers';

/** Proving the largest bundled CI model (mnist_cnn, 346k constraints) takes about 2 minutes here. */
const PROVE_TIMEOUT_MS = 600_000;

export interface EndToEndOptions {
  /** A classifier: the proved output's argmax must be the float model's. */
  classifier?: boolean;
  /** Largest allowed absolute error against the reference outputs (default 1e-3). */
  tolerance?: number;
  /** Import with --lenient (EZKL's spec-invalid exports: float Equal before opset 11, ...). */
  lenient?: boolean;
}

/** The reference outputs of a bundled example (test_data_set_0/output_N.pb), flattened in output order. */
function referenceOutputs(model: string): number[][] {
  const dir = path.join(EXAMPLES, model, 'test_data_set_0');
  return fs.readdirSync(dir).filter((f) => /^output_\d+\.pb$/.test(f)).sort()
    .map((f) => tensorValues(readTensorProto(fs.readFileSync(path.join(dir, f)))));
}

function argmax(v: number[]): number {
  return v.reduce((best, x, i) => (x > v[best] ? i : best), 0);
}

export function describeEndToEnd(model: string, options: EndToEndOptions = {}): void {
  describe(`${model} end to end`, () => {
    const input = path.join(EXAMPLES, model, 'input.json');
    let dir: string;

    beforeAll(async () => {
      dir = tempDir(model);
      await runSteps(proveSteps({ model: path.join(EXAMPLES, model, 'network.onnx'), input, out: dir, lenient: options.lenient }), quiet);
    }, PROVE_TIMEOUT_MS);

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
      const tolerance = options.tolerance ?? 1e-3;
      const references = referenceOutputs(model);
      const proved: number[][] = readJson(path.join(dir, 'outputs.json')).outputs.map((o: { values: number[] }) => o.values);
      expect(proved).toHaveLength(references.length);
      references.forEach((reference, k) => {
        expect(proved[k]).toHaveLength(reference.length);
        expect(Math.max(...proved[k].map((v, i) => Math.abs(v - reference[i])))).toBeLessThan(tolerance);
      });
      expect(report.maxAbsError).toBeLessThan(tolerance);
      if (options.classifier) expect(argmax(proved[0])).toBe(argmax(references[0]));
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
      // A private input element that no output reads (a strided convolution skips it) is the
      // prover's to choose, as any private input is: only its range check sees it.
      const firstInput = 1 + r1cs.nPubOut + r1cs.nPubIn;
      const readBeyondRangeCheck = (wire: number) => r1cs.constraints.some((c) =>
        !c.label.includes('.range_check.') && (c.a.has(wire) || c.b.has(wire) || c.c.has(wire)));
      // Only the constraints that read a wire can change when it does: check those (fast at any size).
      const readers = (wire: number) => ({ ...r1cs, constraints: r1cs.constraints.filter((c) => c.a.has(wire) || c.b.has(wire) || c.c.has(wire)) });
      const step = Math.max(1, Math.floor((r1cs.nWires - 1) / 200));
      for (let wire = 1; wire < r1cs.nWires; wire += step) {
        if (wire >= firstInput && wire < firstInput + r1cs.nPrvIn && !readBeyondRangeCheck(wire)) continue;
        const tampered = [...r1cs.witness];
        tampered[wire] = (tampered[wire] + 1n) % P;
        expect([wire, checkR1cs(readers(wire), tampered)]).not.toEqual([wire, null]);
      }
    });
  });
}
