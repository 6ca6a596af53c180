import { EXP_STRATEGIES, softmaxErrorBound, softmaxExpFrac, softmaxRowInt } from '@onnx-zk/tensor-ir';
import { checkR1cs, gadgets } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

const { softmax } = gadgets;
const MASKED = -(1n << 40n);

function run(xs: bigint[], len: number, frac: number, strategy: number, lo: bigint, hi: bigint, mask: bigint[] | null = null) {
  const params = { mask: mask && i64(mask), y: xs.length, rows: xs.length / len, len, mask_n: mask ? mask.length : 0, frac, strategy, lo: i64([lo]), hi: i64([hi]) };
  return build(softmax, { x: xs }, params, ['Softmax_3']);
}

function expected(xs: bigint[], len: number, frac: number, strategy: (typeof EXP_STRATEGIES)[number], mask: bigint[] | null): bigint[] {
  const out: bigint[] = [];
  for (let r = 0; r < xs.length / len; r++) {
    const m = mask ? Array.from({ length: len }, (_, i) => mask[(r * len + i) % mask.length]) : undefined;
    out.push(...softmaxRowInt(xs.slice(r * len, (r + 1) * len), m, frac, strategy));
  }
  return out;
}

function causal(t: number): bigint[] {
  return Array.from({ length: t * t }, (_, i) => (i % t > Math.floor(i / t) ? MASKED : 0n));
}

