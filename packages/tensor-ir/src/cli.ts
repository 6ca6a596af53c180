#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runCli, yargsFail } from './run-cli';
import { convertCommand, printCommand, runCommand, verifyCommand } from './commands';
import { optCommand } from './opt-command';

const out = (s: string) => process.stdout.write(s);

runCli(async () => {
  await yargs(hideBin(process.argv))
    .scriptName('onnx-zk-ir')
    .usage('$0 <command>: inspect, verify, run and convert onnx-zk tensor IR (.tir) files')
    .command('print <file>', 'print a .tir file in text form', (y) => y.positional('file', { type: 'string', demandOption: true, describe: '.tir (binary or text)' }),
      (a) => { out(printCommand(a.file)); })
    .command('verify <file>', 'check a .tir file against the IR contract', (y) => y.positional('file', { type: 'string', demandOption: true, describe: '.tir (binary or text)' }),
      (a) => { out(verifyCommand(a.file)); })
    .command('run <file>', 'run a float .tir with the reference interpreter', (y) => y
      .positional('file', { type: 'string', demandOption: true, describe: 'float-stage .tir' })
      .option('input', { type: 'string', demandOption: true, requiresArg: true, describe: 'input JSON ({"input_data": [[...]]})' })
      .option('json', { type: 'boolean', default: false, describe: 'print {"output_data": ...} JSON' }),
    (a) => { out(runCommand({ file: a.file, input: a.input, json: a.json })); })
    .command('convert <input> <output>', 'convert between binary and text .tir', (y) => y
      .positional('input', { type: 'string', demandOption: true })
      .positional('output', { type: 'string', demandOption: true })
      .option('text', { type: 'boolean', default: false, describe: 'write text (also implied by a .txt output)' }),
    (a) => convertCommand({ input: a.input, output: a.output, text: a.text }))
    .command('opt <input>', 'run graph passes (fold constants, canonicalise, fusions, dead nodes) on a float .tir', (y) => y
      .positional('input', { type: 'string', demandOption: true, describe: 'float-stage .tir' })
      .option('output', { alias: 'o', type: 'string', demandOption: true, requiresArg: true, describe: 'the .tir to write' })
      .option('passes', { type: 'string', requiresArg: true, describe: 'comma-separated pass names (default: the standard pipeline)' })
      .option('print-after', { type: 'string', requiresArg: true, describe: 'print the IR text after this pass' })
      .option('text', { type: 'boolean', default: false, describe: 'write text (also implied by a .txt output)' }),
    (a) => { out(optCommand({ input: a.input, output: a.output, passes: a.passes, printAfter: a['print-after'], text: a.text })); })
    .demandCommand(1, 'a command is required')
    .strict()
    .version(false)
    .help()
    .fail(yargsFail('onnx-zk-ir'))
    .parseAsync();
});
