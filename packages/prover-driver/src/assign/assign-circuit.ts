import { assert, raise, numel, withFile, ErrorSite, OnnxZkError } from '@onnx-zk/tensor-ir';
import { ConstraintSystem, checkR1cs, gadgets, GadgetDef, LookupArgument, ParamValue, R1CS, Signal, AbiParam } from '@onnx-zk/zk-accelerator-components';
import type { ConstraintFailure, FinalizeOptions } from '@onnx-zk/zk-accelerator-components';
import { Errors } from '../errors';
import type { Arg, CircuitCall, CircuitModule } from '../llvm';
import { BufferMap } from './buffers';
import { buildParams, isBuffer } from './params';

export interface AssignOptions {
  /** Make every model input public (default: only inputs whose signature says public). */
  publicInputs?: boolean;
}

/** A finalized circuit with its witness, and the output signals of each model output. */
export interface Assignment {
  r1cs: R1CS;
  outputs: Signal[][];
  /** Gadget calls synthesized. */
  calls: number;
}

/**
 * Assigns the circuit: model inputs become input wires, every `zk.<gadget>` call of @circuit is
 * handed to gadgets[<gadget>].synthesize with params built from its abi, and the signals it
 * returns are bound to its `out` buffers. The witness is checked against the R1CS before returning.
 */
export function assignCircuit(mod: CircuitModule, inputs: readonly BigInt64Array[], options: AssignOptions = {}): Assignment {
  return withFile(mod.file, () => {
    const cs = new ConstraintSystem();
    const { finalize, outputs } = synthesizeModule(cs, mod, inputs, options);
    const r1cs = cs.finalize(finalize);
    const failure = checkR1cs(r1cs, r1cs.witness);
    if (failure) raiseUnsatisfied(failure);
    return { r1cs, outputs, calls: mod.calls.length };
  });
}

/** PV014 naming the ONNX node of the first constraint the witness breaks. */
export function raiseUnsatisfied(failure: ConstraintFailure): never {
  return raise(Errors.WITNESS_UNSATISFIED, { node: failure.label.split('.')[0] }, `constraint ${failure.index} (${failure.label})`);
}

/**
 * Synthesizes every call of @circuit into `cs` (the in-memory or the streaming builder) and says
 * which signals are public outputs and public or private inputs. Call inside withFile(mod.file).
 */
export function synthesizeModule(cs: ConstraintSystem, mod: CircuitModule, inputs: readonly BigInt64Array[], options: AssignOptions): { finalize: FinalizeOptions; outputs: Signal[][] } {
  const { inputs: sigIn, outputs: sigOut } = mod.signature;
  if (mod.params.length !== sigIn.length + sigOut.length) {
    raise(Errors.BAD_SIGNATURE, {}, `@circuit has ${mod.params.length} parameters, the signature lists ${sigIn.length} inputs and ${sigOut.length} outputs`);
  }
  assert(inputs.length === sigIn.length && inputs.every((v, i) => v.length === numel(sigIn[i].shape)), 'one quantized array per model input, of its size');
  // groth16-cr: range checks become limb lookups, and the table and challenge come with them.
  if (mod.signature.backend.name === 'groth16-cr') cs.lookups = new LookupArgument(mod.signature.backend.limbBits!);
  const buffers = new BufferMap([...sigIn, ...sigOut].map((t) => numel(t.shape)));
  const inputSignals = inputs.map((values, i) => {
    const signals = Array.from(values, (v, j) => cs.newWire(v, `input.${sigIn[i].name}[${j}]`));
    buffers.write({ kind: 'param', index: i, name: mod.params[i] }, signals, {});
    return signals;
  });
  for (const call of mod.calls) synthesizeCall(cs, call, buffers);
  const outputs = sigOut.map((t, k) => {
    const arg = { kind: 'param' as const, index: sigIn.length + k, name: mod.params[sigIn.length + k] };
    if (!buffers.has(arg)) raise(Errors.OUTPUT_UNWRITTEN, {}, `output ${t.name}`);
    return buffers.read(arg, {});
  });
  const isPublic = (i: number) => options.publicInputs === true || sigIn[i].public;
  const finalize: FinalizeOptions = {
    outputs: outputs.flat(),
    publicInputs: inputSignals.filter((_, i) => isPublic(i)).flat(),
    privateInputs: inputSignals.filter((_, i) => !isPublic(i)).flat(),
  };
  return { finalize, outputs };
}

/** The gadget a call names: `zk.<name>` with <name> in the gadget library. */
export function gadgetOf(call: CircuitCall, site: ErrorSite): GadgetDef {
  const name = call.callee.startsWith('zk.') ? call.callee.slice(3) : undefined;
  const gadget = name !== undefined && Object.prototype.hasOwnProperty.call(gadgets, name) ? gadgets[name] : undefined;
  if (!gadget) return raise(Errors.UNKNOWN_GADGET, site, `@${call.callee} (known: ${Object.keys(gadgets).map((g) => `zk.${g}`).join(', ')})`);
  return gadget;
}

function synthesizeCall(cs: ConstraintSystem, call: CircuitCall, buffers: BufferMap): void {
  const site: ErrorSite = { node: call.loc[0] ?? call.node, op: call.callee };
  const gadget = gadgetOf(call, site);
  site.op = gadget.op;
  const params = buildParams(cs, gadget.abi, call.args, buffers, site);
  const loc = call.loc.length > 0 ? call.loc : [call.node || call.callee];
  let produced: Signal[];
  try {
    produced = gadget.synthesize(cs, params, loc);
  } catch (e) {
    throw e instanceof OnnxZkError && e.site.node === undefined ? new OnnxZkError(e.def, { ...site, ...e.site, node: site.node, op: site.op }, e.details) : e;
  }
  bindOutputs(gadget.abi, call.args, params, produced, buffers, site);
}

/**
 * Splits the returned signals over the `out` params in abi order (each takes its element count;
 * an absent optional one, a null pointer, takes none).
 */
function bindOutputs(abi: readonly AbiParam[], args: readonly Arg[], params: readonly ParamValue[], produced: Signal[], buffers: BufferMap, site: ErrorSite): void {
  let offset = 0;
  abi.forEach((p, i) => {
    const arg = args[i];
    if (p.kind !== 'out' || !isBuffer(arg)) return;
    const n = params[i] as number;
    buffers.write(arg, produced.slice(offset, offset + n), site);
    offset += n;
  });
  if (offset !== produced.length) raise(Errors.ABI_MISMATCH, site, `the gadget returned ${produced.length} signals for ${offset} output elements`);
}
