import { Attr, Node } from '../model';
import { ErrorCollector, ErrorSite, IrErrors } from '../errors';

/** The attributes accelerator selection puts on every node (docs/architecture.md). */
export const GADGET_ATTRS: Record<string, Attr['type']> = {
  gadget: 'string',
  strategy: 'string',
  cost_constraints: 'int',
  cost_wires: 'int',
};

export function checkGadgetAttrs(node: Node, site: ErrorSite, errors: ErrorCollector): void {
  const bad = Object.entries(GADGET_ATTRS)
    .filter(([name, type]) => node.attrs[name]?.type !== type)
    .map(([name, type]) => `${name} (${type})`);
  if (bad.length) errors.add(IrErrors.GADGET_ATTRS, site, `missing or mistyped ${bad.join(', ')}`);
}
