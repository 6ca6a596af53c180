import * as fs from 'fs';
import * as path from 'path';
import { raise } from '@onnx-zk/tensor-ir';
import { verifyCr } from '../cr';
import { Errors } from '../errors';
import { PROOF_FILES } from './files';
import { outputsMismatch, OutputsFile } from './outputs';
import { releaseSnarkjs, snarkjs } from './snarkjs';

export interface VerifyOptions {
  /** A folder written by runProve. */
  dir: string;
}

export interface VerifyResult {
  verified: boolean;
  /** Why verification failed. */
  reason?: string;
}

/**
 * Re-verifies proof.json and public.json with verification_key.json (Groth16, or groth16-cr when
 * proof.json says so), and checks that outputs.json states exactly the outputs the proof makes public.
 */
export async function runVerify(options: VerifyOptions): Promise<VerifyResult> {
  const vkey = readJson(options.dir, PROOF_FILES.vkey);
  const proof = readJson(options.dir, PROOF_FILES.proof);
  const publicSignals = readJson(options.dir, PROOF_FILES.public);
  const outputs = readJson(options.dir, PROOF_FILES.outputs) as OutputsFile;
  if (!Array.isArray(publicSignals) || !publicSignals.every((s) => typeof s === 'string' && /^\d+$/.test(s))) {
    return { verified: false, reason: 'public.json is not a list of field elements' };
  }
  try {
    if (!(await verifyProof(vkey, publicSignals, proof))) return { verified: false, reason: 'the Groth16 proof does not verify' };
  } finally {
    await releaseSnarkjs();
  }
  const mismatch = outputsMismatch(outputs, publicSignals);
  return mismatch ? { verified: false, reason: mismatch } : { verified: true };
}

/** groth16.verify (or verifyCr), with malformed proofs (points off the curve, bad encodings) counted as false. */
async function verifyProof(vkey: unknown, publicSignals: string[], proof: unknown): Promise<boolean> {
  if ((proof as { protocol?: unknown } | null)?.protocol === 'groth16-cr') return verifyCr(vkey, publicSignals, proof);
  const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  try {
    return (await snarkjs.groth16.verify(vkey, publicSignals, proof, silent)) === true;
  } catch {
    return false;
  }
}

function readJson(dir: string, name: string): unknown {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) raise(Errors.PROOF_DIR_INCOMPLETE, { file: dir }, `no ${name}`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return raise(Errors.PROOF_DIR_INCOMPLETE, { file }, `unreadable JSON: ${(e as Error).message}`);
  }
}
