/**
 * The umbrella pipeline: runs every stage in order through its exported run function, each
 * reading and writing its artifact in the work directory, exactly as the stage CLIs would.
 */
import * as path from 'path';
import { runFrontend } from '@onnx-zk/onnx-frontend';
import { runFixedpoint } from '@onnx-zk/fixedpoint-lowering';
import { runSelect } from '@onnx-zk/zk-accelerator-components';
import type { BackendChoice, Target } from '@onnx-zk/zk-accelerator-components';
import { runEmitter } from '@onnx-zk/llvm-emitter';
import { runProve } from '@onnx-zk/prover-driver';

export interface CompileOptions {
  model: string;
  out: string;
  /** Calibration / proving input (input.json); .pb inputs are converted first by the CLI. */
  input?: string;
  fracBits?: number;
  inputRange?: [number, number];
  dims?: Record<string, number>;
  /** Accept the spec-invalid nodes EZKL accepts (float Equal before opset 11, int8 MatMul, bool Add), with a warning. */
  lenient?: boolean;
  /** select: the largest error bound an approximating op may have (ZK021 when no strategy meets it). */
  errorBudget?: number;
  /** select: among the strategies within the budget, fewest constraints (size) or smallest error (accuracy). */
  target?: Target;
  /** select: the proving backend (default auto) and groth16-cr's limb width. */
  backend?: BackendChoice;
  limbBits?: number;
}

export interface ProveOptions extends CompileOptions {
  input: string;
  ptau?: string;
  /** A Groth16 proving key to use instead of one derived from the ptau. */
  zkey?: string;
  publicInputs?: boolean;
}

export interface Step {
  name: string;
  artifact: string;
  run: () => unknown | Promise<unknown>;
}

/** The artifact names inside a work directory. */
export function artifacts(out: string) {
  const at = (f: string) => path.join(out, f);
  return {
    tir: at('model.tir'),
    fxp: at('model.fxp.tir'),
    acc: at('model.acc.tir'),
    ll: at('model.ll'),
    bc: at('model.bc'),
    accuracy: at('accuracy.json'),
    runtimeLl: at('model.runtime.ll'),
  };
}

/** The compile steps: ONNX → .tir → .fxp.tir → .acc.tir → .ll/.bc (plus a runtime .ll for lli). */
export function compileSteps(opts: CompileOptions): Step[] {
  const a = artifacts(opts.out);
  const range = opts.inputRange;
  return [
    { name: 'import ONNX', artifact: a.tir, run: () => runFrontend({ input: opts.model, output: a.tir, dims: opts.dims, lenient: opts.lenient }) },
    {
      name: 'lower to fixed point',
      artifact: a.fxp,
      run: () =>
        runFixedpoint({
          input: a.tir,
          output: a.fxp,
          fracBits: opts.fracBits,
          inputRange: range,
          calibration: range ? undefined : opts.input,
          report: opts.input ? a.accuracy : undefined,
          reportInput: opts.input,
        }),
    },
    {
      name: 'select accelerator components',
      artifact: a.acc,
      run: () => runSelect({ input: a.fxp, output: a.acc, errorBudget: opts.errorBudget, target: opts.target, backend: opts.backend, limbBits: opts.limbBits }),
    },
    { name: 'emit LLVM IR', artifact: a.bc, run: () => runEmitter({ input: a.acc, output: a.bc }) },
    { name: 'emit LLVM IR with runtime', artifact: a.runtimeLl, run: () => runEmitter({ input: a.acc, output: a.runtimeLl, runtime: true }) },
  ];
}

export function proveSteps(opts: ProveOptions): Step[] {
  const a = artifacts(opts.out);
  return [
    ...compileSteps(opts),
    {
      name: 'assign, set up, prove and verify',
      artifact: path.join(opts.out, 'proof.json'),
      run: () => runProve({ module: a.bc, input: opts.input, out: opts.out, ptau: opts.ptau, zkey: opts.zkey, publicInputs: opts.publicInputs }),
    },
  ];
}
