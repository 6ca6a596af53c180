#!/usr/bin/env node
/** onnx-zk: compile an ONNX model into a zero-knowledge circuit, prove its inference, verify. */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { reexecWithHeap, runCli, yargsFail } from '@onnx-zk/tensor-ir';
import { compileCommand, doctorCommand, proveCommand, verifyCommand } from './commands';
import { conformanceCommand } from './conformance-command';

// Circuits of millions of constraints need more than Node's default heap: see tensor-ir/src/heap.ts.
if (!reexecWithHeap()) runCli(async () => {
  await yargs(hideBin(process.argv))
    .scriptName('onnx-zk')
    .usage('$0 <command>\n\nCompile an ONNX model into a Groth16 circuit, prove its inference and verify the proof.')
    .command(proveCommand)
    .command(compileCommand)
    .command(verifyCommand)
    .command(conformanceCommand)
    .command(doctorCommand)
    .demandCommand(1, 'name a command: prove, compile, verify, conformance or doctor')
    .strict()
    .fail(yargsFail('onnx-zk'))
    .help()
    .parseAsync();
});
