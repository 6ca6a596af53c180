import { Node } from '../../model';

/** Geometry of a sliding-window op (Conv, pools) over the spatial axes of an [N, C, D1, ...] tensor. */
export interface Window {
  kernel: number[];
  strides: number[];
  dilations: number[];
  /** Padding before each spatial axis. */
  begin: number[];
  /** Padding after each spatial axis. */
  end: number[];
  /** Spatial output dimensions. */
  out: number[];
}

function intsAttr(node: Node, name: string): number[] | undefined {
  const a = node.attrs[name];
  return a && a.type === 'ints' ? a.value : undefined;
}

function intAttr(node: Node, name: string, def: number): number {
  const a = node.attrs[name];
  return a && a.type === 'int' ? a.value : def;
}

function strAttr(node: Node, name: string, def: string): string {
  const a = node.attrs[name];
  return a && a.type === 'string' ? a.value : def;
}

/**
 * The window of a Conv or pool node for the spatial input dims `input`: kernel from the attribute
 * (or `kernel` when it comes from the weights), auto_pad SAME_UPPER/SAME_LOWER/VALID or explicit
 * pads, and ceil_mode (a last window that would start in the end padding is dropped).
 * Returns the reason when the attributes do not fit.
 */
export function windowOf(node: Node, input: number[], kernel?: number[]): Window | string {
  const r = input.length;
  const k = intsAttr(node, 'kernel_shape') ?? kernel;
  if (!k || k.length !== r) return `kernel_shape must list ${r} spatial dims`;
  const strides = intsAttr(node, 'strides') ?? new Array<number>(r).fill(1);
  const dilations = intsAttr(node, 'dilations') ?? new Array<number>(r).fill(1);
  const pads = intsAttr(node, 'pads') ?? new Array<number>(2 * r).fill(0);
  if (strides.length !== r || dilations.length !== r || pads.length !== 2 * r) return `strides, dilations and pads must fit ${r} spatial dims`;
  if ([...strides, ...dilations, ...k].some((v) => v < 1) || pads.some((p) => p < 0)) return 'kernel, strides and dilations must be positive and pads non-negative';
  const autoPad = strAttr(node, 'auto_pad', 'NOTSET');
  const ceil = intAttr(node, 'ceil_mode', 0) !== 0;
  const begin = pads.slice(0, r);
  const end = pads.slice(r);
  const out: number[] = [];
  for (let i = 0; i < r; i++) {
    const span = (k[i] - 1) * dilations[i] + 1;
    if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
      out.push(Math.ceil(input[i] / strides[i]));
      const total = Math.max(0, (out[i] - 1) * strides[i] + span - input[i]);
      begin[i] = autoPad === 'SAME_UPPER' ? Math.floor(total / 2) : Math.ceil(total / 2);
      end[i] = total - begin[i];
    } else if (autoPad === 'VALID') {
      begin[i] = end[i] = 0;
      out.push(Math.floor((input[i] - span) / strides[i]) + 1);
    } else if (autoPad === 'NOTSET') {
      const room = input[i] + begin[i] + end[i] - span;
      let o = (ceil ? Math.ceil(room / strides[i]) : Math.floor(room / strides[i])) + 1;
      if (ceil && (o - 1) * strides[i] >= input[i] + begin[i]) o--;
      out.push(o);
    } else {
      return `unknown auto_pad '${autoPad}'`;
    }
    if (out[i] < 1) return `the window does not fit spatial dims [${input.join(',')}]`;
  }
  return { kernel: k, strides, dilations, begin, end, out };
}

/** Every kernel offset as coordinates, in row-major order. */
export function kernelOffsets(kernel: number[]): number[][] {
  const offs: number[][] = [];
  const n = kernel.reduce((a, b) => a * b, 1);
  for (let f = 0; f < n; f++) {
    const c: number[] = new Array<number>(kernel.length);
    let rest = f;
    for (let d = kernel.length - 1; d >= 0; d--) { c[d] = rest % kernel[d]; rest = Math.floor(rest / kernel[d]); }
    offs.push(c);
  }
  return offs;
}

/** One output position's taps: kernel offset index and input spatial flat index, for taps inside the input. */
export interface Taps { kernelIndex: Int32Array; inputIndex: Int32Array; /** taps inside input + padding (AveragePool's count_include_pad) */ padded: number }

/** The taps of the window at spatial output coordinates `o`. */
export function windowTaps(w: Window, input: number[], offsets: number[][], o: number[]): Taps {
  const ki: number[] = [];
  const ii: number[] = [];
  let padded = 0;
  offsets.forEach((off, f) => {
    let flat = 0;
    let inside = true;
    let inPad = true;
    for (let d = 0; d < input.length; d++) {
      const p = o[d] * w.strides[d] - w.begin[d] + off[d] * w.dilations[d];
      if (p < 0 || p >= input[d]) inside = false;
      if (p < -w.begin[d] || p >= input[d] + w.end[d]) inPad = false;
      flat = flat * input[d] + p;
    }
    if (inPad) padded++;
    if (inside) { ki.push(f); ii.push(flat); }
  });
  return { kernelIndex: Int32Array.from(ki), inputIndex: Int32Array.from(ii), padded };
}
