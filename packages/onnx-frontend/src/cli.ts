#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runCli, yargsFail } from '@onnx-zk/tensor-ir';
import type { DimBindings } from './dims';
import { runFrontend } from './run';

/** Parses repeated `--dim name=value` flags; a malformed one is a usage error (exit 2). */
export function parseDimFlags(flags: readonly string[]): DimBindings {
  const dims: DimBindings = {};
  for (const flag of flags) {
    const m = /^([^=\s]+)=(\d+)$/.exec(flag);
    if (!m || Number(m[2]) < 1) throw new Error(`--dim expects <name>=<positive integer>, got '${flag}'`);
    dims[m[1]] = Number(m[2]);
  }
  return dims;
}

function main(argv: string[]): void {
  const args = yargs(argv)
    .scriptName('onnx-zk-frontend')
    .usage('$0 <model.onnx> -o <model.tir> [--dim name=value]... [--text] [--no-opt] [--lenient]\n\nConverts an ONNX model to the float tensor IR.')
    .command('$0 <model>', false, (y) => y.positional('model', { type: 'string', demandOption: true, describe: 'ONNX model' }))
    .option('output', { alias: 'o', type: 'string', demandOption: true, requiresArg: true, describe: 'the .tir file to write' })
    .option('dim', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe: 'bind a symbolic dimension, e.g. --dim batch_size=1 (repeatable)',
      coerce: (v: string[]) => parseDimFlags(v.map(String)),
    })
    .option('text', { type: 'boolean', default: false, describe: 'write the text form of the IR' })
    .option('opt', { type: 'boolean', default: true, describe: 'run the standard passes after import (--no-opt skips them)' })
    .option('lenient', { type: 'boolean', default: false, describe: 'accept spec-invalid nodes EZKL accepts (float Equal before opset 11, int8 MatMul, bool Add) with a warning' })
    .example('$0 examples/1l_mlp/network.onnx -o mlp.tir', 'import a model (batch dim defaults to 1)')
    .example('$0 model.onnx -o model.tir.txt --dim batch_size=1 --text', 'bind a dim, write text IR')
    .strict()
    .help()
    .version(false)
    .fail(yargsFail('onnx-zk-frontend'))
    .parseSync();
  const { graph } = runFrontend({
    input: args.model as string,
    output: args.output,
    dims: args.dim as unknown as DimBindings,
    text: args.text || undefined, // unset: writeTir picks text for *.txt
    noOpt: !args.opt,
    lenient: args.lenient,
  });
  process.stdout.write(`wrote ${args.output}: ${graph.nodes.length} nodes, ${graph.constants.size} constants, stage float\n`);
}

if (require.main === module) runCli(() => main(hideBin(process.argv)));
