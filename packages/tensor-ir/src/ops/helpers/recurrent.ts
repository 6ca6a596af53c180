import { Node, Tensor } from '../../model';
import { floatData, floatTensor } from './float';

/** Shape facts of a recurrent node (RNN, GRU, LSTM), in the default layout 0 terms. */
export interface RecurrentShape { seq: number; batch: number; input: number; hidden: number; dirs: number; layout: number; reverse: boolean }

type Activation = (x: number) => number;

function attr<T>(node: Node, name: string, type: string, def: T): T {
  const a = node.attrs[name];
  return a && a.type === type ? (a.value as T) : def;
}

/** Seq, batch and sizes from X [seq, batch, in] (layout 0) or [batch, seq, in] (layout 1). */
export function recurrentShape(node: Node, x: number[]): RecurrentShape | string {
  const layout = attr(node, 'layout', 'int', 0);
  const hidden = attr(node, 'hidden_size', 'int', 0);
  const dir = attr<string>(node, 'direction', 'string', 'forward');
  if (x.length !== 3 || hidden < 1 || !['forward', 'reverse', 'bidirectional'].includes(dir)) return 'X must be 3-D, hidden_size positive and direction forward, reverse or bidirectional';
  const [seq, batch] = layout === 0 ? [x[0], x[1]] : [x[1], x[0]];
  return { seq, batch, input: x[2], hidden, dirs: dir === 'bidirectional' ? 2 : 1, layout, reverse: dir === 'reverse' };
}

/** Output shapes Y, Y_h (and Y_c) for the layout. */
export function recurrentOutputShapes(s: RecurrentShape): number[][] {
  const y = s.layout === 0 ? [s.seq, s.dirs, s.batch, s.hidden] : [s.batch, s.seq, s.dirs, s.hidden];
  const state = s.layout === 0 ? [s.dirs, s.batch, s.hidden] : [s.batch, s.dirs, s.hidden];
  return [y, state, [...state]];
}

const ACTIVATIONS: Record<string, (a: number, b: number) => Activation> = {
  Sigmoid: () => (x) => 1 / (1 + Math.exp(-x)),
  Tanh: () => Math.tanh,
  Relu: () => (x) => Math.max(0, x),
  LeakyRelu: (a) => (x) => (x >= 0 ? x : a * x),
  ThresholdedRelu: (a) => (x) => (x > a ? x : 0),
  ScaledTanh: (a, b) => (x) => a * Math.tanh(b * x),
  HardSigmoid: (a, b) => (x) => Math.min(1, Math.max(0, a * x + b)),
  Elu: (a) => (x) => (x >= 0 ? x : a * (Math.exp(x) - 1)),
  Softsign: () => (x) => x / (1 + Math.abs(x)),
  Softplus: () => (x) => Math.log1p(Math.exp(x)),
  Affine: (a, b) => (x) => a * x + b,
};

/** Default alpha and beta where the activation's ONNX op has them. */
const ACTIVATION_DEFAULTS: Record<string, [number, number]> = { LeakyRelu: [0.01, 0], HardSigmoid: [0.2, 0.5], ScaledTanh: [1, 1], Elu: [1, 0], Affine: [1, 0] };

/** The activation functions of each direction (the attribute lists forward's, then reverse's), or the unknown name. */
export function activationsOf(node: Node, defaults: string[], dirs: number): Activation[][] | string {
  const names = attr<string[]>(node, 'activations', 'strings', []);
  const alphas = attr<number[]>(node, 'activation_alpha', 'floats', []);
  const betas = attr<number[]>(node, 'activation_beta', 'floats', []);
  const out: Activation[][] = [];
  for (let d = 0; d < dirs; d++) {
    const fns: Activation[] = [];
    for (let i = 0; i < defaults.length; i++) {
      const j = d * defaults.length + i;
      const name = names[j] ?? defaults[i];
      const make = ACTIVATIONS[name];
      if (!make) return `activation '${name}' is not supported`;
      const [defA, defB] = ACTIVATION_DEFAULTS[name] ?? [1, 0];
      fns.push(make(alphas[j] ?? defA, betas[j] ?? defB));
    }
    out.push(fns);
  }
  return out;
}

/** One time step of a cell: reads x, h (and c), writes the new h (and c) in place. */
export type CellStep = (dir: number, x: Float64Array, h: Float64Array, c: Float64Array) => void;

