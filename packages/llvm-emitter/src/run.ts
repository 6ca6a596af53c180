import { raise, readTir, withFile, writeFileAtomic } from '@onnx-zk/tensor-ir';
import { emitModule, EmittedModule } from './emit';
import { Errors } from './errors';

export interface RunEmitterOptions {
  /** The .acc.tir to read (binary or text). */
  input: string;
  /** model.ll (assembly) or model.bc (bitcode). */
  output: string;
  runtime?: boolean;
  publicInputs?: boolean;
}

/** Reads an accel .tir, emits its LLVM module and writes it atomically as .ll or .bc. */
export function runEmitter(opts: RunEmitterOptions): EmittedModule {
  const bitcode = outputKind(opts.output) === 'bc';
  const emitted = withFile(opts.input, () => {
    const file = readTir(opts.input);
    return emitModule(file, { runtime: opts.runtime, publicInputs: opts.publicInputs, bitcode });
  });
  writeFileAtomic(opts.output, bitcode ? (emitted.bc as Uint8Array) : emitted.ll);
  return emitted;
}

function outputKind(output: string): 'll' | 'bc' {
  if (output.endsWith('.ll')) return 'll';
  if (output.endsWith('.bc')) return 'bc';
  return raise(Errors.BAD_OUTPUT_PATH, { file: output }, `got '${output}'`);
}
