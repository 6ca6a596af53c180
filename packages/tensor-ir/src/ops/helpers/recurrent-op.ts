import { Node, Tensor } from '../../model';
import { InferContext, InferredType, OpDef } from '../types';
import { FLOAT_TYPES, inputOfType } from './checks';
import { evalFail } from './indexing';
import { CellStep, RecurrentShape, RecurrentWeights, activationsOf, recurrentOutputShapes, recurrentShape, recurrentWeights, runRecurrent } from './recurrent';

/** What distinguishes RNN, GRU and LSTM: gate count, default activations, the cell step. */
export interface RecurrentCell {
  op: string;
  gates: number;
  activations: string[];
  inputs: string[];
  outputs: string[];
  attrs: OpDef['attrs'];
  /** The cell step for this node; `extra` are the op's inputs after initial_h (LSTM: initial_c, P). */
  step(node: Node, m: RecurrentWeights, fns: ((x: number) => number)[][], clip: number, extra: (Tensor | undefined)[]): CellStep;
}

/** Attributes every recurrent op has. */
export const RECURRENT_ATTRS: OpDef['attrs'] = {
  activation_alpha: { type: 'floats' },
  activation_beta: { type: 'floats' },
  activations: { type: 'strings' },
  clip: { type: 'float' },
  direction: { type: 'string', default: 'forward' },
  hidden_size: { type: 'int', required: true },
  layout: { type: 'int', default: 0 },
};

/** Builds the OpDef of a recurrent op (inputs X, W, R, B, sequence_lens, initial_h, ...). */
export function recurrentOp(cell: RecurrentCell): OpDef {
  return {
    op: cell.op,
    inputs: cell.inputs.map((name, i) => ({ name, optional: i > 2 })),
    outputs: cell.outputs.map((name) => ({ name, optional: true })),
    attrs: cell.attrs,
    infer(ctx: InferContext): InferredType[] {
      const x = inputOfType(ctx, 0, FLOAT_TYPES);
      const s = recurrentShape(ctx.node, x.shape);
      if (typeof s === 'string') ctx.fail(s);
      const w = inputOfType(ctx, 1, FLOAT_TYPES).shape;
      if (w.length !== 3 || w[0] !== s.dirs || w[1] !== cell.gates * s.hidden || w[2] !== s.input) {
        ctx.fail(`W must be [${s.dirs},${cell.gates * s.hidden},${s.input}], got [${w.join(',')}]`);
      }
      const fns = activationsOf(ctx.node, cell.activations, s.dirs);
      if (typeof fns === 'string') ctx.fail(fns);
      return recurrentOutputShapes(s).slice(0, cell.outputs.length).map((shape) => ({ dtype: x.dtype, shape }));
    },
    evalFloat(node, inputs) {
      const [x, w, r, b, lens, h0, ...extra] = inputs;
      const s = recurrentShape(node, x!.shape) as RecurrentShape;
      const fns = activationsOf(node, cell.activations, s.dirs);
      if (typeof fns === 'string') return evalFail(node, fns);
      const clipAttr = node.attrs.clip;
      const clip = clipAttr && clipAttr.type === 'float' ? clipAttr.value : Infinity;
      const step = cell.step(node, recurrentWeights(w!, r!, b, cell.gates), fns, clip, extra);
      const c0 = cell.op === 'LSTM' ? extra[0] : undefined;
      return runRecurrent(x!, s, step, h0, c0, lens).slice(0, cell.outputs.length);
    },
  };
}

/** Clamps a pre-activation to [-clip, clip]. */
export function clipTo(v: number, clip: number): number {
  return v > clip ? clip : v < -clip ? -clip : v;
}
