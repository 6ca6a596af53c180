import { Node, Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { ANY_TYPE, evalFail, flatIndex, indexMap, inputOfType, normalizeAxes, takeElements } from './helpers';
import { attrFloat, attrString } from '../attrs';
import { stridesOf, tensorValues } from '../tensor';

const MODES = ['constant', 'reflect', 'edge', 'wrap'];

/**
 * ONNX Pad: pads (begin..., end...) per axis — an attribute before opset 11, an input after, with
 * optional axes (18+); negative pads crop. Modes constant, reflect, edge and wrap (19+).
 */
export const Pad: OpDef = {
  op: 'Pad',
  inputs: [{ name: 'data' }, { name: 'pads', optional: true }, { name: 'constant_value', optional: true }, { name: 'axes', optional: true }],
  outputs: [{ name: 'output' }],
  attrs: { mode: { type: 'string', default: 'constant' }, pads: { type: 'ints' }, value: { type: 'float', default: 0 } },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, ANY_TYPE);
    if (!MODES.includes(attrString(ctx.node, 'mode'))) ctx.fail(`unknown mode '${attrString(ctx.node, 'mode')}'`);
    for (const i of [1, 3]) if (ctx.inputs[i] && !ctx.constants[i]) ctx.fail(`input ${i} must be a graph constant (static shapes only)`);
    const pads = fullPads(ctx.node, x.shape.length, ctx.constants);
    if (typeof pads === 'string') ctx.fail(pads);
    const shape = padShape(x.shape, pads);
    if (shape.some((d) => d < 0)) ctx.fail(`pads [${pads.join(',')}] crop [${x.shape.join(',')}] below zero`);
    return [{ dtype: x.dtype, shape }];
  },
  evalFloat(node, inputs) {
    const x = inputs[0]!;
    const pads = fullPads(node, x.shape.length, inputs);
    if (typeof pads === 'string') return evalFail(node, pads);
    const mode = attrString(node, 'mode');
    const shape = padShape(x.shape, pads);
    const rank = x.shape.length;
    const strides = stridesOf(x.shape);
    const src = new Array<number>(rank);
    const idx = indexMap(shape, (c) => {
      for (let d = 0; d < rank; d++) {
        const s = sourceIndex(c[d] - pads[d], x.shape[d], mode);
        if (s < 0) return -1;
        src[d] = s;
      }
      return flatIndex(src, strides);
    });
    const fill = node.inputs.length > 1 ? (inputs[2] ? inputs[2].data[0] : 0) : attrFloat(node, 'value');
    return [takeElements(x, shape, idx, fill)];
  },
};

/** Begin/end pads for every axis (length 2 × rank). */
function fullPads(node: Node, rank: number, inputs: (Tensor | undefined)[]): number[] | string {
  const a = node.attrs.pads;
  const given = inputs[1] ? tensorValues(inputs[1]) : a && a.type === 'ints' ? a.value : undefined;
  if (!given) return 'Pad needs pads';
  const axesRaw = inputs[3] ? tensorValues(inputs[3]) : Array.from({ length: rank }, (_, i) => i);
  const axes = normalizeAxes(axesRaw, rank);
  if (!axes || given.length !== 2 * axes.length) return `pads [${given.join(',')}] do not fit axes [${axesRaw.join(',')}] of rank ${rank}`;
  const out = new Array<number>(2 * rank).fill(0);
  axes.forEach((ax, i) => {
    out[ax] = given[i];
    out[rank + ax] = given[axes.length + i];
  });
  return out;
}

function padShape(shape: number[], pads: number[]): number[] {
  return shape.map((d, i) => d + pads[i] + pads[shape.length + i]);
}

/** The input index an output position maps to along one axis, or -1 for the constant fill. */
function sourceIndex(i: number, dim: number, mode: string): number {
  if (i >= 0 && i < dim) return i;
  if (mode === 'constant' || dim === 0) return -1;
  if (mode === 'edge') return i < 0 ? 0 : dim - 1;
  if (mode === 'wrap') return ((i % dim) + dim) % dim;
  if (dim === 1) return 0;
  const period = 2 * (dim - 1);
  const m = ((i % period) + period) % period;
  return m < dim ? m : period - m;
}

