/** A seeded PRNG (mulberry32) and the near-normal weights the generator fills tensors with. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * n values of mean `mean` and standard deviation `std`: Irwin–Hall (sum of four uniforms),
   * close enough to normal for weights and built from exact arithmetic only, so a seed gives the
   * same bytes on every platform.
   */
  normal(n: number, std: number, mean = 0): Float32Array {
    const out = new Float32Array(n);
    const scale = std * Math.sqrt(3); // the sum of 4 uniforms has variance 1/3
    for (let i = 0; i < n; i++) out[i] = mean + (this.next() + this.next() + this.next() + this.next() - 2) * scale;
    return out;
  }
}