describe.each(EXP_STRATEGIES.map((s, i) => [s, i] as const))('softmax gadget, strategy %s', (strategy, index) => {
  test('bit-exact with softmaxRowInt: random rows, ties in the max, constant rows; cost = measured', () => {
    const next = rng(31 + index);
    const [frac, lo, hi] = [16, -(8n << 16n), 8n << 16n];
    const xs = Array.from({ length: 24 }, () => randInt(next, lo, hi));
    xs.splice(0, 6, 5n, 5n, -3n, 5n, 0n, 1n); // a three-way tie in row 0
    xs.splice(6, 6, 7n, 7n, 7n, 7n, 7n, 7n); // a constant row
    xs.splice(12, 2, lo, hi); // range ends
    const built = run(xs, 6, frac, index, lo, hi);
    expect(built.outs.map((o) => o.value)).toEqual(expected(xs, 6, frac, strategy, null));
    expect(built.outs.slice(6, 12).map((o) => o.value)).toEqual(Array(6).fill(10923n)); // round(2^16 / 6)
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    expect(built.measured).toEqual(built.cost);
  });

  test('causal mask: masked entries are exactly 0 and cost nothing, a fully masked row is all 0', () => {
    const next = rng(5 + index);
    const t = 4;
    const xs = Array.from({ length: 2 * t * t }, () => randInt(next, -(4n << 12n), 4n << 12n));
    const mask = causal(t);
    const built = run(xs, t, 12, index, -(4n << 12n), 4n << 12n, mask);
    const ys = built.outs.map((o) => o.value);
    expect(ys).toEqual(expected(xs, t, 12, strategy, mask));
    ys.forEach((y, i) => { if (mask[i % mask.length] !== 0n) expect(y).toBe(0n); });
    expect(ys[0]).toBe(4096n); // row 0 of the causal mask has one live entry
    expect(built.measured).toEqual(built.cost);
    const unmasked = run(xs, t, 12, index, -(4n << 12n), 4n << 12n);
    expect(built.measured.constraints).toBeLessThan(unmasked.measured.constraints * 0.7);
    const all = run(xs.slice(0, t), t, 12, index, -(4n << 12n), 4n << 12n, Array(t).fill(MASKED));
    expect(all.outs.map((o) => o.value)).toEqual(Array(t).fill(0n));
    expect(all.measured).toEqual({ constraints: 0, wires: 0 });
  });

  test('error against float softmax below the stated bound and 1e-3 (rows of 64 at frac 16)', () => {
    const next = rng(77 + index);
    const len = 64;
    let worst = 0;
    for (let round = 0; round < 20; round++) {
      const xs = Array.from({ length: len }, () => randInt(next, -(6n << 16n), 6n << 16n));
      const ys = softmaxRowInt(xs, undefined, 16, strategy);
      const fx = xs.map((x) => Number(x) / 65536);
      const mx = Math.max(...fx);
      const ex = fx.map((v) => Math.exp(v - mx));
      const sum = ex.reduce((a, b) => a + b, 0);
      ys.forEach((y, i) => { worst = Math.max(worst, Math.abs(Number(y) / 65536 - ex[i] / sum)); });
    }
    expect(worst).toBeLessThanOrEqual(softmaxErrorBound(16, len, strategy));
    expect(softmaxErrorBound(16, 1024, strategy)).toBeLessThan(1e-3);
  });

  test('the row sum is one wire: constraints stay small as the row grows, cost = per element + 1 per row', () => {
    const [frac, lo, hi] = [8, -(4n << 8n), 4n << 8n];
    const widest = (len: number) => {
      const next = rng(400 + len);
      const xs = Array.from({ length: len }, () => randInt(next, lo, hi));
      const built = run(xs, len, frac, index, lo, hi);
      expect(built.outs.map((o) => o.value)).toEqual(expected(xs, len, frac, strategy, null));
      expect(built.measured).toEqual(built.cost);
      const sum = valueOf(built.r1cs, 'Softmax_3.softmax.sum[0]');
      const fe = BigInt(softmaxExpFrac(frac, len));
      // Σe lies between e^0 (the max) and len·e^0, up to the exp's rounding.
      expect(sum >= (1n << fe) - (1n << (fe - 4n)) && sum <= BigInt(len) * ((1n << fe) + (1n << (fe - 4n)))).toBe(true);
      const terms = built.r1cs.constraints.map((c) => (c.label.includes('.sum') ? 0 : c.a.size + c.b.size + c.c.size));
      return { widest: Math.max(...terms), perElement: built.measured.constraints };
    };
    const [short, long] = [widest(16), widest(256)];
    // Only the sum's own constraint reads every exp; any other constraint is as wide at 256 as at 16.
    expect(long.widest).toBeLessThanOrEqual(short.widest + 2);
    // The materialised sum costs one constraint and one wire per row with two live entries or more.
    const sums = (b: ReturnType<typeof run>) => b.r1cs.constraints.filter((c) => c.label.startsWith('Softmax_3.softmax.sum')).length;
    const two = run([5n, -3n, 1n, 2n, 7n, 0n], 2, frac, index, lo, hi, [0n, 0n, 0n, MASKED, MASKED, MASKED]);
    expect(sums(two)).toBe(1); // row 0 has two live entries, row 1 one, row 2 none
    expect(two.measured).toEqual(two.cost);
    expect(valueOf(two.r1cs, 'Softmax_3.softmax.sum[0]')).toBeGreaterThan(0n);
    expect(() => valueOf(two.r1cs, 'Softmax_3.softmax.sum[1]')).toThrow(/no wire/);
  });

  test('tampering: every wire changed alone breaks a constraint; a forged max fails', () => {
    const { r1cs } = run([3n, -2n, 3n, 1n], 4, 4, index, -8n, 8n);
    expect(everySingleChangeFails(r1cs)).toEqual([]);
    const m = 'Softmax_3.softmax.max_m[0][1]';
    expect(checkTampered(r1cs, [[m, valueOf(r1cs, m) - 5n]])).not.toBeNull();
    // A forged row sum alone breaks its constraint; scaled with every output it breaks the divisions.
    const sum = 'Softmax_3.softmax.sum[0]';
    expect(checkTampered(r1cs, [[sum, valueOf(r1cs, sum) + 1n]])?.label).toBe(sum);
  });
});
