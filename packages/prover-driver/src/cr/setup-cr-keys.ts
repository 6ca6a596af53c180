import { raise } from '@onnx-zk/tensor-ir';
import type { RoundsInfo } from '@onnx-zk/zk-accelerator-components';
import { cachedKey } from '../prove/key-cache';
import type { R1csInfo } from '../prove/r1cs-info';
import { KeySetup, setupKeys } from '../prove/setup-keys';
import { assertPtauFits, generateDevZkey, INSECURE_KEY_WARNING, requiredPower } from '../setup';
import { sha256File } from '../setup/files';
import { CrErrors } from './errors';
import { buildCrKeyFromPtau, RoundSplit } from './ptau-key';
import { readCrSection } from './zkey-section';

/** PV302 unless circuit.rounds describes this circuit (counts and a round split that fits). */
export function checkRounds(rounds: RoundsInfo, info: R1csInfo, file: string): void {
  const nPublic = info.publicOutputs + info.publicInputs;
  const problems = [
    rounds.nWires !== info.wires && `${rounds.nWires} wires, the circuit has ${info.wires}`,
    rounds.nModelPublic + rounds.nChallenges !== nPublic && `${rounds.nModelPublic} model public signals and ${rounds.nChallenges} challenges, the circuit has ${nPublic} public signals`,
    (rounds.round2Start < nPublic + 1 || rounds.round2Start > info.wires) && `round 2 starts at wire ${rounds.round2Start}, outside ${nPublic + 1}..${info.wires}`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length) raise(CrErrors.ROUNDS_MISMATCH, { file }, problems.join('; '));
}

/**
 * groth16-cr keys, as setupKeys (prove/setup-keys.ts) for plain Groth16: the user's key (--zkey,
 * its header checked and its section 11 matched to the round split), one from a ceremony file
 * (--ptau; cr/ptau-key.ts), or the INSECURE development key (setup/dev-zkey.ts with `cr`). Cached
 * keys are named by r1cs hash, source and round split, never shared with the plain backend's.
 */
export async function setupCrKeys(r1cs: string, rounds: RoundsInfo, info: R1csInfo, ptau: string | undefined, log: (line: string) => void, zkey?: string): Promise<KeySetup> {
  const split: RoundSplit = { round2Start: rounds.round2Start, nChallenges: rounds.nChallenges };
  const tag = `cr-${split.round2Start}-${split.nChallenges}`;
  if (zkey) {
    const keys = await setupKeys(r1cs, info, undefined, log, zkey);
    const s = readCrSection(zkey);
    if (s.nChallenges !== split.nChallenges || s.round1Start + s.round1Count !== split.round2Start) {
      raise(CrErrors.ZKEY_NOT_CR, { file: zkey }, `key: ${s.nChallenges} challenges, round 2 from wire ${s.round1Start + s.round1Count}; circuit: ${split.nChallenges}, ${split.round2Start}`);
    }
    return keys;
  }
  const power = requiredPower(info.constraints, info.publicOutputs + info.publicInputs);
  if (!ptau) {
    log(INSECURE_KEY_WARNING);
    const key = await cachedKey(r1cs, { tag: `insecure-dev-${tag}` }, async (tmp, circuitHash) => { await generateDevZkey(r1cs, tmp, { r1csSha256: circuitHash, cr: split }); });
    return { zkey: key.file, cached: key.cached, circuitHash: key.circuitHash, ptau: key.file, ptauPower: power, insecure: true };
  }
  const { power: ptauPower } = await assertPtauFits(ptau, power);
  const source = { tag: `${(await sha256File(ptau)).slice(0, 16)}-${tag}` };
  const key = await cachedKey(r1cs, source, (tmp) => buildCrKeyFromPtau(r1cs, ptau, tmp, split));
  return { zkey: key.file, cached: key.cached, circuitHash: key.circuitHash, ptau, ptauPower, insecure: false };
}
