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
