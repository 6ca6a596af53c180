import { LinearCombination, Signal, lcAccumulate, lcConstant } from '../../r1cs/linear-combination';

/**
 * bias + Σ w·x with constant weights, built term by term: a linear combination (no constraint,
 * no wire) and its exact integer value. The linear gadgets (linear, sparse_linear, conv_linear)
 * all sum this way.
 */
export class WeightedSum {
  private readonly lc: LinearCombination;
  private value: bigint;

  constructor(bias = 0n) {
    this.lc = lcConstant(bias);
    this.value = bias;
  }

  add(x: Signal, w: bigint): void {
    if (w === 0n) return;
    lcAccumulate(this.lc, x.lc, w);
    this.value += x.value * w;
  }

  signal(): Signal {
    return { lc: this.lc, value: this.value };
  }
}
