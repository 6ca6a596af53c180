import { OnnxZkError, OnnxZkErrorList } from './errors';

/**
 * Runs a stage CLI's main function with the exit-code contract of every onnx-zk CLI:
 * 0 success, 1 user error (one line per error, no stack trace), 2 usage error (yargs),
 * 3 internal error (with stack, since it is a bug).
 */
export function runCli(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .then(() => { process.exitCode = process.exitCode ?? 0; })
    .catch((e: unknown) => {
      process.exitCode = reportError(e);
    });
}

/** A command-line usage mistake (unknown option, missing argument): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A UsageError already worded by yargsFail; yargs may hand it back to the handler (it does after a failed `.check`). */
class CliUsageError extends UsageError {}

/**
 * The `.fail` handler of every stage CLI: `yargs(argv).fail(yargsFail('onnx-zk-ir'))`.
 *
 * yargs' own validation problems (it passes a message, or a YError when an option lacks its value
 * or a coerce throws) and UsageErrors thrown by a `.check` or an async command become one
 * UsageError worded the same for every CLI:
 *
 *     onnx-zk-ir: Unknown argument: frobnicate
 *     Run 'onnx-zk-ir --help' for usage.
 *
 * runCli/reportError prints it and exits 2. Any other error thrown by a command is rethrown
 * untouched, so runCli reports it as a user error (1) or a bug (3). The handler never exits the
 * process itself: that would skip cleanup and end a jest run.
 */
export function yargsFail(cli: string): (msg: string | null | undefined, err: Error | null | undefined) => never {
  return (msg, err) => {
    if (err instanceof CliUsageError) throw err;
    const fromYargs = (typeof msg === 'string' && msg !== '') || err?.name === 'YError' || err instanceof UsageError;
    if (err && !fromYargs) throw err;
    throw usageError(cli, msg || err?.message || 'invalid arguments');
  };
}

/**
 * A usage problem a command finds itself (a malformed option value), worded like yargsFail's:
 * `<cli>: <problem>` and `Run '<cli> --help' for usage.`; runCli exits 2 for it.
 */
export function usageError(cli: string, problem: string): UsageError {
  return new CliUsageError(`${cli}: ${problem.trim().replace(/\s*\n\s*/g, ' ')}\nRun '${cli} --help' for usage.`);
}

/** Prints an error the way every CLI does and returns the exit code for it. */
export function reportError(e: unknown): number {
  if (e instanceof UsageError) {
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  if (e instanceof OnnxZkError) {
    process.stderr.write(`${e.message}\n`);
    return 1;
  }
  if (e instanceof OnnxZkErrorList) {
    for (const err of e.errors) process.stderr.write(`${err.message}\n`);
    process.stderr.write(`${e.errors.length} errors\n`);
    return 1;
  }
  const err = e as Error;
  process.stderr.write(`internal error: ${err?.stack ?? String(e)}\n`);
  return 3;
}
