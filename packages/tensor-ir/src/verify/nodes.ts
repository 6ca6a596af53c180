import { Attr, Graph, Node } from '../model';
import { ErrorCollector, ErrorSite, IrErrors } from '../errors';
import { InferContext, InferredType, OpDef } from '../ops/types';
import { arityProblem, inferContext, opOf, unknownOpDetails } from '../infer';
import { sameShape, shapeToString } from '../tensor';
import { GADGET_ATTRS, checkGadgetAttrs } from './accel';

/**
 * Per-node checks in order: names, op, arity, attributes, edges, types, frac rule, gadget.
 * A value whose type could not be confirmed is "suspect": its consumers' type checks are
 * skipped so that one mistake is reported once, not again at every node downstream.
 */
export function checkNodes(graph: Graph, defined: Set<string>, errors: ErrorCollector): void {
  const names = new Set<string>();
  const later = new Set(graph.nodes.flatMap((n) => n.outputs));
  const suspect = new Set<string>();
  for (const node of graph.nodes) {
    const site: ErrorSite = { node: node.name, op: node.op };
    if (names.has(node.name)) errors.add(IrErrors.DUPLICATE_NODE, site, `'${node.name}'`);
    names.add(node.name);
    const edgesOk = checkEdges(node, site, defined, later, errors);
    const def = opOf(graph, node);
    if (!def) errors.add(IrErrors.UNKNOWN_OP, site, unknownOpDetails(graph, node));
    const arity = def && arityProblem(def, node);
    if (arity) errors.add(IrErrors.ARITY, site, arity);
    const attrsOk = def ? checkAttrs(graph, node, def, site, errors) : false;
    if (graph.stage === 'accel') checkGadgetAttrs(node, site, errors);
    const fresh = node.outputs.filter((out) => out !== '' && !defined.has(out));
    for (const out of node.outputs) {
      if (out !== '' && defined.has(out)) errors.add(IrErrors.REDEFINED, site, `'${out}'`);
      if (out !== '' && !graph.values.has(out)) errors.add(IrErrors.MISSING_TYPE, site, `output '${out}'`);
      defined.add(out);
    }
    const inputsOk = edgesOk && node.inputs.every((n) => n === '' || (graph.values.has(n) && !suspect.has(n)));
    const typesOk = def && inputsOk && attrsOk && !arity && checkTypes(graph, node, def, fresh, site, errors);
    if (!typesOk) for (const out of node.outputs) suspect.add(out);
  }
}

/** Inputs must be defined earlier; a later definition means the nodes are out of order. */
function checkEdges(node: Node, site: ErrorSite, defined: Set<string>, later: Set<string>, errors: ErrorCollector): boolean {
  let ok = true;
  for (const name of node.inputs) {
    if (name === '' || defined.has(name)) continue;
    ok = false;
    if (later.has(name)) errors.add(IrErrors.NOT_TOPOLOGICAL, site, `'${name}'`);
    else errors.add(IrErrors.DANGLING, site, `'${name}' is not a graph input, constant or node output`);
  }
  return ok;
}

function checkAttrs(graph: Graph, node: Node, def: OpDef, site: ErrorSite, errors: ErrorCollector): boolean {
  const before = errors.errors.length;
  for (const [name, attr] of Object.entries(node.attrs)) {
    if (graph.stage === 'accel' && GADGET_ATTRS[name]) continue;
    const spec = Object.prototype.hasOwnProperty.call(def.attrs, name) ? def.attrs[name] : undefined;
    if (!spec) errors.add(IrErrors.BAD_ATTR, site, `unknown attribute '${name}' (${node.op} has ${Object.keys(def.attrs).join(', ') || 'none'})`);
    else if (spec.type !== attr.type) errors.add(IrErrors.BAD_ATTR, site, `attribute '${name}' must be ${spec.type}, got ${attr.type}`);
    else if (!attrValueOk(attr)) errors.add(IrErrors.BAD_ATTR, site, `attribute '${name}' has a malformed ${attr.type} value`);
  }
  for (const [name, spec] of Object.entries(def.attrs)) {
    if (spec.required && node.attrs[name] === undefined) errors.add(IrErrors.BAD_ATTR, site, `missing required attribute '${name}' (${spec.type})`);
  }
  return errors.errors.length === before;
}

function attrValueOk(a: Attr): boolean {
  switch (a.type) {
    case 'int': return Number.isInteger(a.value);
    case 'ints': return Array.isArray(a.value) && a.value.every(Number.isInteger);
    case 'float': return typeof a.value === 'number';
    case 'floats': return Array.isArray(a.value) && a.value.every((v) => typeof v === 'number');
    case 'string': return typeof a.value === 'string';
    case 'strings': return Array.isArray(a.value) && a.value.every((v) => typeof v === 'string');
    case 'tensor': return a.value.data.length === a.value.shape.reduce((x, y) => x * y, 1);
  }
}

/**
 * Declared output types must equal the inferred ones (outputs in `fresh` only: a redefined
 * value's info belongs to its first definition); fixed stages also check the frac rule.
 * Returns whether the outputs' types are confirmed.
 */
function checkTypes(graph: Graph, node: Node, def: OpDef, fresh: string[], site: ErrorSite, errors: ErrorCollector): boolean {
  const ctx = inferContext(graph, node);
  const types = errors.attempt(() => def.infer(ctx));
  if (!types) return false;
  let ok = true;
  node.outputs.forEach((out, i) => {
    if (!fresh.includes(out)) return;
    const declared = graph.values.get(out);
    if (declared && sameType(declared, types[i])) return;
    if (declared) errors.add(IrErrors.TYPE_MISMATCH, site, `'${out}' is declared ${typeText(declared)}, inferred ${typeText(types[i])}`);
    ok = false;
  });
  return ok && checkFracRule(graph, node, def, ctx, site, errors);
}

function checkFracRule(graph: Graph, node: Node, def: OpDef, ctx: InferContext, site: ErrorSite, errors: ErrorCollector): boolean {
  if (graph.stage === 'float' || !def.fracRule) return true;
  if (ctx.inputs.some((v) => v && !v.fixed)) return false; // reported by checkFixedInfo
  const fracs = errors.attempt(() => def.fracRule!(ctx));
  if (!fracs) return false;
  let ok = true;
  node.outputs.forEach((out, i) => {
    const f = graph.values.get(out)?.fixed?.frac;
    if (f !== undefined && f !== fracs[i]) {
      errors.add(IrErrors.FRAC_RULE, site, `'${out}' has frac ${f}, the ${node.op} rule gives ${fracs[i]}`);
      ok = false;
    }
  });
  return ok;
}

function sameType(a: InferredType, b: InferredType): boolean {
  return a.dtype === b.dtype && sameShape(a.shape, b.shape);
}

function typeText(t: InferredType): string {
  return `${t.dtype}${shapeToString(t.shape)}`;
}
