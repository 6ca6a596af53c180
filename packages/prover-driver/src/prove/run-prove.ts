import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '@onnx-zk/tensor-ir';
import { assignCircuitToFiles } from '../assign/assign-streamed';
import { loadCircuit, LoadedCircuit } from '../assign/prepare';
import { withOutputDir } from '../output-dir';
import { PROOF_FILES, toJson } from './files';
import { decodeOutputs, OutputsFile } from './outputs';
import { readR1csInfo, R1csInfo } from './r1cs-info';
import { proveWithKey, rejectKey, setupKeys, KeySetup } from './setup-keys';
import { groth16Template, releaseSnarkjs, snarkjs } from './snarkjs';
import { artifactSizes, Stopwatch } from './timings';

export interface ProveOptions {
  /** The LLVM module (.bc or .ll) from onnx-zk-llvm. */
  module: string;
  /** input.json: `{"input_data": [[...], ...]}`. */
  input: string;
  /** Output folder. */
  out: string;
  /** A prepared powers-of-tau ceremony file; default: the insecure development ptau. */
  ptau?: string;
  /** A Groth16 proving key for this circuit, used instead of the cached/derived one. */
  zkey?: string;
  /** Make every model input a public signal. */
  publicInputs?: boolean;
  /** Progress and warning lines (default: stderr). */
  log?: (line: string) => void;
}

export interface ProveResult {
  verified: boolean;
  out: string;
  outputs: OutputsFile;
  timings: Timings;
}

export interface Timings {
  seconds: Record<string, number>;
  constraints: number;
  wires: number;
  publicSignals: number;
  keyCached: boolean;
  ptauPower: number;
  insecureSetup: boolean;
  sizes: Record<string, number>;
}

/**
 * Assigns the circuit, sets up Groth16 keys (cached by circuit hash), proves, verifies, and exports
 * the Solidity verifier. All files appear in `out` together at the end; a failure leaves none.
 */
export async function runProve(options: ProveOptions): Promise<ProveResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = new Stopwatch();
  const prepared = loadCircuit(options.module, options.input);
  clock.lap('read');
  try {
    return await withOutputDir(options.out, (stage) => proveInto(stage, prepared, options, clock, log));
  } finally {
    await releaseSnarkjs();
  }
}

async function proveInto(stage: string, prepared: LoadedCircuit, options: ProveOptions, clock: Stopwatch, log: (line: string) => void): Promise<ProveResult> {
  const file = (name: string) => path.join(stage, name);
  // The streaming builder writes the r1cs, witness and sym as it goes (byte-identical to the in-memory path).
  const written = assignCircuitToFiles(prepared.module, prepared.inputs, stage, { publicInputs: options.publicInputs }).files;
  const info = readR1csInfo(written.r1cs);
  clock.lap('assign');
  const keys = await setupKeys(written.r1cs, info, options.ptau, log, options.zkey);
  fs.copyFileSync(keys.zkey, file(PROOF_FILES.zkey));
  const vkey = await snarkjs.zKey.exportVerificationKey(keys.zkey);
  writeFileAtomic(file(PROOF_FILES.vkey), toJson(vkey));
  clock.lap('setup');
  const { proof, publicSignals } = await proveWithKey(keys, written.wtns);
  writeFileAtomic(file(PROOF_FILES.proof), toJson(proof));
  writeFileAtomic(file(PROOF_FILES.public), toJson(publicSignals));
  clock.lap('prove');
  const verified = await snarkjs.groth16.verify(vkey, publicSignals, proof);
  if (!verified) rejectKey(keys);
  clock.lap('verify');
  writeFileAtomic(file(PROOF_FILES.verifier), await snarkjs.zKey.exportSolidityVerifier(keys.zkey, { groth16: groth16Template() }));
  clock.lap('solidity');
  const outputs = decodeOutputs(prepared.module.signature, publicSignals);
  writeFileAtomic(file(PROOF_FILES.outputs), toJson(outputs));
  const timings = timingsOf(clock, info, keys, artifactSizes(stage));
  writeFileAtomic(file(PROOF_FILES.timings), toJson(timings));
  log(`proved ${path.basename(options.module)}: ${info.constraints} constraints, ${info.wires} wires, verified in ${clock.seconds.verify.toFixed(2)} s`);
  return { verified, out: options.out, outputs, timings };
}

function timingsOf(clock: Stopwatch, info: R1csInfo, keys: KeySetup, sizes: Record<string, number>): Timings {
  return {
    seconds: { ...clock.seconds, total: clock.total() },
    constraints: info.constraints,
    wires: info.wires,
    publicSignals: info.publicOutputs + info.publicInputs,
    keyCached: keys.cached,
    ptauPower: keys.ptauPower,
    insecureSetup: keys.insecure,
    sizes,
  };
}
