import * as fs from 'fs';
import * as path from 'path';
import { raise, writeFileAtomic } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { assignCircuitToFiles } from '../assign/assign-streamed';
import { loadCircuit, LoadedCircuit } from '../assign/prepare';
import { ASSIGNMENT_FILES } from '../assign/write-assignment';
import { checkRounds, crSolidityVerifier, exportCrVerificationKey, proveCr, readRoundsHeader, setupCrKeys, verifyCr } from '../cr';
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
  /** Refuse (PV017) a module selected for another backend. */
  backend?: 'groth16' | 'groth16-cr';
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
  /** Only for a circuit with a challenge round (plain Groth16 has no such field). */
  protocol?: 'groth16-cr';
}

/**
 * Assigns the circuit, sets up Groth16 keys (cached by circuit hash), proves, verifies, and exports
 * the Solidity verifier. All files appear in `out` together at the end; a failure leaves none.
 * A circuit with a challenge round (the assignment wrote circuit.rounds) is proved with groth16-cr
 * (docs/challenge-round.md) into the same files.
 */
export async function runProve(options: ProveOptions): Promise<ProveResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = new Stopwatch();
  const prepared = loadCircuit(options.module, options.input);
  const selected = prepared.module.signature.backend.name;
  if (options.backend && options.backend !== selected) raise(Errors.WRONG_BACKEND, { file: options.module }, `selected for ${selected}, --backend ${options.backend}`);
  clock.lap('read');
  try {
    return await withOutputDir(options.out, (stage) => proveInto(stage, prepared, options, clock, log));
  } finally {
    await releaseSnarkjs();
  }
}

/** What differs between the plain Groth16 backend and groth16-cr; proveInto does the rest. */
interface Backend {
  setup(): Promise<KeySetup>;
  exportVkey(zkey: string): Promise<unknown>;
  prove(keys: KeySetup): Promise<{ proof: unknown; publicSignals: string[] }>;
  verify(vkey: unknown, publicSignals: string[], proof: unknown): Promise<boolean>;
  solidity(zkey: string, vkey: unknown): Promise<string>;
  protocol?: 'groth16-cr';
}

function groth16(written: { r1cs: string; wtns: string }, info: R1csInfo, options: ProveOptions, log: (line: string) => void): Backend {
  return {
    setup: () => setupKeys(written.r1cs, info, options.ptau, log, options.zkey),
    exportVkey: (zkey) => snarkjs.zKey.exportVerificationKey(zkey),
    prove: (keys) => proveWithKey(keys, written.wtns),
    verify: (vkey, publicSignals, proof) => snarkjs.groth16.verify(vkey, publicSignals, proof),
    solidity: (zkey) => snarkjs.zKey.exportSolidityVerifier(zkey, { groth16: groth16Template() }),
  };
}

function groth16Cr(written: { r1cs: string; wtns: string }, roundsFile: string, info: R1csInfo, options: ProveOptions, log: (line: string) => void): Backend {
  // the header only: the prover reads the hints once, when it proves
  const rounds = readRoundsHeader(roundsFile);
  checkRounds(rounds, info, roundsFile);
  return {
    setup: () => setupCrKeys(written.r1cs, rounds, info, options.ptau, log, options.zkey),
    exportVkey: (zkey) => exportCrVerificationKey(zkey),
    prove: (keys) => proveCr({ zkey: keys.zkey, wtns: written.wtns, rounds: roundsFile, r1cs: written.r1cs }),
    verify: (vkey, publicSignals, proof) => verifyCr(vkey, publicSignals, proof),
    solidity: async (_zkey, vkey) => crSolidityVerifier(vkey as Parameters<typeof crSolidityVerifier>[0]),
    protocol: 'groth16-cr',
  };
}

async function proveInto(stage: string, prepared: LoadedCircuit, options: ProveOptions, clock: Stopwatch, log: (line: string) => void): Promise<ProveResult> {
  const file = (name: string) => path.join(stage, name);
  // The streaming builder writes the r1cs, witness and sym as it goes (byte-identical to the in-memory path).
  const written = assignCircuitToFiles(prepared.module, prepared.inputs, stage, { publicInputs: options.publicInputs }).files;
  const info = readR1csInfo(written.r1cs);
  clock.lap('assign');
  const roundsFile = file(ASSIGNMENT_FILES.rounds);
  const backend = fs.existsSync(roundsFile) ? groth16Cr(written, roundsFile, info, options, log) : groth16(written, info, options, log);
  const keys = await backend.setup();
  fs.copyFileSync(keys.zkey, file(PROOF_FILES.zkey));
  const vkey = await backend.exportVkey(keys.zkey);
  writeFileAtomic(file(PROOF_FILES.vkey), toJson(vkey));
  clock.lap('setup');
  const { proof, publicSignals } = await backend.prove(keys);
  writeFileAtomic(file(PROOF_FILES.proof), toJson(proof));
  writeFileAtomic(file(PROOF_FILES.public), toJson(publicSignals));
  clock.lap('prove');
  const verified = await backend.verify(vkey, publicSignals, proof);
  if (!verified) rejectKey(keys);
  clock.lap('verify');
  writeFileAtomic(file(PROOF_FILES.verifier), await backend.solidity(keys.zkey, vkey));
  clock.lap('solidity');
  const outputs = decodeOutputs(prepared.module.signature, publicSignals);
  writeFileAtomic(file(PROOF_FILES.outputs), toJson(outputs));
  const timings = timingsOf(clock, info, keys, artifactSizes(stage));
  if (backend.protocol) Object.assign(timings, { publicSignals: publicSignals.length, protocol: backend.protocol });
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
