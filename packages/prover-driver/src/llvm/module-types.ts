/** The plain JS model of an onnx-zk LLVM module (see docs/architecture.md "LLVM module"). */

/** One argument of a `zk.*` call, decoded from its LLVM value. */
export type Arg =
  /** A parameter of @circuit (a graph input or output buffer). */
  | { kind: 'param'; index: number; name: string }
  /** A global buffer: `@v.*` (internal, no values) or a constant `@c.*` / `@lo.*` / `@hi.*` with values. */
  | { kind: 'global'; name: string; values?: BigInt64Array; size: number }
  /** An `i64` immediate. */
  | { kind: 'int'; value: bigint }
  /** `i64* null`: an absent optional constant. */
  | { kind: 'null' };

export interface CircuitCall {
  /** The called function's name, e.g. `zk.linear`. */
  callee: string;
  args: Arg[];
  /** `!onnx.loc`: the ONNX node names the call derives from. */
  loc: string[];
  /** `!zk.node` operand 0: the accel node's name ('' when absent). */
  node: string;
  /** `!zk.node` operand 1: the gadget strategy (absent when not given). */
  strategy?: string;
}

export interface SignatureTensor {
  name: string;
  shape: number[];
  frac: number;
}

export interface SignatureInput extends SignatureTensor {
  public: boolean;
}

/** `!onnx_zk.signature`: the model's inputs (with visibility) and outputs, in @circuit's order. */
export interface CircuitSignature {
  version: 1;
  model: string;
  inputs: SignatureInput[];
  outputs: SignatureTensor[];
  /** The proving backend the circuit was selected for (absent in older modules: groth16). */
  backend: { name: 'groth16' | 'groth16-cr'; limbBits?: number };
}

export interface CircuitModule {
  /** The file the module was read from. */
  file: string;
  signature: CircuitSignature;
  /** Names of @circuit's parameters: the inputs then the outputs. */
  params: string[];
  /** The `zk.*` calls of @circuit in program order. */
  calls: CircuitCall[];
}
