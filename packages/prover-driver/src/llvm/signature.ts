import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { Ref } from './libllvm';
import { mdNodeOperands, mdString, namedMetadata } from './values';
import type { CircuitSignature, SignatureTensor } from './module-types';

export const SIGNATURE_METADATA = 'onnx_zk.signature';

/** Reads and validates `!onnx_zk.signature = !{!{!"<json>"}}`. */
export function readSignature(mod: Ref): CircuitSignature {
  const nodes = namedMetadata(mod, SIGNATURE_METADATA);
  if (nodes.length !== 1) raise(Errors.BAD_SIGNATURE, {}, `expected one !${SIGNATURE_METADATA} node, found ${nodes.length}`);
  const text = mdNodeOperands(nodes[0]).map(mdString)[0];
  if (text === undefined) return raise(Errors.BAD_SIGNATURE, {}, 'the node holds no string');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return raise(Errors.BAD_SIGNATURE, {}, `invalid JSON: ${(e as Error).message}`);
  }
  return validateSignature(json);
}

export function validateSignature(json: unknown): CircuitSignature {
  const sig = json as Partial<CircuitSignature> | null;
  if (!sig || typeof sig !== 'object') return raise(Errors.BAD_SIGNATURE, {}, 'not an object');
  if (sig.version !== 1) raise(Errors.BAD_SIGNATURE, {}, `unsupported version ${String(sig.version)} (expected 1)`);
  if (!Array.isArray(sig.inputs) || !Array.isArray(sig.outputs)) raise(Errors.BAD_SIGNATURE, {}, 'inputs and outputs must be arrays');
  sig.inputs.forEach((t, i) => {
    checkTensor(t, `inputs[${i}]`);
    if (t.public !== undefined && typeof t.public !== 'boolean') raise(Errors.BAD_SIGNATURE, {}, `inputs[${i}].public must be a boolean`);
  });
  sig.outputs.forEach((t, i) => checkTensor(t, `outputs[${i}]`));
  const backend = checkBackend(sig.backend);
  return {
    version: 1,
    model: typeof sig.model === 'string' ? sig.model : '',
    inputs: sig.inputs.map((t) => ({ name: t.name, shape: [...t.shape], frac: t.frac, public: t.public === true })),
    outputs: sig.outputs.map((t) => ({ name: t.name, shape: [...t.shape], frac: t.frac })),
    backend,
  };
}

function checkBackend(b: unknown): CircuitSignature['backend'] {
  if (b === undefined) return { name: 'groth16' };
  const v = b as { name?: unknown; limbBits?: unknown };
  if (v && v.name === 'groth16') return { name: 'groth16' };
  if (v && v.name === 'groth16-cr' && Number.isInteger(v.limbBits) && (v.limbBits as number) >= 1 && (v.limbBits as number) <= 20) {
    return { name: 'groth16-cr', limbBits: v.limbBits as number };
  }
  return raise(Errors.BAD_SIGNATURE, {}, `backend must be {"name": "groth16"} or {"name": "groth16-cr", "limbBits": 1..20}, got ${JSON.stringify(b)}`);
}

function checkTensor(t: SignatureTensor, where: string): void {
  if (!t || typeof t.name !== 'string') raise(Errors.BAD_SIGNATURE, {}, `${where}.name must be a string`);
  if (!Array.isArray(t.shape) || !t.shape.every((d) => Number.isInteger(d) && d >= 0)) {
    raise(Errors.BAD_SIGNATURE, {}, `${where}.shape must be a list of non-negative integers`);
  }
  if (!Number.isInteger(t.frac) || t.frac < 0) raise(Errors.BAD_SIGNATURE, {}, `${where}.frac must be a non-negative integer`);
}
