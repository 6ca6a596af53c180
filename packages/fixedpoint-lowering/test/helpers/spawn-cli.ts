import { spawnSync } from 'child_process';
import * as path from 'path';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs onnx-zk-fxp from its sources in a child process, as a user would. */
export function fxp(args: string[], cwd?: string): CliResult {
  const register = path.join(__dirname, 'ts-register.js');
  const cli = path.resolve(__dirname, '../../src/cli.ts');
  const r = spawnSync(process.execPath, ['-r', register, cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