/**
 * Runs a recurrent cell over the sequence in each direction (reverse walks backwards), honouring
 * sequence_lens (steps past a sequence's length output 0 and keep the state). Returns Y, Y_h, Y_c
 * in the node's layout.
 */
export function runRecurrent(x: Tensor, s: RecurrentShape, step: CellStep, h0: Tensor | undefined, c0: Tensor | undefined, lens: Tensor | undefined): Tensor[] {
  const xd = floatData(x);
  const at = (t: number, b: number) => (s.layout === 0 ? (t * s.batch + b) : (b * s.seq + t)) * s.input;
  const stateAt = (d: number, b: number) => (s.layout === 0 ? (d * s.batch + b) : (b * s.dirs + d)) * s.hidden;
  const yAt = (t: number, d: number, b: number) => (s.layout === 0 ? ((t * s.dirs + d) * s.batch + b) : ((b * s.seq + t) * s.dirs + d)) * s.hidden;
  const hInit = h0 ? floatData(h0) : undefined;
  const cInit = c0 ? floatData(c0) : undefined;
  const seqLens = lens ? Array.from(lens.data as ArrayLike<number | bigint>, Number) : undefined;
  const [yShape, hShape] = recurrentOutputShapes(s);
  const y = new Float64Array(yShape.reduce((p, q) => p * q, 1));
  const yh = new Float64Array(hShape.reduce((p, q) => p * q, 1));
  const yc = new Float64Array(yh.length);
  for (let d = 0; d < s.dirs; d++) {
    const reverse = d === 1 || s.reverse;
    for (let b = 0; b < s.batch; b++) {
      const h = hInit ? hInit.slice(stateAt(d, b), stateAt(d, b) + s.hidden) : new Float64Array(s.hidden);
      const c = cInit ? cInit.slice(stateAt(d, b), stateAt(d, b) + s.hidden) : new Float64Array(s.hidden);
      const len = seqLens ? seqLens[b] : s.seq;
      for (let k = 0; k < len; k++) {
        const t = reverse ? len - 1 - k : k;
        step(d, xd.subarray(at(t, b), at(t, b) + s.input), h, c);
        y.set(h, yAt(t, d, b));
      }
      yh.set(h, stateAt(d, b));
      yc.set(c, stateAt(d, b));
    }
  }
  return [floatTensor(x.dtype, yShape, y), floatTensor(x.dtype, hShape, yh), floatTensor(x.dtype, [...hShape], yc)];
}

/** Gate pre-activations: rows [row0, row0 + n) of W·x + R·h + Wb + Rb for one direction (biases may be absent). */
export interface RecurrentWeights { w: Float64Array; r: Float64Array; b?: Float64Array; gates: number; hidden: number; input: number }

export function recurrentWeights(w: Tensor, r: Tensor, b: Tensor | undefined, gates: number): RecurrentWeights {
  return { w: floatData(w), r: floatData(r), b: b ? floatData(b) : undefined, gates, hidden: r.shape[2], input: w.shape[2] };
}

/** x·Wᵀ (+ Wb) for gate g of direction d, into out (length hidden). */
export function inputPart(m: RecurrentWeights, d: number, g: number, x: Float64Array, out: Float64Array): void {
  const base = (d * m.gates + g) * m.hidden;
  for (let i = 0; i < m.hidden; i++) {
    let acc = m.b ? m.b[d * 2 * m.gates * m.hidden + g * m.hidden + i] : 0;
    for (let k = 0; k < m.input; k++) acc += m.w[(base + i) * m.input + k] * x[k];
    out[i] = acc;
  }
}

/** h·Rᵀ (+ Rb) for gate g of direction d, into out. */
export function recurrentPart(m: RecurrentWeights, d: number, g: number, h: Float64Array, out: Float64Array): void {
  const base = (d * m.gates + g) * m.hidden;
  for (let i = 0; i < m.hidden; i++) {
    let acc = m.b ? m.b[d * 2 * m.gates * m.hidden + m.gates * m.hidden + g * m.hidden + i] : 0;
    for (let k = 0; k < m.hidden; k++) acc += m.r[(base + i) * m.hidden + k] * h[k];
    out[i] = acc;
  }
}
