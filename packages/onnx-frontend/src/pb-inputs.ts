import { Tensor } from '@onnx-zk/tensor-ir';
import { readInputFile } from './read-file';
import { decodeTensorProto } from './schema';
import { tensorFromProto } from './tensor';

/** Decodes a serialized ONNX TensorProto (test_data_set_N/input_N.pb) into a tensor. */
export function readTensorProto(bytes: Uint8Array, file?: string): Tensor {
  const site = { file };
  return tensorFromProto(decodeTensorProto(bytes, site), { site });
}

/** Reads input_N.pb files into the input.json form: one flat array of numbers per graph input. */
export function pbInputsToJson(paths: string[]): { input_data: number[][] } {
  const input_data = paths.map((file) => {
    const t = readTensorProto(readInputFile(file), file);
    return Array.from(t.data as ArrayLike<number | bigint>, Number);
  });
  return { input_data };
}
