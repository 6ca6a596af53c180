import type { ErrorDef } from '@onnx-zk/tensor-ir';

/** The llvm-emitter catalogue (prefix LL). Codes are stable: never renumber, only append. */
export const Errors = {
  NOT_ACCEL: {
    code: 'LL001',
    message: 'expected an accel .tir (stage accel, from onnx-zk-acc select)',
    hint: 'run `onnx-zk-acc select model.fxp.tir -o model.acc.tir` first',
  },
  UNKNOWN_GADGET: {
    code: 'LL002',
    message: 'node is bound to a gadget the gadget library does not have',
    hint: 're-run `onnx-zk-acc select` with this version of onnx-zk',
  },
  TOO_LARGE: {
    code: 'LL003',
    message: 'tensor is too large for an LLVM global',
    hint: 'split the layer; a global holds at most 2^28 i64 elements',
  },
  NOT_INT64: { code: 'LL004', message: 'value is not an int64 fixed-point tensor' },
  NO_BOUNDS: {
    code: 'LL005',
    message: 'value has no usable fixed-point bounds (FixedInfo lo/hi, one per element)',
    hint: 're-run onnx-zk-fxp and onnx-zk-acc select',
  },
  ABI_MISMATCH: { code: 'LL006', message: 'node does not fit the abi of its gadget' },
  NO_RUNTIME: {
    code: 'LL007',
    message: 'gadget has no native runtime definition',
    hint: 'emit without --runtime, or add src/runtime/<gadget>.ll.ts to llvm-emitter',
  },
  UNCOMPUTED_OUTPUT: {
    code: 'LL008',
    message: 'graph output is not computed by any node (it is a graph input or a constant)',
    hint: 'insert a Reshape (copy) node in front of the output',
  },
  BAD_OUTPUT_PATH: { code: 'LL009', message: 'output file must end in .ll or .bc' },
  /** Internal: the module we built does not parse or verify; a bug in llvm-emitter. */
  INVALID_MODULE: { code: 'LL010', message: 'LLVM rejected the emitted module (a bug in llvm-emitter)' },
  BINDINGS_UNAVAILABLE: {
    code: 'LL011',
    message: 'cannot load llvm-bindings (LLVM 14 for Node, a native addon built at install time)',
    hint: 'run `onnx-zk doctor`: it checks LLVM 14 and the addon and prints the command that installs what is missing (usually `npm rebuild llvm-bindings`)',
  },
} satisfies Record<string, ErrorDef>;

/** An internal error (exit 3): the stage itself is broken, not the user's model. */
export function internalError(def: ErrorDef, details: string): Error {
  return new Error(`${def.code}: ${def.message}: ${details}`);
}
