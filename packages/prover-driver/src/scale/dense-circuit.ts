import { assert } from '@onnx-zk/tensor-ir';
import { bitLength, ConstraintSystem, gadgets, rescaleValue, Signal } from '@onnx-zk/zk-accelerator-components';

/** A synthetic MLP sized to a constraint count, for benchmarks and scale tests. */
export interface DenseCircuitOptions {
  /** Stop before the circuit exceeds this many constraints (the last layer is cut to fit). */
  constraints: number;
  /** Neurons per dense layer and model inputs (default 128). */
  width?: number;
  /** Seed of the weights and inputs (default 1). */
  seed?: number;
}

export interface DenseCircuit {
  inputs: Signal[];
  outputs: Signal[];
  layers: number;
}

const INPUT_BITS = 8;

/** xorshift32: the same weights for the same seed on every machine. */
function seeded(seed: number): (lo: number, hi: number) => number {
  let s = (seed >>> 0) || 1;
  return (lo, hi) => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return lo + (s % (hi - lo + 1));
  };
}

/** Exact interval of Σ_i w_i·x_i + b over x_i ∈ [lo, hi], per output j of a [k, n] weight matrix. */
function intervals(W: BigInt64Array, B: BigInt64Array, k: number, n: number, lo: bigint, hi: bigint): [bigint, bigint][] {
  return Array.from({ length: n }, (_, j) => {
    let [a, b] = [B[j], B[j]];
    for (let i = 0; i < k; i++) {
      const w = W[i * n + j];
      a += w > 0n ? w * lo : w * hi;
      b += w > 0n ? w * hi : w * lo;
    }
    return [a, b];
  });
}

/**
 * Input → range check → [linear + rescale_relu] × layers, built with the real gadgets through `cs`:
 * long linear combinations from constant seeded weights, and range-checked rescales whose shift
 * keeps every layer's output within INPUT_BITS bits. Layers are added while they fit the budget.
 */
export function synthesizeDenseCircuit(cs: ConstraintSystem, options: DenseCircuitOptions): DenseCircuit {
  const width = options.width ?? 128;
  const rand = seeded(options.seed ?? 1);
  const lim = 1 << (INPUT_BITS - 1);
  const inputs = Array.from({ length: width }, (_, i) => cs.newWire(BigInt(rand(-lim, lim - 1)), `input.x[${i}]`));
  const full = (v: number) => BigInt64Array.from({ length: width }, () => BigInt(v));
  gadgets.range_check.synthesize(cs, [inputs, width, full(-lim), full(lim - 1)], ['input']);
  let [h, lo, hi, layers] = [inputs, BigInt(-lim), BigInt(lim - 1), 0];
  for (;;) {
    const W = BigInt64Array.from({ length: width * width }, () => BigInt(rand(-127, 127)));
    const B = BigInt64Array.from({ length: width }, () => BigInt(rand(-1000, 1000)));
    const bounds = intervals(W, B, width, width, lo, hi);
    const top = bounds.reduce((m, [a, b]) => Math.max(m, bitLength(a < 0n ? -a : a), bitLength(b < 0n ? -b : b)), 0);
    const shift = Math.max(1, top - INPUT_BITS + 1);
    const qLo = BigInt64Array.from(bounds, ([a]) => rescaleValue(a, shift));
    const qHi = BigInt64Array.from(bounds, ([, b]) => rescaleValue(b, shift));
    const n = neuronsThatFit(cs, options.constraints, width, shift, qLo, qHi);
    if (n === 0) break;
    const node = [`Gemm_${layers}`, `Relu_${layers}`];
    const y = gadgets.linear.synthesize(cs, [h, W, B, width, 1, width, width], node).slice(0, n);
    h = gadgets.rescale_relu.synthesize(cs, [y, n, n, shift, qLo.slice(0, n), qHi.slice(0, n)], node);
    [lo, hi, layers] = [0n, qHi.reduce((m, v) => (v > m ? v : m), 0n), layers + 1];
    if (n < width) break;
  }
  assert(layers > 0, `no dense layer of width ${width} fits ${options.constraints} constraints`);
  return { inputs, outputs: h, layers };
}

/** How many neurons of the next layer fit the remaining constraint budget (public outputs may each cost one). */
function neuronsThatFit(cs: ConstraintSystem, budget: number, width: number, shift: number, qLo: BigInt64Array, qHi: BigInt64Array): number {
  let used = cs.nConstraints;
  for (let j = 0; j < width; j++) {
    const c = gadgets.rescale_relu.cost([[], 1, 1, shift, qLo.slice(j, j + 1), qHi.slice(j, j + 1)]).constraints;
    if (used + c + j + 1 > budget) return j;
    used += c;
  }
  return width;
}
