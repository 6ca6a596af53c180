import { Graph } from '../model';
import { IrErrors, raise } from '../errors';
import { inferShapes } from '../infer';
import { verifyGraph } from '../verify';
import { NamedPass } from './types';
import { foldConstants } from './fold-constants';
import { eliminateDeadNodes } from './eliminate-dead-nodes';
import { canonicalize } from './canonicalize';
import { fuseLayerNorm } from './fuse-layer-norm';
import { fuseGelu } from './fuse-gelu';
import { fuseMaskedSoftmax } from './fuse-masked-softmax';

export type { Pass, NamedPass } from './types';
export type { FoldOptions } from './fold-constants';
export { foldConstants, eliminateDeadNodes, canonicalize, fuseLayerNorm, fuseGelu, fuseMaskedSoftmax };
export { MASK_LIMIT } from './fuse-masked-softmax';

/**
 * The standard float-graph pipeline, in order. `--passes` picks a sub-list by these names. The
 * fusions come after fold-constants (they match constant masks and scalars it produces) and
 * canonicalize; eliminate-dead-nodes last drops what they left unused.
 */
export const passes: readonly NamedPass[] = [
  ['fold-constants', foldConstants],
  ['canonicalize', canonicalize],
  ['fuse-layer-norm', fuseLayerNorm],
  ['fuse-gelu', fuseGelu],
  ['fuse-masked-softmax', fuseMaskedSoftmax],
  ['eliminate-dead-nodes', eliminateDeadNodes],
];

export interface PassOptions {
  /** Pass names to run, in the given order (default: all of `passes`). */
  only?: readonly string[];
  /** Called with the graph after the pass of this name ran (`--print-after`). */
  printAfter?: { name: string; print(graph: Graph): void };
}

/**
 * Runs the named passes on a float graph, re-inferring types and re-verifying the graph after
 * each one (a pass that breaks the IR contract is caught at the pass that did it).
 */
export function runPasses(graph: Graph, opts: PassOptions = {}): void {
  const selected = opts.only ? opts.only.map(passByName) : passes;
  if (opts.printAfter) passByName(opts.printAfter.name);
  for (const [name, pass] of selected) {
    pass(graph);
    inferShapes(graph);
    verifyGraph(graph);
    if (opts.printAfter?.name === name) opts.printAfter.print(graph);
  }
}

function passByName(name: string): NamedPass {
  const known = passes.map(([n]) => n);
  return passes.find(([n]) => n === name) ?? raise(IrErrors.UNKNOWN_PASS, {}, `'${name}' (known: ${known.join(', ')})`);
}
