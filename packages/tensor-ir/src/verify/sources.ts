import { Graph, Tensor, ValueInfo, numel } from '../model';
import { ErrorCollector, IrErrors } from '../errors';
import { sameShape, shapeToString } from '../tensor';

/**
 * Checks the values defined before any node runs (graph inputs, constants) and returns them.
 * A name that is both an input and a constant, or listed twice, breaks SSA.
 */
export function checkSources(graph: Graph, errors: ErrorCollector): Set<string> {
  const defined = new Set<string>();
  for (const name of graph.inputs) {
    if (defined.has(name)) errors.add(IrErrors.REDEFINED, {}, `graph input '${name}' is listed twice`);
    if (graph.constants.has(name)) errors.add(IrErrors.REDEFINED, {}, `'${name}' is both a graph input and a constant`);
    if (!graph.values.has(name)) errors.add(IrErrors.MISSING_TYPE, {}, `graph input '${name}'`);
    defined.add(name);
  }
  for (const [name, t] of graph.constants) {
    checkConstant(name, t, graph.values.get(name), errors);
    defined.add(name);
  }
  return defined;
}

function checkConstant(name: string, t: Tensor, info: ValueInfo | undefined, errors: ErrorCollector): void {
  const type = `${t.dtype}${shapeToString(t.shape)}`;
  if (t.data.length !== numel(t.shape)) {
    errors.add(IrErrors.BAD_TENSOR, {}, `constant '${name}' is ${type} but holds ${t.data.length} elements`);
  }
  if (!info) {
    errors.add(IrErrors.MISSING_TYPE, {}, `constant '${name}'`);
  } else if (info.name !== name || info.dtype !== t.dtype || !sameShape(info.shape, t.shape)) {
    errors.add(IrErrors.CONSTANT_INFO, {}, `constant '${name}' is ${type}, its value info says '${info.name}': ${info.dtype}${shapeToString(info.shape)}`);
  }
}

/** Every graph output must be defined by an input, a constant or a node. */
export function checkOutputs(graph: Graph, defined: Set<string>, errors: ErrorCollector): void {
  for (const name of graph.outputs) {
    if (!defined.has(name)) errors.add(IrErrors.OUTPUT_UNDEFINED, {}, `graph output '${name}'`);
  }
}

/** Value infos must describe defined values, under their own name. */
export function checkValueInfos(graph: Graph, defined: Set<string>, errors: ErrorCollector): void {
  for (const [name, info] of graph.values) {
    if (!defined.has(name)) errors.add(IrErrors.STRAY_VALUE, {}, `'${name}'`);
    else if (info.name !== name) errors.add(IrErrors.MISSING_TYPE, {}, `value info under '${name}' is named '${info.name}'`);
  }
}
