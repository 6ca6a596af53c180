import { dequantize, numel } from '@onnx-zk/tensor-ir';
import { fromField } from '@onnx-zk/zk-accelerator-components';
import type { CircuitSignature } from '../llvm';

/** One model output as proved: signed integers (from the public field elements) and their reals. */
export interface DecodedOutput {
  name: string;
  shape: number[];
  frac: number;
  /** Exact signed integers, as decimal strings (they may exceed 2^53). */
  integers: string[];
  /** integers / 2^frac. */
  values: number[];
}

/** outputs.json */
export interface OutputsFile {
  version: 1;
  model: string;
  outputs: DecodedOutput[];
}

/** Decodes the public outputs, which snarkjs lists first among the public signals. */
export function decodeOutputs(signature: CircuitSignature, publicSignals: readonly string[]): OutputsFile {
  let offset = 0;
  const outputs = signature.outputs.map((t) => {
    const n = numel(t.shape);
    const ints = publicSignals.slice(offset, offset + n).map((s) => fromField(BigInt(s)));
    offset += n;
    return { name: t.name, shape: [...t.shape], frac: t.frac, integers: ints.map(String), values: ints.map((v) => dequantize(v, t.frac)) };
  });
  return { version: 1, model: signature.model, outputs };
}

/** Why outputs.json does not describe these public signals, or undefined when it does. */
export function outputsMismatch(file: OutputsFile, publicSignals: readonly string[]): string | undefined {
  if (file?.version !== 1 || !Array.isArray(file.outputs)) return 'outputs.json is not an onnx-zk outputs file (version 1)';
  let offset = 0;
  for (const out of file.outputs) {
    if (!Array.isArray(out.integers) || !Array.isArray(out.values) || out.integers.length !== out.values.length) {
      return `output ${out.name}: integers and values must be lists of the same length`;
    }
    for (let i = 0; i < out.integers.length; i++, offset++) {
      if (offset >= publicSignals.length) return `output ${out.name}[${i}] has no public signal`;
      const proved = fromField(BigInt(publicSignals[offset]));
      if (String(proved) !== String(out.integers[i])) return `output ${out.name}[${i}]: outputs.json says ${out.integers[i]}, the proof says ${proved}`;
      if (dequantize(proved, out.frac) !== out.values[i]) return `output ${out.name}[${i}]: value ${out.values[i]} is not ${proved} / 2^${out.frac}`;
    }
  }
  return undefined;
}
