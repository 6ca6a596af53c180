import { gadgets } from '@onnx-zk/zk-accelerator-components';
import { agree, nativeOutputs } from './helpers/gadget-alone';

/**
 * The runtime body of zk.rescale_clip agrees bit for bit with the gadget's witness, run alone under
 * lli-14: y = min(max(q, low), high) with q = floor((x + 2^(shift−1)) / 2^shift), lo/hi the bounds
 * of q; the optional output q absent (a null pointer) or present (printed after y).
 */
const fill = (n: number, v: bigint) => Array<bigint>(n).fill(v);
// shift 3: q = −16, −2, −1, 0, 0, 1, 2, 3, 15 (−2.5, −1.5, −0.5 and the positive ties round up)
const x = [-132n, -20n, -12n, -4n, 0n, 4n, 12n, 20n, 123n];
const n = x.length;
const args = (low: number, high: number, lo = fill(n, -16n), hi = fill(n, 15n), q: number | null = null) => [x, n, q, n, 3, low, high, lo, hi];
const withQ = (low: number, high: number, lo = fill(n, -16n), hi = fill(n, 15n)) => args(low, high, lo, hi, n);

test('no limit crossed: a plain rescale', () => {
  agree('rescale_clip', args(-16, 15));
  agree('rescale_clip', args(-100, 100));
});

test('high crossed: ELU\'s min(q, 0) with low = MIN_SAFE_INTEGER, and a positive high', () => {
  agree('rescale_clip', args(Number.MIN_SAFE_INTEGER, 0));
  agree('rescale_clip', args(-16, 2));
});

test('low crossed', () => {
  agree('rescale_clip', args(-2, 15));
  agree('rescale_clip', args(1, 1 << 30));
});

test('both crossed, either side on the quotient, and low = high', () => {
  agree('rescale_clip', args(-2, 1));
  agree('rescale_clip', args(-15, -14)); // min(q, −14) on the quotient, then t + 15 ∈ [−1, 1]: 2 bits
  agree('rescale_clip', args(0, 0));
});

test('all beyond a limit, and per-element bounds mixing every case', () => {
  agree('rescale_clip', args(-20, -17)); // every q above high
  agree('rescale_clip', args(16, 20)); // every q below low
  // with [−1, 2]: beyond low ×2, both, none ×2, high, low, beyond high ×2
  const lo = [-16n, -3n, -2n, -1n, -1n, 0n, -4n, 3n, 15n];
  const hi = [-16n, -2n, 5n, 2n, 0n, 9n, 2n, 3n, 15n];
  agree('rescale_clip', args(-1, 2, lo, hi));
});

test('with q: y then the rescaled q, for every way the limits meet the bounds', () => {
  const q = [-16n, -2n, -1n, 0n, 0n, 1n, 2n, 3n, 15n];
  expect(nativeOutputs(gadgets.rescale_clip, withQ(-1, 2))).toEqual([-1n, -1n, -1n, 0n, 0n, 1n, 2n, 2n, 2n, ...q]);
  for (const [low, high] of [[-16, 15], [Number.MIN_SAFE_INTEGER, 0], [-2, 15], [-2, 1], [-15, -14], [0, 0], [-20, -17], [16, 20]]) {
    agree('rescale_clip', withQ(low, high));
  }
  const lo = [-16n, -3n, -2n, -1n, -1n, 0n, -4n, 3n, 15n];
  const hi = [-16n, -2n, 5n, 2n, 0n, 9n, 2n, 3n, 15n];
  agree('rescale_clip', withQ(-1, 2, lo, hi));
});
