#!/usr/bin/env node
import yargs, { Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runCli, yargsFail } from '@onnx-zk/tensor-ir';
import { InterpretedOutput, interpretFile } from './interpret/run-file';
import { runFixedpoint } from './run';
import { DEFAULT_FRAC_BITS } from './scheme/input-range';

const NAME = 'onnx-zk-fxp';

function lowerArgs(y: Argv) {
  return y
    .positional('model', { type: 'string', demandOption: true, describe: 'the float .tir to lower' })
    .option('output', { alias: 'o', type: 'string', demandOption: true, requiresArg: true, describe: 'the .fxp.tir to write' })
    .option('frac-bits', { type: 'number', default: DEFAULT_FRAC_BITS, requiresArg: true, describe: 'fractional bits of activations and weights' })
    .option('input-range', { type: 'string', requiresArg: true, describe: 'declared real range of every input element: lo,hi' })
    .option('calibration', { type: 'string', requiresArg: true, describe: 'input.json: range = max |x| rounded up to a power of two' })
    .option('report', { type: 'string', requiresArg: true, describe: 'accuracy report JSON to write (needs --calibration)' })
    .option('rescale-outputs', { type: 'boolean', default: false, describe: 'rescale graph outputs to --frac-bits (default: keep the exact accumulator, which costs no constraints)' })
    .option('text', { type: 'boolean', default: false, describe: 'write the text form of the IR' })
    .check((a) => a['input-range'] !== undefined || a.calibration !== undefined || 'give --input-range lo,hi or --calibration input.json')
    .example('$0 lower model.tir -o model.fxp.tir --input-range -8,8', 'declare the input range')
    .example('$0 lower model.tir -o model.fxp.tir --calibration input.json --report report.json', 'calibrate and report accuracy');
}

function runArgs(y: Argv) {
  return y
    .positional('model', { type: 'string', demandOption: true, describe: 'the .fxp.tir to run' })
    .option('input', { alias: 'i', type: 'string', demandOption: true, requiresArg: true, describe: 'input.json with the real inputs' })
    .option('json', { type: 'boolean', default: false, describe: 'print the outputs as JSON' })
    .example('$0 run model.fxp.tir --input input.json', 'print integer and dequantized outputs');
}

/** Prints the interpreter's outputs: integers and dequantized reals, as text or JSON. */
function printOutputs(outputs: InterpretedOutput[], json: boolean): void {
  if (json) {
    const plain = outputs.map((o) => ({ ...o, ints: o.ints.map(String) }));
    process.stdout.write(`${JSON.stringify({ outputs: plain }, null, 2)}\n`);
    return;
  }
  for (const o of outputs) {
    process.stdout.write(`${o.name} [${o.shape.join(',')}] frac ${o.frac}\n`);
    process.stdout.write(`  int:  ${o.ints.join(' ')}\n  real: ${o.values.join(' ')}\n`);
  }
}

export async function main(argv: string[]): Promise<void> {
  await yargs(argv)
    .scriptName(NAME)
    .usage('$0 <command>\n\nLowers a float .tir to fixed point (.fxp.tir) and runs the integer interpreter.')
    .command('lower <model>', 'lower a float .tir to a fixed-point .fxp.tir', lowerArgs, (a) => {
      runFixedpoint({
        input: a.model,
        output: a.output,
        fracBits: a['frac-bits'],
        inputRange: a['input-range'],
        calibration: a.calibration,
        report: a.report,
        text: a.text,
        rescaleOutputs: a['rescale-outputs'],
      });
    })
    .command('run <model>', 'run the integer interpreter on a .fxp.tir', runArgs, (a) => {
      printOutputs(interpretFile({ model: a.model, input: a.input }), a.json);
    })
    .demandCommand(1, 'name a command: lower or run')
    .strict()
    .help()
    .version(false)
    .fail(yargsFail(NAME))
    .parseAsync();
}

if (require.main === module) runCli(() => main(hideBin(process.argv)));
