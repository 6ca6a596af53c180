import * as fs from 'fs';
import * as path from 'path';
import { OnnxZkError } from '@onnx-zk/tensor-ir';
import { ConformanceErrors } from './errors';

/** One case directory: its model and its test data sets (input_N.pb / output_N.pb, by N). */
export interface CaseFiles {
  name: string;
  dir: string;
  model: string;
  sets: { inputs: string[]; outputs: string[] }[];
}

/** The case directories of a list file: one per line, relative to the list file's folder. */
export function readCaseList(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new OnnxZkError(ConformanceErrors.BAD_LIST, { file }, (e as Error).message);
  }
  const base = path.dirname(file);
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')).map((l) => path.resolve(base, l));
}

/** Finds the model and test data of a case directory (a coded CF004 error when it is not one). */
export function caseFiles(dir: string): CaseFiles {
  const site = { file: dir };
  const entries = listDir(dir) ?? raiseBadCase(site, 'cannot read the directory');
  const models = entries.filter((f) => f.endsWith('.onnx'));
  if (models.length !== 1) raiseBadCase(site, `expected one .onnx model, found ${models.length}`);
  const sets = entries.filter((f) => /^test_data_set_\d+$/.test(f)).sort(byNumber).map((s) => {
    const files = listDir(path.join(dir, s)) ?? [];
    const numbered = (prefix: string) => files.filter((f) => new RegExp(`^${prefix}_\\d+\\.pb$`).test(f)).sort(byNumber).map((f) => path.join(dir, s, f));
    return { inputs: numbered('input'), outputs: numbered('output') };
  });
  if (sets.length === 0) raiseBadCase(site, 'no test_data_set_* folder');
  return { name: path.basename(dir), dir, model: path.join(dir, models[0]), sets };
}

function listDir(dir: string): string[] | undefined {
  try {
    return fs.readdirSync(dir);
  } catch {
    return undefined;
  }
}

function raiseBadCase(site: { file: string }, details: string): never {
  throw new OnnxZkError(ConformanceErrors.BAD_CASE, site, details);
}

const lastNumber = (s: string) => Number(/(\d+)(\.pb)?$/.exec(s)?.[1] ?? 0);
const byNumber = (a: string, b: string) => lastNumber(a) - lastNumber(b);
