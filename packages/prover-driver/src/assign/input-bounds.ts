import { raise, ErrorSite } from '@onnx-zk/tensor-ir';
import type { GadgetDef } from '@onnx-zk/zk-accelerator-components';
import { Errors } from '../errors';
import type { Arg, CircuitCall, CircuitModule } from '../llvm';

/** The declared range of one model input, with the node and op that check it (for error sites). */
export interface InputBounds {
  lo: BigInt64Array;
  hi: BigInt64Array;
  site: ErrorSite;
}

/**
 * Finds each model input's declared bounds: the `lo`/`hi` arguments that a call gives for the
 * same node input as an `in` argument bound to that @circuit parameter (the RangeCheck call),
 * else any `@lo.<input>` / `@hi.<input>` global argument.
 */
export function findInputBounds(mod: CircuitModule, gadgets: Record<string, GadgetDef>): InputBounds[] {
  const nInputs = mod.signature.inputs.length;
  const found: Partial<InputBounds>[] = Array.from({ length: nInputs }, () => ({}));
  for (const call of mod.calls) {
    const gadget = gadgets[call.callee.replace(/^zk\./, '')];
    if (gadget && gadget.abi.length === call.args.length) collectFromAbi(gadget, call, nInputs, found);
    collectByName(mod.params, call, nInputs, found);
  }
  return found.map((b, i) => {
    if (!b.lo || !b.hi) return raise(Errors.NO_INPUT_RANGE, { file: mod.file }, `input ${mod.signature.inputs[i].name}`);
    return b as InputBounds;
  });
}

function collectFromAbi(gadget: GadgetDef, call: CircuitCall, nInputs: number, found: Partial<InputBounds>[]): void {
  const abi = gadget.abi;
  abi.forEach((p, i) => {
    if ((p.kind !== 'lo' && p.kind !== 'hi') || p.rescaledBy || !('input' in p.of)) return;
    const nodeInput = p.of.input;
    const inIndex = abi.findIndex((q) => q.kind === 'in' && q.input === nodeInput);
    const target = inIndex >= 0 ? call.args[inIndex] : undefined;
    const values = constantValues(call.args[i]);
    if (target?.kind === 'param' && target.index < nInputs && values) {
      found[target.index][p.kind] = values;
      found[target.index].site = callSite(call, gadget.op);
    }
  });
}

function collectByName(params: readonly string[], call: CircuitCall, nInputs: number, found: Partial<InputBounds>[]): void {
  for (const arg of call.args) {
    const m = arg.kind === 'global' && arg.values ? /^(lo|hi)\.(.*)$/.exec(arg.name) : null;
    const index = m ? params.indexOf(m[2]) : -1;
    if (m && index >= 0 && index < nInputs && !found[index][m[1] as 'lo' | 'hi']) {
      found[index][m[1] as 'lo' | 'hi'] = constantValues(arg);
      found[index].site ??= callSite(call, call.callee);
    }
  }
}

function callSite(call: CircuitCall, op: string): ErrorSite {
  return { node: call.loc[0] ?? call.node, op };
}

function constantValues(arg: Arg | undefined): BigInt64Array | undefined {
  return arg?.kind === 'global' ? arg.values : undefined;
}
