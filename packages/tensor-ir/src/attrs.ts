import { Attr, Node, Tensor } from './model';
import { IrErrors, raise } from './errors';
import { AttrSpec } from './ops/types';
import { onnxOps } from './ops';
import { fixedOps } from './fixed-ops';
import { lookupOp } from './op-tables';

type AttrOf<K extends Attr['type']> = Extract<Attr, { type: K }>['value'];

/** The spec of attribute `name` of the node's op, from whichever dialect defines it. */
export function attrSpec(node: Node, name: string): AttrSpec | undefined {
  for (const table of [onnxOps, fixedOps]) {
    const attrs = lookupOp(table, node.op)?.attrs;
    if (attrs && Object.prototype.hasOwnProperty.call(attrs, name)) return attrs[name];
  }
  return undefined;
}

function getAttr<K extends Attr['type']>(node: Node, name: string, type: K, def: AttrOf<K> | undefined): AttrOf<K> {
  const site = { node: node.name, op: node.op };
  const a = node.attrs[name];
  if (a !== undefined) {
    if (a.type !== type) raise(IrErrors.BAD_ATTR, site, `attribute '${name}' must be ${type}, got ${a.type}`);
    return a.value as AttrOf<K>;
  }
  if (def !== undefined) return def;
  const spec = attrSpec(node, name);
  if (spec && !spec.required && spec.default !== undefined) return spec.default as AttrOf<K>;
  return raise(IrErrors.BAD_ATTR, site, `missing required attribute '${name}' (${type})`);
}

export function attrInt(node: Node, name: string, def?: number): number {
  return getAttr(node, name, 'int', def);
}
export function attrFloat(node: Node, name: string, def?: number): number {
  return getAttr(node, name, 'float', def);
}
export function attrString(node: Node, name: string, def?: string): string {
  return getAttr(node, name, 'string', def);
}
export function attrInts(node: Node, name: string, def?: number[]): number[] {
  return getAttr(node, name, 'ints', def);
}
export function attrFloats(node: Node, name: string, def?: number[]): number[] {
  return getAttr(node, name, 'floats', def);
}
export function attrStrings(node: Node, name: string, def?: string[]): string[] {
  return getAttr(node, name, 'strings', def);
}
export function attrTensor(node: Node, name: string, def?: Tensor): Tensor {
  return getAttr(node, name, 'tensor', def);
}
