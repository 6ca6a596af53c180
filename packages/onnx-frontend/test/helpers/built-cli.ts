import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The CLI as users run it: the built dist/cli.js (nx builds before it tests; built here if missing). */
export const PKG = path.resolve(__dirname, '..', '..');
export const CLI = path.join(PKG, 'dist', 'cli.js');
export const MLP = path.resolve(PKG, '../../examples/1l_mlp/network.onnx');

/**
 * Registers the jest hooks of a CLI test file: build the CLI if needed, and a fresh temp folder
 * per test (`<prefix>XXXXXX`, removed after it). Returns a getter for the current folder.
 */
export function useBuiltCli(prefix: string): () => string {
  let dir = '';
  beforeAll(() => {
    if (!fs.existsSync(CLI)) execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(PKG, 'tsconfig.build.json')]);
  });
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix)); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}
