import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { readInputJson, readTir } from '@onnx-zk/tensor-ir';
import { quantizeInputs, runInt } from '@onnx-zk/fixedpoint-lowering';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const EXAMPLES = path.join(REPO, 'examples');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `onnx-zk-${prefix}-`));
}

/** A stream that swallows the progress lines of runSteps. */
export const quiet = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;

/** The integer interpreter's outputs for the work directory's model and input, as decimal strings. */
export function integerOutputs(dir: string, input: string): string[] {
  const graph = readTir(path.join(dir, 'model.fxp.tir'), 'fixed').graph;
  const values = runInt(graph, quantizeInputs(graph, readInputJson(input)));
  return graph.outputs.flatMap((name) => Array.from(values.get(name)!, String));
}

/** The quantized inputs, one decimal integer per line, as the runtime's main reads them. */
export function quantizedInputText(dir: string, input: string): string {
  const graph = readTir(path.join(dir, 'model.fxp.tir'), 'fixed').graph;
  return quantizeInputs(graph, readInputJson(input)).flatMap((t) => Array.from(t, String)).join('\n') + '\n';
}

export function runLli(llFile: string, stdin: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('lli-14', [llFile], { input: stdin, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, JSON.stringify(value));
}

/** Copies a proof directory so that a test can tamper with the copy. */
export function copyDir(from: string, prefix: string): string {
  const to = tempDir(prefix);
  for (const name of fs.readdirSync(from)) {
    const src = path.join(from, name);
    if (fs.statSync(src).isFile()) fs.copyFileSync(src, path.join(to, name));
  }
  return to;
}
