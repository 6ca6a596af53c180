import * as fs from 'fs';
import * as path from 'path';
import type { Argv, CommandModule } from 'yargs';
import { formatOnchain, runOnchainVerify, runVerify } from '@onnx-zk/prover-driver';
import { OnnxZkError } from '@onnx-zk/tensor-ir';
import { compileSteps, proveSteps } from './pipeline';
import { runSteps } from './progress';
import { prepareInput } from './inputs';
import { BACKENDS, parseBackend, parseDims, parseErrorBudget, parseRange, parseTarget, TARGETS, usage } from './options';
import { summarize } from './summary';
import { runDoctor } from './doctor';

interface CompileArgs {
  model: string;
  out: string;
  input?: string[];
  'frac-bits'?: number;
  'input-range'?: string;
  dim?: string[];
  lenient?: boolean;
  'error-budget'?: string;
  target?: string;
  backend?: string;
  'limb-bits'?: number;
}

interface ProveArgs extends CompileArgs {
  ptau?: string;
  zkey?: string;
  'public-inputs'?: boolean;
}

function compileOptions(y: Argv): Argv<CompileArgs> {
  return y
    .positional('model', { type: 'string', demandOption: true, describe: 'the ONNX model' })
    .option('out', { type: 'string', demandOption: true, requiresArg: true, describe: 'work directory for every artifact' })
    .option('input', { type: 'string', array: true, requiresArg: true, describe: 'input.json (EZKL format) or ONNX input_N.pb files' })
    .option('frac-bits', { type: 'number', describe: 'fractional bits of the fixed-point encoding (default 16)' })
    .option('input-range', { type: 'string', requiresArg: true, describe: 'declared input range "lo,hi" (default: calibrated on --input)' })
    .option('dim', { type: 'string', array: true, describe: 'bind a symbolic dimension: name=value' })
    .option('lenient', { type: 'boolean', default: false, describe: 'accept spec-invalid nodes EZKL accepts (float Equal before opset 11, int8 MatMul, bool Add) with a warning' })
    .option('error-budget', { type: 'string', describe: 'largest error bound an approximating op (exp, softmax, GELU) may have, absolute, e.g. 1e-3; select drops the strategies above it' })
    .option('target', { type: 'string', choices: TARGETS, describe: 'among the strategies within the budget, pick the fewest constraints (size) or the smallest error bound (accuracy)' })
    .option('backend', { type: 'string', choices: BACKENDS, describe: 'proving backend: groth16 (snarkjs/circom interop, range checks by bits), groth16-cr (Groth16 with a challenge round: lookups, smaller circuits) or auto (default: whichever the cost model says is smaller)' })
    .option('limb-bits', { type: 'number', requiresArg: true, describe: 'groth16-cr: limb width of the range table, 1 to 20 (default: the cheapest)' }) as Argv<CompileArgs>;
}

function pipelineOptions(args: CompileArgs) {
  // Every option is validated before the work directory is made: a bad value leaves nothing behind.
  const errorBudget = parseErrorBudget(args['error-budget']);
  const target = parseTarget(args.target);
  const backend = parseBackend(args.backend, args['limb-bits']);
  const inputRange = args['input-range'] !== undefined ? parseRange(args['input-range']) : undefined;
  const dims = parseDims(args.dim ?? []);
  if (!inputRange && !args.input?.length) usage('compile needs --input-range or --input (calibration)');
  const created = !fs.existsSync(args.out);
  fs.mkdirSync(args.out, { recursive: true });
  const input = args.input?.length ? prepareInput(args.input, args.out) : undefined;
  return { model: args.model, out: args.out, created, input, fracBits: args['frac-bits'], inputRange, dims, lenient: args.lenient, errorBudget, target, ...backend };
}

/** Errors in the input data (token ids outside the vocabulary, wrong lengths, non-integers): the input, not the model, is wrong. */
const INPUT_DATA_ERRORS = new Set(['FP005', 'FP008', 'PV009', 'PV010']);

/**
 * Runs the stages. When they fail before the first artifact (model.tir) exists in a work directory
 * this run made, the directory goes too, so a rejected model leaves nothing behind; when the input
 * data is rejected, every file this run wrote goes (a rejected input leaves no partial artifacts).
 */
