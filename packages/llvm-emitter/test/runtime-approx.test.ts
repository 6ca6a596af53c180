import { geluBounds, sigmoidBounds } from '@onnx-zk/tensor-ir';
import { agree } from './helpers/gadget-alone';

/**
 * The runtime bodies of exp, softmax, gelu and sigmoid agree bit for bit with the gadgets' witness (and so
 * with tensor-ir's integer semantics): each runs alone under lli-14 with its parameters as globals.
 */
const fill = (n: number, v: bigint): bigint[] => Array(n).fill(v);

test.each([0, 1])('exp (strategy %i) at frac 16 and 6, range ends and the zero cut-off', (strategy) => {
  const xs = [0n, -1n, -65536n, -123457n, -(12n << 16n), -(16n << 16n), -(1n << 40n)];
  agree('exp', [xs, xs.length, xs.length, 16, strategy, fill(xs.length, -(1n << 40n)), fill(xs.length, 0n)]);
  const small = [0n, -3n, -64n, -700n];
  agree('exp', [small, 4, 4, 6, strategy, fill(4, -700n), fill(4, 0n)]);
});

test.each([0, 1])('softmax (strategy %i): rows, ties, a causal mask and a fully masked row', (strategy) => {
  const m = -(1n << 40n);
  const xs = [70000n, 70000n, -5n, 12n, 0n, -200000n, 3n, 3n, 9n, 9n, 9n, 9n];
  const mask = [0n, m, m, m, 0n, 0n, m, m, 0n, 0n, 0n, m];
  const lo = fill(12, -(4n << 16n));
  const hi = fill(12, 4n << 16n);
  agree('softmax', [xs, null, 12, 3, 4, 0, 16, strategy, lo, hi]);
  agree('softmax', [xs, mask, 12, 3, 4, 12, 16, strategy, lo, hi]);
  agree('softmax', [xs, mask.slice(0, 4), 12, 3, 4, 4, 16, strategy, lo, hi]);
  agree('softmax', [xs, fill(4, m), 12, 3, 4, 4, 16, strategy, lo, hi]);
});

test.each([[0, 0], [0, 1], [1, 0], [1, 1]])('gelu (form %i, strategy %i) at frac 16 and 8, both signs and the gate', (form, strategy) => {
  for (const [frac, lo, hi] of [[16, -(8n << 16n), 8n << 16n], [8, -3000n, 3000n]] as [number, bigint, bigint][]) {
    const xs = [lo, -1n, 0n, 1n, hi, (4n << BigInt(frac)) - 1n, -(4n << BigInt(frac)), 777n];
    const [ylo, yhi] = geluBounds(lo, hi, frac);
    agree('gelu', [xs, 8, 8, frac, form, strategy, fill(8, lo), fill(8, hi), fill(8, ylo), fill(8, yhi)]);
  }
});

test.each([0, 1])('sigmoid (form %i) at frac 16, 8, 4 and 40: both signs, zero, the table edge and saturation', (form) => {
  const forms = ['sigmoid', 'tanh'] as const;
  for (const [frac, lo, hi] of [[16, -(20n << 16n), 20n << 16n], [8, -3000n, 3000n], [4, -320n, 320n], [40, -(1n << 45n), 1n << 45n]] as [number, bigint, bigint][]) {
    const top = 1n << BigInt(frac + 3 + 1 - form); // the table ends at |x| = 2^(f + D + 3)
    const xs = [lo, -1n, 0n, 1n, hi, top - 1n, top, -top, 1n - top, 777n].filter((x) => x >= lo && x <= hi);
    const [ylo, yhi] = sigmoidBounds(lo, hi, frac, forms[form]);
    const n = xs.length;
    agree('sigmoid', [xs, n, n, frac, form, 0, fill(n, lo), fill(n, hi), fill(n, ylo), fill(n, yhi)]);
  }
});
