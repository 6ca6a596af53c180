import { gadgets } from '@onnx-zk/zk-accelerator-components';
import { withFile } from '@onnx-zk/tensor-ir';
import { readCircuitModule, CircuitModule } from '../llvm';
import { assignCircuit, gadgetOf, Assignment, AssignOptions } from './assign-circuit';
import { findInputBounds } from './input-bounds';
import { quantizeInputs } from './inputs';

/** A read module with its quantized inputs, ready to assign (in memory or streamed). */
export interface LoadedCircuit {
  module: CircuitModule;
  /** Quantized model inputs, in signature order. */
  inputs: BigInt64Array[];
}

export interface PreparedCircuit extends LoadedCircuit {
  assignment: Assignment;
}

/**
 * Reads the module and input.json. Every call's gadget is resolved and every input is checked
 * against its declared range before any constraint is built.
 */
export function loadCircuit(moduleFile: string, inputFile: string): LoadedCircuit {
  const module = readCircuitModule(moduleFile);
  withFile(moduleFile, () => module.calls.forEach((call) => gadgetOf(call, { node: call.loc[0] ?? call.node, op: call.callee })));
  const bounds = findInputBounds(module, gadgets);
  return { module, inputs: quantizeInputs(inputFile, module.signature, bounds) };
}

/** loadCircuit, then the in-memory assignment (tests and small circuits; the CLIs stream). */
export function prepareCircuit(moduleFile: string, inputFile: string, options: AssignOptions = {}): PreparedCircuit {
  const loaded = loadCircuit(moduleFile, inputFile);
  return { ...loaded, assignment: assignCircuit(loaded.module, loaded.inputs, options) };
}
