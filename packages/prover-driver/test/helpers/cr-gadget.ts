/**
 * A groth16-cr circuit built by the real circuit builder (gadgets synthesized with a lookup
 * argument, then finalized): its files, its wires by label, round 2 replayed for the challenges a
 * witness holds, and INSECURE development keys for it. Shared by the cheating-prover tests.
 */
import * as path from 'path';
import { evalHint, R1CS, writeR1cs, writeRoundsFile, writeWtns } from '@onnx-zk/zk-accelerator-components';
import { generateDevZkey } from '../../src/setup';

export interface CrFiles {
  r1cs: string;
  wtns: string;
  rounds: string;
}

/** circuit.r1cs, witness.wtns and circuit.rounds of `r1cs` with `witness`, as dir/name.*. */
export function writeCrFiles(dir: string, name: string, r1cs: R1CS, witness: bigint[]): CrFiles {
  const files = { r1cs: path.join(dir, `${name}.r1cs`), wtns: path.join(dir, `${name}.wtns`), rounds: path.join(dir, `${name}.rounds`) };
  writeR1cs(files.r1cs, { ...r1cs, witness });
  writeWtns(files.wtns, witness);
  writeRoundsFile(files.rounds, r1cs.rounds!.info, r1cs.rounds!.hints);
  return files;
}

/** The wire labelled `label` (circuit.sym's name). */
export function wireLabelled(r1cs: R1CS, label: string): number {
  const w = r1cs.labels.indexOf(label);
  if (w < 0) throw new Error(`no wire ${label}`);
  return w;
}

/** Every round-2 wire of `w` recomputed from its hint, in wire order, with the challenges `w` holds. */
export function recomputeRound2(r1cs: R1CS, w: bigint[]): bigint[] {
  const { info, hints } = r1cs.rounds!;
  hints.forEach((h, j) => { w[info.round2Start + j] = evalHint(h, (x) => w[x])!; });
  return w;
}

/** INSECURE development groth16-cr keys for the circuit, written to dir/name.zkey. */
export async function devCrKey(dir: string, name: string, r1cs: R1CS): Promise<string> {
  const files = writeCrFiles(dir, name, r1cs, r1cs.witness);
  const zkey = path.join(dir, `${name}.zkey`);
  const { round2Start, nChallenges } = r1cs.rounds!.info;
  await generateDevZkey(files.r1cs, zkey, { cr: { round2Start, nChallenges } });
  return zkey;
}
