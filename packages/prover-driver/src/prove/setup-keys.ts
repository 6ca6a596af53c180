import * as crypto from 'crypto';
import * as fs from 'fs';
import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { assertPtauFits, DEV_KEY_TAG, generateDevZkey, INSECURE_KEY_WARNING, requiredPower } from '../setup';
import { Q } from '../setup/bn254';
import { cachedKey } from './key-cache';
import type { R1csInfo } from './r1cs-info';
import { collectingLogger, Groth16Proof, snarkjs } from './snarkjs';
import { readZkeyHeader } from './zkey-header';

export interface KeySetup {
  /** The proving key (in the cache). */
  zkey: string;
  cached: boolean;
  circuitHash: string;
  /** The ceremony file, or for the development key the key itself (named in errors). */
  ptau: string;
  ptauPower: number;
  /** True for the INSECURE development key (no ceremony). */
  insecure: boolean;
  /** True when the key is the user's (--zkey) rather than derived from a ptau. */
  given?: boolean;
}


/**
 * Groth16 setup for a circuit: with a real ceremony file (`ptau`, checked to be prepared and large
 * enough), snarkjs newZKey plus one phase-2 contribution of fresh randomness (a key with no
 * contribution, delta = 1, would let anyone forge proofs); without one, the INSECURE development
 * key; with `zkey`, the user's key checked against the circuit.
 */
export async function setupKeys(r1cs: string, info: R1csInfo, ptau: string | undefined, log: (line: string) => void, zkey?: string): Promise<KeySetup> {
  const needed = requiredPower(info.constraints, info.publicOutputs + info.publicInputs);
  if (zkey) return givenKey(zkey, info, needed, log);
  if (!ptau) return devKey(r1cs, needed, log);
  const { power } = await assertPtauFits(ptau, needed);
  const key = await cachedKey(r1cs, { file: ptau }, (tmp) => buildKey(r1cs, ptau, tmp));
  return { zkey: key.file, cached: key.cached, circuitHash: key.circuitHash, ptau, ptauPower: power, insecure: false };
}

/**
 * No ceremony file: the INSECURE development key, written directly from secrets sampled and
 * dropped (src/setup/dev-zkey.ts), cached by circuit hash. Logs the WARNING line every time.
 */
async function devKey(r1cs: string, power: number, log: (line: string) => void): Promise<KeySetup> {
  log(INSECURE_KEY_WARNING);
  const key = await cachedKey(r1cs, { tag: DEV_KEY_TAG }, async (tmp, circuitHash) => { await generateDevZkey(r1cs, tmp, { r1csSha256: circuitHash }); });
  return { zkey: key.file, cached: key.cached, circuitHash: key.circuitHash, ptau: key.file, ptauPower: power, insecure: true };
}

async function buildKey(r1cs: string, ptau: string, out: string): Promise<void> {
  await keyFromPtau(r1cs, ptau, out, 'onnx-zk');
}

/**
 * snarkjs newZKey from the ceremony file, `beforeContribution` on the initial key (δ = 1), then one
 * phase-2 contribution of fresh randomness into `out`; snarkjs's failures are KEY_FROM_PTAU_FAILED
 * naming the ptau. Shared by the plain and the groth16-cr keys (cr/ptau-key.ts).
 */
export async function keyFromPtau(r1cs: string, ptau: string, out: string, name: string, beforeContribution?: (initial: string) => Promise<void>): Promise<void> {
  const logger = collectingLogger();
  const initial = `${out}.0000`;
  const failed = (e?: unknown) => raise(Errors.KEY_FROM_PTAU_FAILED, { file: ptau }, [...logger.messages, e ? (e as Error).message : ''].filter(Boolean).join('; '));
  try {
    const result = await snarkjs.zKey.newZKey(r1cs, ptau, initial, logger).catch(failed);
    if (result === -1) failed();
    await beforeContribution?.(initial);
    await snarkjs.zKey.contribute(initial, out, name, crypto.randomBytes(32).toString('hex'), logger).catch(failed);
  } finally {
    fs.rmSync(initial, { force: true });
  }
}

/** A user's proving key (--zkey), its header checked against the circuit. */
function givenKey(zkey: string, info: R1csInfo, needed: number, log: (line: string) => void): KeySetup {
  const h = readZkeyHeader(zkey);
  const nPublic = info.publicOutputs + info.publicInputs;
  const mismatch = [['public signals', h.nPublic, nPublic], ['wires', h.nVars, info.wires], ['domain size', h.domainSize, 2 ** needed]]
    .filter(([, key, circuit]) => key !== circuit)
    .map(([what, key, circuit]) => `${what}: key ${key}, circuit ${circuit}`);
  if (mismatch.length) raise(Errors.ZKEY_WRONG_CIRCUIT, { file: zkey }, mismatch.join('; '));
  if (isG1Generator(h.delta1)) log('WARNING: the proving key has no phase-2 contribution (delta = 1): anyone can forge proofs for it');
  return { zkey, cached: false, circuitHash: '', ptau: '', ptauPower: needed, insecure: false, given: true };
}

/** δ1 = G1 = (1, 2) means no phase-2 contribution (points are stored as little-endian Montgomery x ‖ y). */
function isG1Generator(point: Buffer): boolean {
  const montgomery = (v: bigint) => Buffer.from(((v << 256n) % Q).toString(16).padStart(64, '0'), 'hex').reverse();
  return point.equals(Buffer.concat([montgomery(1n), montgomery(2n)]));
}

/** groth16.prove with the key; a key that makes snarkjs fail is a coded error naming it. */
export async function proveWithKey(keys: KeySetup, wtns: string): Promise<{ proof: Groth16Proof; publicSignals: string[] }> {
  try {
    return await snarkjs.groth16.prove(keys.zkey, wtns, collectingLogger());
  } catch (e) {
    return raise(Errors.PROVE_FAILED, { file: keys.given ? keys.zkey : keys.ptau }, (e as Error).message);
  }
}

/**
 * A fresh proof that does not verify with the key's own verification key: the key is for another
 * circuit or corrupt (a derived key is dropped from the cache so that it is not reused).
 */
export function rejectKey(keys: KeySetup): never {
  if (!keys.given) fs.rmSync(keys.zkey, { force: true });
  const site = { file: keys.given ? keys.zkey : keys.ptau };
  return raise(Errors.PROOF_REJECTED_BY_KEY, site, keys.given ? '' : `key derived from ${keys.ptau}`);
}
