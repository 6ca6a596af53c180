import { Graph, Node, raise } from '@onnx-zk/tensor-ir';
import { AbiParam, GadgetDef, paramsFromNode, ValueRef } from '@onnx-zk/zk-accelerator-components';
import { Errors } from './errors';

/**
 * The one place that reads a gadget's abi (docs/architecture.md "Gadgets"). Values come from the
 * gadget library's own paramsFromNode (ints, constants, bounds — rescaled ones included), so the
 * emitter and the gadgets walk the abi the same way; the rest of the emitter sees ResolvedArg.
 */
export type ResolvedArg =
  /** null: an absent optional output or input (a null pointer). */
  | { kind: 'out'; value: string | null }
  | { kind: 'in'; value: string | null }
  | { kind: 'const'; value: string | null }
  | { kind: 'int'; value: number }
  /** Bounds of `value` (`shift` set when rescaled by that many bits, for fused gadgets). */
  | { kind: 'lo' | 'hi'; value: string; data: BigInt64Array; shift?: number };

/** `i64` for ints, `i64*` for every buffer kind. */
export function isPointerKind(kind: AbiParam['kind']): boolean {
  return kind !== 'int';
}

/** Resolves the node's arguments in abi order (LL006 when the node lacks an operand the abi names). */
export function resolveArgs(gadget: GadgetDef, node: Node, graph: Graph): ResolvedArg[] {
  gadget.abi.forEach((p) => checkOperand(gadget, p, node));
  const values = paramsFromNode(gadget, node, graph);
  return gadget.abi.map((p, i): ResolvedArg => {
    const v = values[i];
    switch (p.kind) {
      case 'in': return { kind: 'in', value: (node.inputs[p.input] ?? '') === '' ? null : node.inputs[p.input] };
      case 'out': return { kind: 'out', value: (node.outputs[p.output] ?? '') === '' ? null : node.outputs[p.output] };
      case 'const': return { kind: 'const', value: v === null ? null : node.inputs[p.input] };
      case 'int': return { kind: 'int', value: v as number };
      case 'lo': case 'hi': {
        const value = 'input' in p.of ? node.inputs[p.of.input] : node.outputs[p.of.output];
        const shift = p.rescaledBy === undefined ? undefined : (node.attrs[p.rescaledBy]?.value as number);
        return { kind: p.kind, value, data: v as BigInt64Array, shift };
      }
    }
  });
}

function checkOperand(gadget: GadgetDef, p: AbiParam, node: Node): void {
  const ref = operandOf(p);
  if (!ref) return;
  const [list, i, what] = 'input' in ref ? [node.inputs, ref.input, 'input'] : [node.outputs, ref.output, 'output'];
  const optional = (p.kind === 'const' || p.kind === 'in' || p.kind === 'out') && p.optional === true;
  if ((list[i] ?? '') === '' && !optional) {
    raise(Errors.ABI_MISMATCH, { node: node.name, op: node.op },
      `gadget ${gadget.name} needs node ${what} ${i} for its abi parameter '${p.name}'`);
  }
}

function operandOf(p: AbiParam): ValueRef | undefined {
  switch (p.kind) {
    case 'int': return undefined;
    case 'lo': case 'hi': return p.of;
    case 'out': return { output: p.output };
    case 'in': case 'const': return { input: p.input };
  }
}
