import { TirFile, writeTir } from '@onnx-zk/tensor-ir';
import type { DimBindings } from './dims';
import { importOnnx } from './import';
import { readInputFile } from './read-file';

export interface FrontendOptions {
  /** The .onnx model. */
  input: string;
  /** The .tir file to write (text form when `text` or the name ends in .txt). */
  output: string;
  /** Values of symbolic dimensions. */
  dims?: DimBindings;
  text?: boolean;
}

/** onnx-zk-frontend: reads an ONNX model, converts it and writes the float .tir atomically. */
export function runFrontend(opts: FrontendOptions): TirFile {
  const tir = importOnnx(readInputFile(opts.input), { file: opts.input, dims: opts.dims });
  writeTir(opts.output, tir, { text: opts.text });
  return tir;
}
