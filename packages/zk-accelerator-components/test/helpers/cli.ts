import { reportError } from '@onnx-zk/tensor-ir';
import { main } from '../../src/cli';

/**
 * Runs onnx-zk-acc in-process the way runCli does: the exit code and what it printed (yargs' help
 * goes through console.log, so console output is captured too).
 */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const so = jest.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
  const se = jest.spyOn(process.stderr, 'write').mockImplementation((s) => { err.push(String(s)); return true; });
  const log = jest.spyOn(console, 'log').mockImplementation((...s) => { out.push(s.join(' ')); });
  const error = jest.spyOn(console, 'error').mockImplementation((...s) => { err.push(s.join(' ')); });
  process.exitCode = undefined;
  let code = 0;
  try {
    await main(argv);
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    code = reportError(e);
  } finally {
    [so, se, log, error].forEach((m) => m.mockRestore());
    process.exitCode = undefined;
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}
