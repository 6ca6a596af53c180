import { raise, readInputJson, quantize, dequantize, numel, withFile } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { CircuitSignature, SignatureInput } from '../llvm';
import type { InputBounds } from './input-bounds';

/**
 * Reads input.json (EZKL's `{"input_data": [[...], ...]}`), quantizes each model input at its
 * frac from the signature, and checks every element against the input's declared range before
 * anything is built. An input at frac 0 takes integers (token ids; real inputs have frac ≥ 1).
 * Returns one BigInt64Array per model input.
 */
export function quantizeInputs(file: string, signature: CircuitSignature, bounds: readonly InputBounds[]): BigInt64Array[] {
  return withFile(file, () => {
    const data = readInputJson(file);
    if (data.length !== signature.inputs.length) {
      raise(Errors.BAD_INPUT_JSON, {}, `${data.length} inputs given, the model takes ${signature.inputs.length}`);
    }
    return signature.inputs.map((input, i) => quantizeOne(input, data[i], bounds[i]));
  });
}

function quantizeOne(input: SignatureInput, reals: number[], bounds: InputBounds): BigInt64Array {
  const n = numel(input.shape);
  if (reals.length !== n) {
    raise(Errors.BAD_INPUT_JSON, {}, `input ${input.name} has ${reals.length} elements, its shape [${input.shape.join(', ')}] needs ${n}`);
  }
  const values = new BigInt64Array(n);
  reals.forEach((x, j) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) raise(Errors.BAD_INPUT_JSON, {}, `input ${input.name}[${j}] is not a finite number`);
    if (input.frac === 0 && !Number.isInteger(x)) raise(Errors.BAD_INPUT_JSON, {}, `input ${input.name}[${j}] is ${x}: this input takes integers (token ids)`);
    const v = quantize(x, input.frac);
    const lo = at(bounds.lo, j);
    const hi = at(bounds.hi, j);
    if (v < lo || v > hi) raise(Errors.INPUT_OUT_OF_RANGE, bounds.site, outOfRange(input, j, x, v, lo, hi));
    values[j] = v;
  });
  return values;
}

function outOfRange(input: SignatureInput, j: number, x: number, v: bigint, lo: bigint, hi: bigint): string {
  const real = (b: bigint) => dequantize(b, input.frac);
  return `input ${input.name} element ${j} = ${x} (fixed ${v} at frac ${input.frac}) is outside [${real(lo)}, ${real(hi)}] (fixed [${lo}, ${hi}])`;
}

/** Bounds arrays hold one entry per element, or a single entry for all of them. */
function at(b: BigInt64Array, j: number): bigint {
  return b[b.length === 1 ? 0 : j];
}
