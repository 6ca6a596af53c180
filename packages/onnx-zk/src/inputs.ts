import * as path from 'path';
import { writeFileAtomic } from '@onnx-zk/tensor-ir';
import { pbInputsToJson } from '@onnx-zk/onnx-frontend';

/**
 * The stage CLIs take input.json (EZKL's `{"input_data": [[...]]}`); ONNX test_data_set
 * input_N.pb files are converted to that format in the work directory first.
 */
export function prepareInput(inputs: string[], out: string): string {
  if (inputs.length === 1 && !inputs[0].endsWith('.pb')) return inputs[0];
  const json = pbInputsToJson(inputs);
  const file = path.join(out, 'input.json');
  writeFileAtomic(file, JSON.stringify(json, null, 1));
  return file;
}
