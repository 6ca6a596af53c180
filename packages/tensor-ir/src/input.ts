import * as fs from 'fs';
import { Graph, Tensor, numel } from './model';
import { IrErrors, raise } from './errors';
import { makeTensor, shapeToString } from './tensor';

/**
 * Reads model inputs from JSON: EZKL's `{"input_data": [[...], ...]}` (one entry per graph input,
 * nested arrays flattened row-major) or a plain (nested) array for a single input.
 */
export function readInputJson(path: string): number[][] {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return raise(IrErrors.NO_FILE, { file: path }, err.code === 'ENOENT' ? 'no such file' : err.message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return raise(IrErrors.BAD_INPUT_JSON, { file: path }, (e as Error).message);
  }
  return inputArrays(json, path);
}

function inputArrays(json: unknown, file: string): number[][] {
  if (Array.isArray(json)) return [flatten(json, file, 'the input')];
  if (typeof json !== 'object' || json === null || !('input_data' in json)) {
    return raise(IrErrors.BAD_INPUT_JSON, { file }, 'expected an object with "input_data" or an array');
  }
  const data = (json as { input_data: unknown }).input_data;
  if (!Array.isArray(data)) return raise(IrErrors.BAD_INPUT_JSON, { file }, '"input_data" must be an array');
  if (data.every((v) => typeof v === 'number')) return [data as number[]];
  return data.map((entry, i) => flatten(entry, file, `input_data[${i}]`));
}

function flatten(v: unknown, file: string, where: string): number[] {
  if (typeof v === 'number') return [v];
  if (!Array.isArray(v)) return raise(IrErrors.BAD_INPUT_JSON, { file }, `${where} holds ${JSON.stringify(v)}, not a number`);
  return v.flatMap((x, i) => flatten(x, file, `${where}[${i}]`));
}

/** One tensor per graph input from flat arrays, checking counts against the inputs' shapes. */
export function inputTensors(graph: Graph, data: number[][]): Tensor[] {
  if (data.length !== graph.inputs.length) {
    raise(IrErrors.INPUT_MISMATCH, {}, `the graph has ${graph.inputs.length} inputs (${graph.inputs.join(', ')}), the input data has ${data.length}`);
  }
  return graph.inputs.map((name, i) => {
    const info = graph.values.get(name) ?? raise(IrErrors.MISSING_TYPE, {}, `graph input '${name}'`);
    if (data[i].length !== numel(info.shape)) {
      raise(IrErrors.INPUT_MISMATCH, {}, `input '${name}' is ${info.dtype}${shapeToString(info.shape)} (${numel(info.shape)} values), the input data has ${data[i].length}`);
    }
    return makeTensor(info.dtype, info.shape, data[i]);
  });
}
