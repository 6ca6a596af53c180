import { reportError } from '@onnx-zk/tensor-ir';
import { main } from '../../src/cli';

/**
 * Runs onnx-zk-prover in-process the way runCli does: the exit code and what it printed (yargs'
 * help goes through console.log, which jest may route around process.stdout, so it is captured too).
 */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  process.exitCode = undefined;
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((s) => { stdout += String(s); return true; });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((s) => { stderr += String(s); return true; });
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { stdout += `${a.join(' ')}\n`; });
  try {
    await main(argv);
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } catch (e) {
    return { code: reportError(e), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    log.mockRestore();
    process.exitCode = undefined;
  }
}
