import type Bindings from 'llvm-bindings';
import { raise } from '@onnx-zk/tensor-ir';
import { Errors } from './errors';

let loaded: typeof Bindings | undefined;

/**
 * llvm-bindings (LLVM 14 for Node, a native addon built at install time against llvm-14-dev),
 * required on first use rather than when the package is imported: a missing or unbuilt addon is
 * then error LL011 pointing at `onnx-zk doctor`, raised by the first emit, instead of a loader
 * stack trace that stops every onnx-zk command (even --help) from starting.
 */
export function loadBindings(): typeof Bindings {
  if (loaded) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('llvm-bindings') as typeof Bindings;
  } catch (e) {
    // The first line: `bindings` (llvm-bindings' loader) follows it with every path it tried.
    const first = String((e as Error)?.message ?? e).split('\n').map((l) => l.trim()).find((l) => l !== '') ?? 'unknown error';
    return raise(Errors.BINDINGS_UNAVAILABLE, { file: 'llvm-bindings' }, first.replace(/\s*Tried:$/, ''));
  }
  return loaded;
}

/**
 * The llvm-bindings module, loaded by the first property read (`llvm.Type`, `new llvm.Module`):
 * the emitter's files `import llvm from './bindings'` and use it exactly as llvm-bindings itself.
 */
const llvm = new Proxy({} as typeof Bindings, { get: (_target, key) => Reflect.get(loadBindings(), key) });

/** The llvm-bindings classes the emitter names in type positions (`llvm.Module`, ...). */
// eslint-disable-next-line @typescript-eslint/no-namespace, @typescript-eslint/no-redeclare
declare namespace llvm {
  export type LLVMContext = Bindings.LLVMContext;
  export type Module = Bindings.Module;
  export type IRBuilder = Bindings.IRBuilder;
  export type Type = Bindings.Type;
  export type IntegerType = Bindings.IntegerType;
  export type PointerType = Bindings.PointerType;
  export type FunctionType = Bindings.FunctionType;
  export type Value = Bindings.Value;
  export type Constant = Bindings.Constant;
  export type GlobalVariable = Bindings.GlobalVariable;
  export type Function = Bindings.Function;
}

export default llvm;
