import type { Argv, CommandModule } from 'yargs';
import { runConformance, summaryLine, writeReportJson } from './conformance';

interface ConformanceArgs {
  dirs?: string[];
  list?: string;
  json?: string;
  skips?: string;
  lenient?: boolean;
  opt?: boolean;
  fixed?: boolean;
}

/** `onnx-zk conformance DIR... [--list FILE] [--json FILE] [--skips FILE] [--lenient]`. */
export const conformanceCommand: CommandModule<object, ConformanceArgs> = {
  command: 'conformance [dirs..]',
  describe: 'import each case (one .onnx + test_data_set_*/), run the float interpreter and compare with output_N.pb (rtol 1e-3, atol 1e-7)',
  builder: (y) =>
    y
      .positional('dirs', { type: 'string', array: true, describe: 'case directories' })
      .option('list', { type: 'string', describe: 'a file of case directories, one per line (relative to the file)' })
      .option('json', { type: 'string', describe: 'write every case result to this JSON file' })
      .option('skips', { type: 'string', describe: "skipped cases: 'case<TAB>reason' lines" })
      .option('lenient', { type: 'boolean', default: false, describe: 'accept spec-invalid nodes EZKL accepts, with a warning' })
      .option('fixed', { type: 'boolean', default: false, describe: 'also lower to fixed point (16 bits) and compare the integer interpreter with the float one (atol 1e-3 + rtol 1e-3 of the output scale)' })
      .option('opt', { type: 'boolean', default: true, describe: 'run the standard passes after import (--no-opt skips them)' }) as Argv<ConformanceArgs>,
  handler: (args) => {
    const report = runConformance({
      dirs: args.dirs, list: args.list, skips: args.skips, lenient: args.lenient, noOpt: args.opt === false, fixed: args.fixed,
      onLine: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`${summaryLine(report)}\n`);
    if (args.json) writeReportJson(args.json, report);
    if (report.failed > 0) process.exitCode = 1;
  },
};
