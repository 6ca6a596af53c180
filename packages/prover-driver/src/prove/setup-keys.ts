import * as crypto from 'crypto';
import * as fs from 'fs';
import { assert } from '@onnx-zk/tensor-ir';
import { assertPtauFits, devPtau, ptauInfo } from '../setup';
import { cachedKey } from './key-cache';
import type { R1csInfo } from './r1cs-info';
import { collectingLogger, snarkjs } from './snarkjs';

export interface KeySetup {
  /** The proving key (in the cache). */
  zkey: string;
  cached: boolean;
  circuitHash: string;
  ptau: string;
  ptauPower: number;
  /** True when the insecure development ptau was used. */
  insecure: boolean;
}

/**
 * The smallest ptau power snarkjs accepts for a circuit (its newZKey rule):
 * floor(log2(constraints + public signals)) + 1.
 */
export function requiredPower(constraints: number, publicSignals: number): number {
  const n = constraints + publicSignals;
  return n <= 1 ? 1 : Math.floor(Math.log2(n)) + 1;
}

/**
 * Groth16 setup for a circuit: phase 1 from a real ceremony file (`ptau`, checked to be prepared
 * and large enough) or the insecure development ptau of src/setup (which logs its WARNING line);
 * phase 2 by snarkjs newZKey plus one contribution of fresh randomness, since a key with no
 * phase-2 contribution (delta = 1) would let anyone forge proofs.
 */
export async function setupKeys(r1cs: string, info: R1csInfo, ptau: string | undefined, log: (line: string) => void): Promise<KeySetup> {
  const needed = requiredPower(info.constraints, info.publicOutputs + info.publicInputs);
  const ptauFile = ptau ?? (await devPtau(needed, { log }));
  const { power } = ptau ? await assertPtauFits(ptau, needed) : await ptauInfo(ptauFile);
  const key = await cachedKey(r1cs, ptauFile, (tmp) => buildKey(r1cs, ptauFile, tmp));
  return { zkey: key.file, cached: key.cached, circuitHash: key.circuitHash, ptau: ptauFile, ptauPower: power, insecure: !ptau };
}

async function buildKey(r1cs: string, ptau: string, out: string): Promise<void> {
  const logger = collectingLogger();
  const initial = `${out}.0000`;
  try {
    const result = await snarkjs.zKey.newZKey(r1cs, ptau, initial, logger);
    assert(result !== -1, `snarkjs newZKey failed: ${logger.messages.join('; ')}`);
    await snarkjs.zKey.contribute(initial, out, 'onnx-zk', crypto.randomBytes(32).toString('hex'), logger);
  } finally {
    fs.rmSync(initial, { force: true });
  }
}
