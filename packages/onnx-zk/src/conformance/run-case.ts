import * as fs from 'fs';
import { Graph, OnnxZkError, OnnxZkErrorList, Tensor, runFloat, runPasses } from '@onnx-zk/tensor-ir';
import { importOnnx, readTensorProto } from '@onnx-zk/onnx-frontend';
import { CaseFiles, caseFiles } from './cases';
import { mismatch } from './compare';
import { checkFixed } from './fixed-check';

export type CaseStatus = 'pass' | 'fail' | 'skip';

export interface CaseResult {
  name: string;
  dir: string;
  status: CaseStatus;
  /** Why it failed or was skipped; the lenient warnings of a passing case. */
  detail: string;
  /** A failure that is not a coded user error (a bug in onnx-zk). */
  internal?: boolean;
  ms: number;
}

export interface CaseOptions {
  lenient?: boolean;
  /** Skip the standard passes after import. */
  noOpt?: boolean;
  /** Skipped case names → reason. */
  skips?: Map<string, string>;
  /** Also lower to fixed point and check the integer interpreter against the float one (fixed-check.ts). */
  fixed?: boolean;
}

/** Runs one case: import, (passes), float interpreter on every test data set, compare outputs. */
export function runCase(dir: string, opts: CaseOptions = {}): CaseResult {
  const start = Date.now();
  const result = (name: string, status: CaseStatus, detail: string, internal?: boolean): CaseResult =>
    ({ name, dir, status, detail, ...(internal ? { internal } : {}), ms: Date.now() - start });
  let name = dir.split(/[\\/]/).filter(Boolean).pop() ?? dir;
  const skip = opts.skips?.get(name);
  if (skip !== undefined) return result(name, 'skip', skip);
  try {
    const files = caseFiles(dir);
    name = files.name;
    const warnings: string[] = [];
    const problem = checkCase(files, opts, warnings);
    return problem ? result(name, 'fail', problem) : result(name, 'pass', warnings.join('; '));
  } catch (e) {
    if (e instanceof OnnxZkError || e instanceof OnnxZkErrorList) return result(name, 'fail', e.message.split('\n').join('; '));
    return result(name, 'fail', `internal error: ${(e as Error)?.message ?? String(e)}`, true);
  }
}

function checkCase(files: CaseFiles, opts: CaseOptions, warnings: string[]): string | undefined {
  for (const [k, set] of files.sets.entries()) {
    const inputs = set.inputs.map(readPb);
    const { graph, bound } = importCase(files, opts, warnings, inputs);
    const graphInputs = inputs.filter((_, i) => !bound.has(i)).slice(0, graph.inputs.length);
    const values = runFloat(graph, graphInputs);
    for (const [i, file] of set.outputs.entries()) {
      const name = graph.outputs[i];
      const actual = name !== undefined ? values.get(name) : undefined;
      if (!actual) return `test_data_set_${k}: output ${i} is missing (the graph has ${graph.outputs.length} outputs)`;
      const diff = mismatch(actual, readPb(file));
      if (diff) return `test_data_set_${k}: output ${i} (${name}): ${diff}`;
    }
    const problem = opts.fixed && k === 0 ? checkFixed(graph, graphInputs) : undefined;
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Imports the case's model (and runs the passes). onnx-zk compiles static shapes, so when the
 * model does not import as it is, its integer inputs (int64 or int32: shapes, axes, splits,
 * indices) are bound to this test data set's values as constants and the import is tried again.
 */
function importCase(files: CaseFiles, opts: CaseOptions, warnings: string[], inputs: Tensor[]): { graph: Graph; bound: Map<number, Tensor> } {
  const load = (bound: Map<number, Tensor>) => ({ graph: loadModel(files, opts, warnings, bound), bound });
  // Fixed point: a compiled model's weights, scales and statistics are constants, so every input
  // after the first is bound as one (the node suite feeds them as graph inputs).
  if (opts.fixed) return load(new Map(inputs.slice(1).map((t, i): [number, Tensor] => [i + 1, t])));
  const integers = new Map(inputs.flatMap((t, i) => (t.dtype === 'int64' || t.dtype === 'int32' ? [[i, t] as const] : [])));
  if (integers.size === 0) return load(new Map());
  try {
    return load(new Map());
  } catch (e) {
    if (!(e instanceof OnnxZkError || e instanceof OnnxZkErrorList)) throw e;
    warnings.length = 0;
    return load(integers);
  }
}

/** Imports the case's model with the given inputs bound as constants, then the standard passes. */
function loadModel(files: CaseFiles, opts: CaseOptions, warnings: string[], bound: Map<number, Tensor>): Graph {
  const { graph } = importOnnx(fs.readFileSync(files.model), { file: files.model, lenient: opts.lenient, warn: (w) => warnings.push(w), constantInputs: bound });
  if (!opts.noOpt) runPasses(graph);
  return graph;
}

function readPb(file: string): Tensor {
  return readTensorProto(fs.readFileSync(file), file);
}
