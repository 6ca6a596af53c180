import { Node, Tensor } from '../model';
import { InferContext, OpDef } from './types';
import { FLOAT_TYPES, evalFail, floatData, floatTensor, forEachIndex, inputOfType, sameDType } from './helpers';
import { attrInt } from '../attrs';

export interface TransposedWindow { kernel: number[]; strides: number[]; dilations: number[]; begin: number[]; out: number[] }

/**
 * ONNX ConvTranspose: each input element scatters W's kernel into the output at stride steps.
 * Output size s·(in-1) + output_padding + (k-1)·d + 1 - pads, or output_shape / auto_pad SAME
 * (in · s) with the total padding split as the spec says.
 */
export const ConvTranspose: OpDef = {
  op: 'ConvTranspose',
  inputs: [{ name: 'X' }, { name: 'W' }, { name: 'B', optional: true }],
  outputs: [{ name: 'Y' }],
  attrs: {
    auto_pad: { type: 'string', default: 'NOTSET' },
    dilations: { type: 'ints' },
    group: { type: 'int', default: 1 },
    kernel_shape: { type: 'ints' },
    output_padding: { type: 'ints' },
    output_shape: { type: 'ints' },
    pads: { type: 'ints' },
    strides: { type: 'ints' },
  },
  infer(ctx: InferContext) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    const w = inputOfType(ctx, 1, FLOAT_TYPES);
    sameDType(ctx, x, w);
    const group = attrInt(ctx.node, 'group');
    if (x.shape.length < 3 || w.shape.length !== x.shape.length || w.shape[0] !== x.shape[1] || x.shape[1] % group !== 0) {
      ctx.fail(`X [${x.shape.join(',')}] and W [${w.shape.join(',')}] must be [N,C,D...] and [C,M/group,K...]`);
    }
    const win = transposedWindow(ctx.node, x.shape.slice(2), w.shape.slice(2));
    if (typeof win === 'string') ctx.fail(win);
    return [{ dtype: x.dtype, shape: [x.shape[0], w.shape[1] * group, ...win.out] }];
  },
  evalFloat(node, [x, w, b]) {
    const win = transposedWindow(node, x!.shape.slice(2), w!.shape.slice(2));
    if (typeof win === 'string') return evalFail(node, win);
    return [convTranspose(x!, w!, b, attrInt(node, 'group'), win)];
  },
};

function ints(node: Node, name: string, n: number, def: number): number[] {
  const a = node.attrs[name];
  return a && a.type === 'ints' ? a.value : new Array<number>(n).fill(def);
}

export function transposedWindow(node: Node, input: number[], wKernel: number[]): TransposedWindow | string {
  const r = input.length;
  const kernel = ints(node, 'kernel_shape', r, 0).some((v) => v > 0) ? ints(node, 'kernel_shape', r, 0) : wKernel;
  const strides = ints(node, 'strides', r, 1);
  const dilations = ints(node, 'dilations', r, 1);
  const outPad = ints(node, 'output_padding', r, 0);
  const pads = ints(node, 'pads', 2 * r, 0);
  const a = node.attrs.auto_pad;
  const autoPad = a && a.type === 'string' ? a.value : 'NOTSET';
  const given = node.attrs.output_shape?.type === 'ints' ? ints(node, 'output_shape', r, 0).slice(-r) : undefined;
  if ([kernel, strides, dilations, outPad].some((v) => v.length !== r) || pads.length !== 2 * r) return `attributes must fit ${r} spatial dims`;
  const begin: number[] = [];
  const out: number[] = [];
  for (let i = 0; i < r; i++) {
    const full = strides[i] * (input[i] - 1) + outPad[i] + (kernel[i] - 1) * dilations[i] + 1;
    const target = given ? given[i] : autoPad.startsWith('SAME') ? input[i] * strides[i] : undefined;
    if (target === undefined) {
      begin.push(autoPad === 'VALID' ? 0 : pads[i]);
      out.push(full - (autoPad === 'VALID' ? 0 : pads[i] + pads[r + i]));
    } else {
      const total = full - target;
      begin.push(autoPad === 'SAME_UPPER' ? Math.floor(total / 2) : total - Math.floor(total / 2));
      out.push(target);
    }
    if (out[i] < 1) return `output dimension ${i} would be ${out[i]}`;
  }
  return { kernel, strides, dilations, begin, out };
}

function convTranspose(x: Tensor, w: Tensor, b: Tensor | undefined, group: number, win: TransposedWindow): Tensor {
  const [n, c] = x.shape;
  const cg = c / group;
  const mg = w.shape[1];
  const m = mg * group;
  const spatial = x.shape.slice(2);
  const inSize = spatial.reduce((p, q) => p * q, 1);
  const kSize = win.kernel.reduce((p, q) => p * q, 1);
  const outSize = win.out.reduce((p, q) => p * q, 1);
  const xd = floatData(x);
  const wd = floatData(w);
  const y = new Float64Array(n * m * outSize);
  if (b) {
    const bd = floatData(b);
    for (let i = 0; i < y.length; i++) y[i] = bd[Math.floor(i / outSize) % m];
  }
  forEachScatter(win, spatial, (ip, kp, o) => {
    for (let img = 0; img < n; img++) {
      for (let ch = 0; ch < c; ch++) {
        const g = Math.floor(ch / cg);
        const xv = xd[(img * c + ch) * inSize + ip];
        for (let j = 0; j < mg; j++) y[(img * m + g * mg + j) * outSize + o] += xv * wd[(ch * mg + j) * kSize + kp];
      }
    }
  });
  return floatTensor(x.dtype, [n, m, ...win.out], y);
}

/**
 * Every (input position, kernel offset) pair of a transposed convolution and the output position
 * it lands on (flat, row-major): s·stride + k·dilation − begin per axis, pairs outside dropped.
 */
export function forEachScatter(win: TransposedWindow, input: number[], fn: (inputIndex: number, kernelIndex: number, outputIndex: number) => void): void {
  forEachIndex(input, (ic, ip) => {
    forEachIndex(win.kernel, (kc, kp) => {
      let o = 0;
      for (let d = 0; d < ic.length; d++) {
        const p = ic[d] * win.strides[d] + kc[d] * win.dilations[d] - win.begin[d];
        if (p < 0 || p >= win.out[d]) return;
        o = o * win.out[d] + p;
      }
      fn(ip, kp, o);
    });
  });
}
