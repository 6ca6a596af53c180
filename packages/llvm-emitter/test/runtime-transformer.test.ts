import { agree, Arg } from './helpers/gadget-alone';

/**
 * The runtime bodies of the transformer building blocks agree bit for bit with the gadgets'
 * witness: each gadget runs alone under lli-14 from a @main with its parameters as globals.
 */
const fill = (n: number, v: bigint) => Array<bigint>(n).fill(v);

test('max: rows with ties and range ends', () => {
  const x = [3n, -2n, 3n, -128n, -128n, -128n, 127n, 0n, -5n];
  agree('max', [x, 3, 3, 3, fill(9, -128n), fill(9, 127n)]);
});

test('clamp: below, inside, above and at the limits', () => {
  const x = [-128n, -11n, -10n, 0n, 10n, 11n, 127n];
  agree('clamp', [x, 7, 7, -10, 10, fill(7, -128n), fill(7, 127n)]);
});

test('reciprocal: round half up, ends', () => {
  const x = [1n, 3n, 6n, 10n, 16n, 255n, 65535n];
  agree('reciprocal', [x, 7, 7, 16, fill(7, 1n), fill(7, 65535n)]);
});

test('rsqrt: squares and non-squares, a 2^60 numerator', () => {
  const x = [1n, 4n, 5n, 7n, 1n << 20n, 999983n];
  agree('rsqrt', [x, 6, 6, 60, fill(6, 1n), fill(6, 1n << 20n)]);
});

test('matmul_private: batched with its own B and bias; shared B without bias', () => {
  const a = [1n, -2n, 3n, 4n, 0n, -7n, 5n, 6n, -1n, 2n, 2n, 9n]; // [2, 2, 3]
  const bOwn = [1n, 2n, -3n, 4n, 5n, -6n, 7n, 8n, 9n, 0n, -1n, 2n]; // [2, 3, 2]
  agree('matmul_private', [a, bOwn, [100n, -100n], 8, 4, 2, 3, 2, 6, 0]);
  agree('matmul_private', [a, bOwn.slice(0, 6), null, 8, 4, 2, 3, 2, 3, 0]);
});

test('layer_norm: random, constant and extreme rows, with and without beta', () => {
  const f = 12;
  const lim = 8n << BigInt(f);
  const x = [1000n, -2000n, 3000n, 17n, 5n, 5n, 5n, 5n, -lim, lim, -lim, lim];
  const gamma = [4096n, -2048n, 1024n, 3n];
  const args = (beta: bigint[] | null): Arg[] => [x, gamma, beta, 12, 3, 4, 1, 4 * f, fill(12, -lim), fill(12, lim)];
  agree('layer_norm', args([7n, -7n, 0n, 1n << 30n]));
  agree('layer_norm', args(null));
});

test('table_gather: the token embedding picks each id\'s row, first and last rows, repeats', () => {
  // ids [3], table [4, 2]: rows of width 2 with large and negative values.
  agree('table_gather', [[3n, 0n, 3n], [1n, -2n, 3n, 4n, 1n << 40n, -5n, -(1n << 35n), 7n], 6, 3, 4, 8, [0n, 0n, 0n], [3n, 3n, 3n]]);
});
