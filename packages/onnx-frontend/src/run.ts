import { TirFile, runPasses, withFile, writeTir } from '@onnx-zk/tensor-ir';
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
  /** Skip the standard pass pipeline (`--no-opt`); import-time constant folding still runs. */
  noOpt?: boolean;
  /** Accept the spec-invalid nodes peers accept, with a warning (`--lenient`). */
  lenient?: boolean;
}

/** onnx-zk-frontend: reads an ONNX model, converts it and runs the standard passes and
 * writes the float .tir atomically. */
export function runFrontend(opts: FrontendOptions): TirFile {
  const tir = importOnnx(readInputFile(opts.input), { file: opts.input, dims: opts.dims, lenient: opts.lenient });
  if (!opts.noOpt) withFile(opts.input, () => runPasses(tir.graph));
  writeTir(opts.output, tir, { text: opts.text });
  return tir;
}
