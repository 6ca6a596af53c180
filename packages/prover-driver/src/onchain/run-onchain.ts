import * as fs from 'fs';
import * as path from 'path';
import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { PROOF_FILES } from '../prove/files';
import { crCalldata } from '../cr/calldata';
import type { CrProof } from '../cr/prove-cr';
import { verifyProofCalldata } from './calldata';
import { compileVerifier, CompiledVerifier } from './compile-verifier';
import { deployAndCall, TxGas } from './evm';

export interface OnchainOptions {
  /** A folder written by runProve (Verifier.sol, proof.json, public.json). */
  dir: string;
}

export interface OnchainResult {
  /** verifyProof returned true. */
  verified: boolean;
  /** Why verifyProof did not return true (false, a revert, unusable signals). */
  reason?: string;
  /** The verifyProof call: gas of its transaction and of its execution. */
  gas: TxGas;
  /** Gas of the deployment transaction. */
  deployGas: number;
  publicSignals: number;
  contract: string;
  /** solc's full version, e.g. 0.8.30+commit.73712a01 */
  solcVersion: string;
}

const TRUE_WORD = `${'0'.repeat(63)}1`;

/**
 * The on-chain check of a proof folder: compiles its Verifier.sol with solc, deploys it on a fresh
 * in-process EVM and calls verifyProof with the proof's calldata, reporting the gas. A groth16-cr
 * folder (proof.json's protocol) has the groth16-cr verifier, whose verifyProof also takes C1.
 */
export async function runOnchainVerify(options: OnchainOptions): Promise<OnchainResult> {
  const file = path.join(options.dir, PROOF_FILES.verifier);
  const source = readFile(options.dir, PROOF_FILES.verifier);
  const proof = parseJson(options.dir, PROOF_FILES.proof);
  const publicSignals = parseJson(options.dir, PROOF_FILES.public);
  return checkOnchain(compileVerifier(source, file), proof, publicSignals, file);
}

/**
 * Deploys a compiled verifier and calls verifyProof(proof, publicSignals) on a fresh EVM; the
 * calldata follows the verifier's protocol, which must be the proof's.
 */
export async function checkOnchain(verifier: CompiledVerifier, proof: unknown, publicSignals: unknown, file: string = PROOF_FILES.verifier): Promise<OnchainResult> {
  const base = { gas: { transaction: 0, execution: 0 }, deployGas: 0, publicSignals: verifier.publicSignals, contract: verifier.contract, solcVersion: verifier.solcVersion };
  const unusable = signalsProblem(publicSignals, verifier.publicSignals);
  if (unusable) return { ...base, verified: false, reason: unusable };
  const protocol = (proof as { protocol?: unknown } | null)?.protocol ?? 'groth16';
  if (protocol !== verifier.protocol) return { ...base, verified: false, reason: `proof.json is a ${String(protocol)} proof, Verifier.sol verifies ${verifier.protocol}` };
  let calldata: string;
  try {
    calldata = verifier.protocol === 'groth16-cr'
      ? crCalldata(verifier.selector, proof as CrProof, publicSignals as string[])
      : await verifyProofCalldata(verifier.selector, proof, publicSignals as string[]);
  } catch (e) {
    return { ...base, verified: false, reason: `proof.json cannot be encoded as calldata: ${(e as Error).message}` };
  }
  const outcome = await deployAndCall(verifier.bytecode, calldata);
  if (outcome.error?.phase === 'deploy') raise(Errors.VERIFIER_DEPLOY, { file }, `${verifier.contract}: ${outcome.error.message}`);
  const result = { ...base, gas: outcome.call, deployGas: outcome.deploy.transaction };
  if (outcome.error) return { ...result, verified: false, reason: `verifyProof reverted (${outcome.error.message})` };
  const verified = outcome.returnData === TRUE_WORD;
  return verified ? { ...result, verified } : { ...result, verified, reason: 'verifyProof returned false' };
}

/** The line the CLIs print, e.g. `on-chain: verifyProof = true, gas 234,666 (...)`. */
export function formatOnchain(r: OnchainResult): string {
  if (r.gas.transaction === 0) return `on-chain: verifyProof not called (${r.reason})`;
  const gas = (n: number) => n.toLocaleString('en-US');
  const release = r.solcVersion.replace(/\+.*$/, '');
  return `on-chain: verifyProof = ${r.verified}, gas ${gas(r.gas.transaction)} (execution ${gas(r.gas.execution)}, ${r.publicSignals} public signal${r.publicSignals === 1 ? '' : 's'}; `
    + `Verifier.sol compiled with solc ${release})${r.reason ? `: ${r.reason}` : ''}`;
}

function signalsProblem(signals: unknown, expected: number): string | undefined {
  if (!Array.isArray(signals) || !signals.every((s) => typeof s === 'string' && /^\d{1,78}$/.test(s) && BigInt(s) < 2n ** 256n)) {
    return 'public.json is not a list of uint256 values';
  }
  if (signals.length !== expected) return `public.json has ${signals.length} signals, Verifier.sol expects ${expected}`;
  return undefined;
}

function readFile(dir: string, name: string): string {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) raise(Errors.PROOF_DIR_INCOMPLETE, { file: dir }, `no ${name}`);
  return fs.readFileSync(file, 'utf8');
}

function parseJson(dir: string, name: string): unknown {
  const text = readFile(dir, name);
  try {
    return JSON.parse(text);
  } catch (e) {
    return raise(Errors.PROOF_DIR_INCOMPLETE, { file: path.join(dir, name) }, `unreadable JSON: ${(e as Error).message}`);
  }
}
