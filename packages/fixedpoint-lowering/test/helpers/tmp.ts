import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Graph, writeTir } from '@onnx-zk/tensor-ir';

/** A fresh temporary folder, removed after the test file. */
export function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fxp-test-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes a float graph as a .tir and input data as EZKL input.json, returning their paths. */
export function writeModel(dir: string, name: string, graph: Graph, inputs?: number[][]): { tir: string; input: string } {
  const tir = path.join(dir, `${name}.tir`);
  const input = path.join(dir, `${name}.input.json`);
  writeTir(tir, { producer: 'onnx-zk-frontend', graph });
  if (inputs) fs.writeFileSync(input, JSON.stringify({ input_data: inputs }));
  return { tir, input };
}

/** The files in a folder (to check that a failed run left nothing behind). */
export function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}
