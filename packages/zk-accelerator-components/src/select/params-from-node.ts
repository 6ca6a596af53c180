import { assert, attrInt, ErrorSite, Graph, Node, numel, raise, ValueInfo } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { rescaleValue } from '../gadgets/rescale-bits';
import type { AbiParam, GadgetDef, IntSource, ParamValue, ValueRef } from '../gadgets/types';

function refName(ref: ValueRef, node: Node): string {
  return 'input' in ref ? node.inputs[ref.input] ?? '' : node.outputs[ref.output] ?? '';
}

function refInfo(ref: ValueRef, node: Node, graph: Graph): ValueInfo {
  const info = graph.values.get(refName(ref, node));
  assert(info, `${node.name}: no ValueInfo for ${JSON.stringify(ref)} (verifyGraph checks this)`);
  return info;
}

function intValue(from: IntSource, node: Node, graph: Graph, gadget: GadgetDef): number {
  if ('attr' in from) return attrInt(node, from.attr, from.default);
  if ('strategy' in from) return strategyIndex(gadget, node);
  if ('choice' in from) return choiceIndex(from.choice, from.of, node);
  if ('frac' in from) {
    const info = refInfo(from.frac, node, graph);
    if (!info.fixed) raise(Errors.MISSING_BOUNDS, { node: node.name, op: node.op }, `'${info.name}'`);
    return info.fixed.frac;
  }
  // An absent optional input has no elements (softmax's mask_n without a mask).
  if ('numel' in from) return refName(from.numel, node) === '' ? 0 : numel(refInfo(from.numel, node, graph).shape);
  const shape = refInfo('dim' in from ? from.dim : from.rows, node, graph).shape;
  const last = shape[shape.length - 1] ?? 1;
  if ('rows' in from) return last === 0 ? 0 : numel(shape) / last;
  return shape[from.axis < 0 ? shape.length + from.axis : from.axis];
}

function constValue(p: Extract<AbiParam, { kind: 'const' }>, node: Node, graph: Graph, site: ErrorSite): BigInt64Array | null {
  const name = node.inputs[p.input] ?? '';
  if (name === '' && p.optional) return null;
  const data = graph.constants.get(name)?.data;
  if (!(data instanceof BigInt64Array)) raise(Errors.NOT_CONSTANT, site, `${p.name} (input ${p.input} '${name}')`);
  return data;
}

function boundsValue(p: Extract<AbiParam, { kind: 'lo' | 'hi' }>, node: Node, graph: Graph, site: ErrorSite): BigInt64Array {
  const info = refInfo(p.of, node, graph);
  if (!info.fixed) raise(Errors.MISSING_BOUNDS, site, `'${info.name}'`);
  const bounds = p.kind === 'lo' ? info.fixed.lo : info.fixed.hi;
  if (!p.rescaledBy) return bounds;
  const shift = attrInt(node, p.rescaledBy);
  return bounds.map((v) => rescaleValue(v, shift));
}

/**
 * The positional parameters a node gives its gadget, in abi order, as `cost` takes them: `in`
 * and `out` → element count (0 when absent), `const` → constant data or null, `int` → number,
 * `lo`/`hi` → bounds.
 * Exported so that the LLVM emitter walks the same abi.
 */
export function paramsFromNode(gadget: GadgetDef, node: Node, graph: Graph): ParamValue[] {
  const site: ErrorSite = { node: node.name, op: node.op };
  return gadget.abi.map((p): ParamValue => {
    switch (p.kind) {
      case 'in': return (node.inputs[p.input] ?? '') === '' ? 0 : numel(refInfo({ input: p.input }, node, graph).shape);
      case 'out': return (node.outputs[p.output] ?? '') === '' ? 0 : numel(refInfo({ output: p.output }, node, graph).shape);
      case 'const': return constValue(p, node, graph, site);
      case 'int': return intValue(p.from, node, graph, gadget);
      case 'lo':
      case 'hi': return boundsValue(p, node, graph, site);
    }
  });
}

/** The node's `strategy` attribute as an index into the gadget's strategies (absent: 0). */
export function strategyIndex(gadget: GadgetDef, node: Node): number {
  const attr = node.attrs.strategy;
  if (attr === undefined) return 0;
  const i = attr.type === 'string' ? gadget.strategies.indexOf(attr.value) : -1;
  if (i < 0) raise(Errors.UNKNOWN_STRATEGY, { node: node.name, op: node.op }, `${gadget.name}=${String(attr.value)}: ${gadget.name} has ${gadget.strategies.join(', ')}`);
  return i;
}

function choiceIndex(name: string, of: string[], node: Node): number {
  const attr = node.attrs[name];
  const i = attr === undefined ? 0 : attr.type === 'string' ? of.indexOf(attr.value) : -1;
  if (i < 0) raise(Errors.BAD_ATTRIBUTE, { node: node.name, op: node.op }, `${name} must be one of ${of.join(', ')}`);
  return i;
}

/**
 * Whether the node's operands suit the gadget: `const` params on constants, `in` on values, and
 * an absent input or output only where the param is optional.
 */
export function gadgetFits(gadget: GadgetDef, node: Node, graph: Graph): boolean {
  return gadget.op === node.op && gadget.abi.every((p) => {
    if (p.kind === 'out') return (node.outputs[p.output] ?? '') !== '' || p.optional === true;
    if (p.kind !== 'in' && p.kind !== 'const') return true;
    const name = node.inputs[p.input] ?? '';
    if (p.kind === 'in') return name === '' ? p.optional === true : !graph.constants.has(name);
    return name === '' ? p.optional === true : graph.constants.has(name);
  });
}
