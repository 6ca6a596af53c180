import { gadgets } from '@onnx-zk/zk-accelerator-components';
import { withFile } from '@onnx-zk/tensor-ir';
import { readCircuitModule, CircuitModule } from '../llvm';
import { assignCircuit, gadgetOf, Assignment, AssignOptions } from './assign-circuit';
import { findInputBounds } from './input-bounds';
import { quantizeInputs } from './inputs';

export interface PreparedCircuit {
  module: CircuitModule;
  /** Quantized model inputs, in signature order. */
  inputs: BigInt64Array[];
  assignment: Assignment;
}

/**
 * Reads the module and input.json and assigns the circuit. Every call's gadget is resolved and
 * every input is checked against its declared range before any constraint is built.
 */
export function prepareCircuit(moduleFile: string, inputFile: string, options: AssignOptions = {}): PreparedCircuit {
  const module = readCircuitModule(moduleFile);
  withFile(moduleFile, () => module.calls.forEach((call) => gadgetOf(call, { node: call.loc[0] ?? call.node, op: call.callee })));
  const bounds = findInputBounds(module, gadgets);
  const inputs = quantizeInputs(inputFile, module.signature, bounds);
  return { module, inputs, assignment: assignCircuit(module, inputs, options) };
}
