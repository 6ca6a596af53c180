#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runCli } from '@onnx-zk/tensor-ir';
import { formatCostTable } from './select/cost-summary';
import { formatGadgetList } from './select/list-gadgets';
import { runSelect } from './select/run-select';

/** A command-line mistake: exit code 2, no stack trace. */
class UsageError extends Error {}

/** `--strategy rescale=bits` pairs → { rescale: 'bits' }. */
function parseStrategies(pairs: string[]): Record<string, string> {
  return Object.fromEntries(pairs.map((p) => {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--strategy expects gadget=strategy, got '${p}'`);
    return [p.slice(0, eq), p.slice(eq + 1)];
  }));
}

function parser(argv: string[]) {
  return yargs(argv)
    .scriptName('onnx-zk-acc')
    .command('select <input>', 'bind every node of a .fxp.tir to a gadget and write the .acc.tir', (y) => y
      .positional('input', { type: 'string', demandOption: true, describe: 'model.fxp.tir (stage fixed)' })
      .option('output', { alias: 'o', type: 'string', demandOption: true, describe: 'model.acc.tir to write' })
      .option('text', { type: 'boolean', default: false, describe: 'write the text form' })
      .option('strategy', { type: 'string', array: true, default: [], describe: 'gadget=strategy (repeatable)' })
      .check((args) => { parseStrategies(args.strategy); return true; }),
    (args) => {
      const { costs } = runSelect({ input: args.input, output: args.output, text: args.text, strategies: parseStrategies(args.strategy) });
      process.stdout.write(formatCostTable(costs));
    })
    .command('gadgets', 'list the gadgets with their ops, strategies and abi', () => undefined, () => {
      process.stdout.write(formatGadgetList());
    })
    .demandCommand(1, 'give a command: select or gadgets')
    .strict()
    .exitProcess(false)
    .fail((msg, err) => {
      // yargs reports its own validation errors (and UsageError from check) here; the command's
      // errors pass through to runCli (exit 1 for coded user errors, 3 for bugs).
      if (err && !(err instanceof UsageError) && err.name !== 'YError') throw err;
      throw new UsageError(msg || err?.message);
    })
    .help();
}

/** onnx-zk-acc: a thin wrapper around runSelect and the gadget list. */
export async function main(argv: string[]): Promise<void> {
  try {
    await parser(argv).parseAsync();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`onnx-zk-acc: ${e.message}\nrun onnx-zk-acc --help for usage\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) runCli(() => main(hideBin(process.argv)));