async function inWorkDir(out: string, created: boolean, run: () => Promise<unknown>): Promise<void> {
  const before = created ? new Set<string>() : new Set(fs.readdirSync(out));
  try {
    await run();
  } catch (e) {
    if (created && !fs.existsSync(path.join(out, 'model.tir'))) fs.rmSync(out, { recursive: true, force: true });
    else if (e instanceof OnnxZkError && INPUT_DATA_ERRORS.has(e.code)) {
      if (created) fs.rmSync(out, { recursive: true, force: true });
      else for (const f of fs.readdirSync(out)) if (!before.has(f)) fs.rmSync(path.join(out, f), { recursive: true, force: true });
    }
    throw e;
  }
}

export const proveCommand: CommandModule<object, ProveArgs> = {
  command: 'prove <model>',
  describe: 'compile the model, prove its inference on --input, and verify the proof',
  builder: (y) =>
    compileOptions(y)
      .demandOption('input')
      .option('ptau', { type: 'string', requiresArg: true, describe: 'powers-of-tau file from a real ceremony (default: insecure development setup)' })
      .option('zkey', { type: 'string', requiresArg: true, describe: 'a Groth16 proving key for this circuit (instead of one derived from the ptau)' })
      .conflicts('zkey', 'ptau')
      .option('public-inputs', { type: 'boolean', default: false, describe: 'make the model inputs public signals too' }) as Argv<ProveArgs>,
  handler: async (args) => {
    const opts = pipelineOptions(args);
    const input = opts.input as string;
    await inWorkDir(opts.out, opts.created, () => runSteps(proveSteps({ ...opts, input, ptau: args.ptau, zkey: args.zkey, publicInputs: args['public-inputs'] })));
    const result = await runVerify({ dir: args.out });
    const summary = summarize(args.out, result.verified);
    process.stdout.write(summary.text);
    if (!summary.verified) process.exitCode = 1;
  },
};

export const compileCommand: CommandModule<object, CompileArgs> = {
  command: 'compile <model>',
  describe: 'compile the model down to LLVM IR (model.tir … model.bc) without proving',
  builder: (y) => compileOptions(y),
  handler: async (args) => {
    const opts = pipelineOptions(args);
    await inWorkDir(opts.out, opts.created, () => runSteps(compileSteps(opts)));
    process.stdout.write(`compiled ${path.basename(args.model)} into ${args.out}\n`);
  },
};

export const verifyCommand: CommandModule<object, { dir: string; onchain?: boolean }> = {
  command: 'verify <dir>',
  describe: 'verify the proof in a work directory again',
  builder: (y) => y
    .positional('dir', { type: 'string', demandOption: true, describe: 'work directory of onnx-zk prove' })
    .option('onchain', { type: 'boolean', default: false, describe: 'also deploy Verifier.sol on an in-process EVM, call verifyProof and report its gas' }) as Argv<{ dir: string; onchain?: boolean }>,
  handler: async (args) => {
    const result = await runVerify({ dir: args.dir });
    process.stdout.write(`verified: ${result.verified}${result.reason ? ` (${result.reason})` : ''}\n`);
    const onchain = args.onchain ? await runOnchainVerify({ dir: args.dir }) : undefined;
    if (onchain) process.stdout.write(`${formatOnchain(onchain)}\n`);
    if (!result.verified || onchain?.verified === false) process.exitCode = 1;
  },
};

export const doctorCommand: CommandModule<object, { 'memory-gib'?: number }> = {
  command: 'doctor',
  describe: 'check this machine (Node 20, LLVM 14, the llvm-bindings addon, memory) and print the command that installs each missing piece',
  builder: (y) => y
    .option('memory-gib', { type: 'number', requiresArg: true, describe: 'the memory (GiB) your largest proving key needs: check that this much is available' }) as Argv<{ 'memory-gib'?: number }>,
  handler: (args) => {
    const memoryGib = args['memory-gib'];
    if (memoryGib !== undefined && !(Number.isFinite(memoryGib) && memoryGib > 0)) usage(`--memory-gib wants a positive number of GiB, got "${memoryGib}"`);
    const report = runDoctor({ memoryGib });
    process.stdout.write(report.text);
    process.exitCode = report.exitCode;
  },
};
