#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { reexecWithHeap, runCli, UsageError, yargsFail } from '@onnx-zk/tensor-ir';
import { formatCostTable } from './select/cost-summary';
import { formatGadgetList } from './select/list-gadgets';
import { runSelect } from './select/run-select';
import { BACKENDS, BackendChoice } from './select/backend';
import { gadgets } from './gadgets';
import { runSoundness, SOUNDNESS_BACKENDS, SoundnessBackendChoice } from './soundness/run';

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
      .option('output', { alias: 'o', type: 'string', demandOption: true, requiresArg: true, describe: 'model.acc.tir to write' })
      .option('text', { type: 'boolean', default: false, describe: 'write the text form' })
      .option('strategy', { type: 'string', array: true, default: [], describe: 'gadget=strategy (repeatable)' })
      .option('error-budget', { type: 'number', requiresArg: true, describe: 'largest error bound an approximating op may have (absolute, e.g. 1e-3)' })
      .option('target', { choices: ['size', 'accuracy'] as const, describe: 'among strategies within the budget, pick the fewest constraints or the smallest error' })
      .option('backend', { choices: BACKENDS, default: 'auto' as BackendChoice, describe: 'proving backend: groth16 (range checks by bits), groth16-cr (lookups after a challenge round) or auto (fewest constraints)' })
      .option('limb-bits', { type: 'number', requiresArg: true, describe: 'groth16-cr: limb width of the range table (default: the one with the fewest constraints)' })
      .check((args) => {
        parseStrategies(args.strategy);
        const budget = args.errorBudget;
        if (budget !== undefined && !(typeof budget === 'number' && Number.isFinite(budget) && budget > 0)) throw new UsageError(`--error-budget must be a positive number, got ${budget}`);
        return true;
      }),
    (args) => {
      const { costs } = runSelect({
        input: args.input, output: args.output, text: args.text, strategies: parseStrategies(args.strategy),
        errorBudget: args.errorBudget, target: args.target, backend: args.backend, limbBits: args.limbBits,
      });
      process.stdout.write(formatCostTable(costs));
    })
    .command('gadgets', 'list the gadgets with their ops, strategies and abi', () => undefined, () => {
      process.stdout.write(formatGadgetList());
    })
    .command('soundness', 'search each gadget\'s small cases for a second witness with the same inputs', (y) => y
      .option('gadget', { type: 'string', requiresArg: true, describe: 'only this gadget' })
      .option('json', { type: 'string', requiresArg: true, describe: 'also write the report as JSON to this file' })
      .option('backend', { choices: SOUNDNESS_BACKENDS, default: 'both' as SoundnessBackendChoice, describe: 'the circuits to check: groth16 (range checks by bits), groth16-cr (range lookups, searched as table membership) or both' })
      .option('limb-bits', { type: 'number', default: 3, requiresArg: true, describe: 'groth16-cr: limb width of the range table (small, so a limb has few values to search)' })
      .check((args) => {
        if (args.gadget !== undefined && !(args.gadget in gadgets)) throw new UsageError(`unknown gadget '${args.gadget}'`);
        const w = Number(args.limbBits);
        if (!Number.isInteger(w) || w < 1 || w > 10) throw new UsageError(`--limb-bits must be an integer from 1 to 10, got ${w}`);
        return true;
      }),
    (args) => {
      // Exit code 1 when a gadget is unsound or a case fails to synthesize.
      if (!runSoundness({ gadget: args.gadget, json: args.json, backend: args.backend, limbBits: args.limbBits }).passed) process.exitCode = 1;
    })
    .demandCommand(1, 'give a command: select, gadgets or soundness')
    .strict()
    .exitProcess(false)
    .fail(yargsFail('onnx-zk-acc'))
    .help();
}

/** onnx-zk-acc: a thin wrapper around runSelect and the gadget list. */
export async function main(argv: string[]): Promise<void> {
  await parser(argv).parseAsync();
}

if (require.main === module && !reexecWithHeap()) runCli(() => main(hideBin(process.argv)));
