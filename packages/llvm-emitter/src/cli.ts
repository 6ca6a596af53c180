#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runCli, UsageError, yargsFail } from '@onnx-zk/tensor-ir';
import { runEmitter } from './run';

/** onnx-zk-llvm model.acc.tir -o model.ll|model.bc [--runtime] [--public-inputs]: a thin wrapper of runEmitter. */
runCli(async () => {
  const argv = await yargs(hideBin(process.argv))
    .scriptName('onnx-zk-llvm')
    .command('$0 <input>', 'Emit the LLVM 14 module of an accel .tir: @circuit calling zk.* intrinsics.', (y) => y
      .positional('input', { type: 'string', demandOption: true, describe: 'model.acc.tir from onnx-zk-acc select' }))
    .option('output', { alias: 'o', type: 'string', demandOption: true, requiresArg: true, describe: 'model.ll (assembly) or model.bc (bitcode)' })
    .option('runtime', { type: 'boolean', default: false, describe: 'also define the zk.* intrinsics and main, so `lli-14 model.ll < input.txt` runs the model' })
    .option('public-inputs', { type: 'boolean', default: false, describe: 'mark the inputs public in the signature metadata' })
    .check((args) => {
      if (!/\.(ll|bc)$/.test(args.output)) throw new UsageError(`--output must end in .ll or .bc, got '${args.output}'`);
      return true;
    })
    .example('$0 model.acc.tir -o model.bc', 'the module onnx-zk-prover reads')
    .example('$0 model.acc.tir -o model.ll --runtime', 'a module lli-14 runs natively')
    .strict()
    .help()
    .fail(yargsFail('onnx-zk-llvm'))
    .parseAsync();
  const opts = { input: String(argv.input), output: argv.output, runtime: argv.runtime, publicInputs: argv['public-inputs'] };
  const { calls } = runEmitter(opts);
  process.stdout.write(`wrote ${opts.output}: ${calls} zk calls${opts.runtime ? ', runtime and main' : ''}\n`);
});
