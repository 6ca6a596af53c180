import { attrString } from '../attrs';
import { IrErrors } from '../errors';
import { AttrSpec, InferContext } from '../ops/types';

/** The attributes of an approximated op: its strategy and, once select has run, its error bound. */
export function approxAttrs(strategies: readonly string[]): Record<string, AttrSpec> {
  return { strategy: { type: 'string', default: strategies[0] }, error_bound: { type: 'float' } };
}

/** A string attribute that must be one of `allowed`. */
export function choiceAttr(ctx: InferContext, name: string, allowed: readonly string[]): string {
  const v = attrString(ctx.node, name);
  if (!allowed.includes(v)) ctx.fail(`attribute '${name}' is '${v}', expected one of ${allowed.join(', ')}`, IrErrors.BAD_ATTR);
  return v;
}
