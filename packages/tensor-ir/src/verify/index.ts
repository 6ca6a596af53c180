import { Graph } from '../model';
import { ErrorCollector, IrErrors } from '../errors';
import { checkOutputs, checkSources, checkValueInfos } from './sources';
import { checkNodes } from './nodes';
import { checkFixedInfo } from './fixed';

const STAGES = ['float', 'fixed', 'accel'];

/**
 * Checks a graph against the IR contract and throws every problem at once (OnnxZkErrorList):
 * SSA, topological order, dangling edges, outputs, ops, attributes, declared vs inferred types,
 * constants, FixedInfo and frac rule (fixed/accel) and gadget binding (accel).
 */
export function verifyGraph(graph: Graph): void {
  const errors = new ErrorCollector();
  if (!STAGES.includes(graph.stage)) {
    errors.add(IrErrors.WRONG_STAGE, {}, `unknown stage '${graph.stage}'`);
    errors.throwIfAny();
  }
  const defined = checkSources(graph, errors);
  checkNodes(graph, defined, errors);
  checkOutputs(graph, defined, errors);
  checkValueInfos(graph, defined, errors);
  if (graph.stage !== 'float') checkFixedInfo(graph, errors);
  errors.throwIfAny();
}
