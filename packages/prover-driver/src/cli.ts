#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { reexecWithHeap, runCli, yargsFail } from '@onnx-zk/tensor-ir';
import { runAssign } from './assign/run-assign';
import { runProve } from './prove/run-prove';
import { runVerify } from './prove/run-verify';
import { formatOnchain, runOnchainVerify } from './onchain';
import { generateDevPtau, generateDevZkey, INSECURE_KEY_WARNING, INSECURE_WARNING } from './setup';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** onnx-zk-prover: thin wrapper around runProve, runVerify and runAssign. */
export async function main(argv: string[]): Promise<void> {
  await yargs(argv)
    .scriptName('onnx-zk-prover')
    .command('prove <module>', 'assign the circuit, set up Groth16, prove, verify and export Verifier.sol', (y) => y
      .positional('module', { type: 'string', demandOption: true, describe: 'model.bc or model.ll from onnx-zk-llvm' })
      .option('input', { alias: 'i', type: 'string', demandOption: true, requiresArg: true, describe: 'input.json ({"input_data": [[...]]})' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, requiresArg: true, describe: 'output folder' })
      .option('ptau', { type: 'string', requiresArg: true, describe: 'prepared powers-of-tau ceremony file (default: insecure dev setup)' })
      .option('zkey', { type: 'string', requiresArg: true, conflicts: 'ptau', describe: 'use this Groth16 proving key instead of the cached/derived one' })
      .option('public-inputs', { type: 'boolean', default: false, describe: 'make the model inputs public signals' })
      .option('backend', { choices: ['groth16', 'groth16-cr'] as const, describe: 'require this backend (the module says which it was selected for: groth16 proves with snarkjs, groth16-cr with a challenge round)' }),
    async (args) => {
      const result = await runProve({ module: args.module, input: args.input, out: args.out, ptau: args.ptau, zkey: args.zkey, publicInputs: args['public-inputs'], backend: args.backend });
      for (const o of result.outputs.outputs) print(`${o.name} = [${o.values.join(', ')}]`);
      print(`verified: ${result.verified}`);
    })
    .command('verify <dir>', 'verify proof.json and public.json again, and check outputs.json', (y) => y
      .positional('dir', { type: 'string', demandOption: true, describe: 'folder written by prove' })
      .option('onchain', { type: 'boolean', default: false, describe: 'also deploy Verifier.sol on an in-process EVM, call verifyProof and report its gas' }),
    async (args) => {
      const result = await runVerify({ dir: args.dir });
      if (result.reason) process.stderr.write(`${result.reason}\n`);
      print(`verified: ${result.verified}`);
      const onchain = args.onchain ? await runOnchainVerify({ dir: args.dir }) : undefined;
      if (onchain) print(formatOnchain(onchain));
      if (!result.verified || onchain?.verified === false) process.exitCode = 1;
    })
    .command('assign <module>', 'write circuit.r1cs, witness.wtns and circuit.sym only (no setup, no proof)', (y) => y
      .positional('module', { type: 'string', demandOption: true, describe: 'model.bc or model.ll from onnx-zk-llvm' })
      .option('input', { alias: 'i', type: 'string', demandOption: true, requiresArg: true, describe: 'input.json' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, requiresArg: true, describe: 'output folder' })
      .option('public-inputs', { type: 'boolean', default: false, describe: 'make the model inputs public signals' }),
    async (args) => {
      const result = await runAssign({ module: args.module, input: args.input, out: args.out, publicInputs: args['public-inputs'] });
      result.signature.outputs.forEach((o, k) => print(`${o.name} = [${result.outputs[k].join(', ')}] (frac ${o.frac})`));
      print(`${result.constraints} constraints, ${result.wires} wires`);
    })
    .command('insecure-dev-zkey <r1cs>', 'write INSECURE development Groth16 keys for a circuit (secrets sampled here and dropped; never for production)', (y) => y
      .positional('r1cs', { type: 'string', demandOption: true, describe: 'circuit.r1cs (from assign or prove)' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, requiresArg: true, describe: 'the .zkey to write' }),
    async (args) => {
      process.stderr.write(`${INSECURE_KEY_WARNING}\n`);
      const r = await generateDevZkey(args.r1cs, args.out);
      print(`${args.out}: domain 2^${r.power}, ${r.nVars} wires, ${r.nPublic} public signals, ${(r.ms / 1000).toFixed(1)} s`);
    })
    .command('insecure-dev-ptau <power>', 'write an INSECURE prepared powers-of-tau file (secrets sampled here and dropped; never for production)', (y) => y
      .positional('power', { type: 'number', demandOption: true, describe: 'circuits of up to 2^power constraints (1..27)' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, requiresArg: true, describe: 'the .ptau to write' }),
    async (args) => {
      process.stderr.write(`${INSECURE_WARNING}\n`);
      await generateDevPtau(args.power, args.out);
      print(`${args.out}: prepared ptau of power ${args.power}`);
    })
    .demandCommand(1, 'give a command: prove, verify, assign, insecure-dev-zkey or insecure-dev-ptau')
    .strict()
    .exitProcess(false)
    .fail(yargsFail('onnx-zk-prover'))
    .help()
    .parseAsync();
}

if (require.main === module && !reexecWithHeap()) runCli(() => main(hideBin(process.argv)));
