import { agree } from './helpers/gadget-alone';

/**
 * The runtime bodies of the convolutional building blocks (data movement, sparse and convolution
 * linear maps) agree bit for bit with the gadgets' witness, each run alone under lli-14.
 */
test('index_map: one source with fills and repeats; two sources (Concat)', () => {
  agree('index_map', [[4n, -3n, 9n], [2n, -1n, 0n, 0n, -2n], [7n, -(1n << 40n)], null, 5, 5, 3]);
  agree('index_map', [[1n, 2n], [3n, 0n, 2n, 1n], null, [5n, 6n], 4, 4, 2]);
});

test('sparse_linear: missing taps, negative and large weights, with and without bias', () => {
  const x = [3n, -2n, 7n, 1n << 30n];
  const index = [0n, 2n, -1n, 1n, 3n, 3n];
  const w = [5n, -1n, 9n, 1n << 20n, -3n, 2n];
  agree('sparse_linear', [x, index, w, [1n, -4n, 0n], 3, 3, 2, 0]);
  agree('sparse_linear', [x, index, w, null, 3, 3, 2, 1]);
});

test('conv_linear: two images, two groups, padding taps, bias', () => {
  // x [2, 4, 3]: C = 4 in two groups of 2; W [4, 2, 2] (M = 4, K = 2); 3 output positions of 2 taps.
  const x = Array.from({ length: 24 }, (_, i) => BigInt((i * 37) % 19) - 9n);
  const w = Array.from({ length: 16 }, (_, i) => BigInt((i * 11) % 13) - 6n);
  const taps = [0n, 3n, 2n, 5n, 4n, -1n];
  agree('conv_linear', [x, w, taps, [1n, -2n, 3n, 1n << 33n], 24, 2, 4, 4, 2, 3, 2, 2, 24]);
  agree('conv_linear', [x, w, taps, null, 24, 2, 4, 4, 2, 3, 2, 2, 24]);
});
