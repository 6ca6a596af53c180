import { EXP_STRATEGIES, softmaxErrorBound, softmaxExpFrac, softmaxRowInt } from '@onnx-zk/tensor-ir';
import { checkR1cs, gadgets } from '../../src';
import { FunctionTable, functionTables } from '../../src/gadgets/function-tables';
import { build, Built, checkTampered, everySingleChangeFails, i64, randInt, rng, valueOf } from '../helpers';

const { softmax } = gadgets;
const MASKED = -(1n << 40n);

function paramsOf(xs: bigint[], len: number, frac: number, strategy: number, lo: bigint, hi: bigint, mask: bigint[] | null) {
  return { mask: mask && i64(mask), y: xs.length, rows: xs.length / len, len, mask_n: mask ? mask.length : 0, frac, strategy, lo: i64([lo]), hi: i64([hi]) };
}

/** With limbBits: on groth16-cr (lookups of that width). */
function run(xs: bigint[], len: number, frac: number, strategy: number, lo: bigint, hi: bigint, mask: bigint[] | null = null, limbBits?: number) {
  return build(softmax, { x: xs }, paramsOf(xs, len, frac, strategy, lo, hi, mask), ['Softmax_3'], limbBits);
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

/** The function tables a lookup build looked up in (the range table aside), by name. */
function usedTables(built: Built): FunctionTable[] {
  return [...built.cs.lookups!.counts()].filter(([name, t]) => name !== 'range' && t.lookups > 0)
    .map(([name, t]) => ({ name, rows: t.rows })).sort((a, b) => a.name.localeCompare(b.name));
}

function listedTables(xs: bigint[], len: number, frac: number, strategy: number, lo: bigint, hi: bigint, mask: bigint[] | null): FunctionTable[] {
  const params = paramsOf(xs, len, frac, strategy, lo, hi, mask);
  const values = softmax.abi.map((p) => (p.kind === 'in' ? xs.length : params[p.name as keyof typeof params]));
  return functionTables('softmax', values).sort((a, b) => a.name.localeCompare(b.name));
}

describe.each(EXP_STRATEGIES.map((s, i) => [s, i] as const))('softmax gadget on groth16-cr (lookups), strategy %s', (strategy, index) => {
  test.each([4, 8])('%i-bit limbs: the plain circuit\'s outputs and softmaxRowInt\'s; cost = measured; the finalized circuit holds; tables as listed', (w) => {
    const next = rng(90 + index + w);
    // Rows of 64 at frac 16 over [−8, 8] (k of 5 bits: one 32-row scale table); rows of 4 with a
    // causal mask; bounds of ±2^24 at frac 12 (k of 14 bits: split, a gate above 2^m).
    const settings: [number, number, bigint, bigint, bigint[] | null][] = [
      [64, 16, -(8n << 16n), 8n << 16n, null], [4, 12, -(4n << 12n), 4n << 12n, causal(4)], [3, 12, -(1n << 24n), 1n << 24n, null],
    ];
    for (const [len, frac, lo, hi, mask] of settings) {
      const xs = Array.from({ length: 2 * len }, () => randInt(next, lo, hi));
      xs.splice(0, 2, lo, hi);
      const built = run(xs, len, frac, index, lo, hi, mask, w);
      const plain = run(xs, len, frac, index, lo, hi, mask);
      expect(built.outs.map((o) => o.value)).toEqual(plain.outs.map((o) => o.value));
      expect(built.outs.map((o) => o.value)).toEqual(expected(xs, len, frac, strategy, mask));
      expect(built.measured).toEqual(built.cost);
      expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
      expect(usedTables(built)).toEqual(listedTables(xs, len, frac, index, lo, hi, mask));
    }
  });

  test('tampering: every wire changed alone breaks a constraint, the exps\' looked-up wires among them', () => {
    const built = run([3n, -2n, 50n, 1n], 4, 4, index, -64n, 64n, null, 4); // k of 4 bits: a scale table
    expect(everySingleChangeFails(built.r1cs)).toEqual([]);
    const r1cs = built.r1cs;
    const looked = strategy === 'table' ? ['Softmax_3.softmax.exp_j[1]', 'Softmax_3.softmax.exp_j_coef[1][1]'] : ['Softmax_3.softmax.exp_s[1]'];
    for (const label of [...looked, 'Softmax_3.softmax.exp_k[1]', 'Softmax_3.softmax.exp_k_coef[1][0]']) {
      expect(checkTampered(r1cs, [[label, valueOf(r1cs, label) + 1n]])).not.toBeNull();
    }
  });
});

describe('softmax entries whose bounds are one point (a finite mask fill, e.g. EZKL/nanoGPT\'s −10)', () => {
  // Rows of 6 at frac 12: the last entries of each row are the constant −10 (causal fill), as a Where with a
  // constant condition leaves them: point bounds [c, c] per element.
  const [frac, len, c] = [12, 6, -(10n << 12n)];
  const next = rng(77);
  const xs: bigint[] = [];
  const [lo, hi]: [bigint[], bigint[]] = [[], []];
  for (let r = 0; r < 3; r++) {
    for (let i = 0; i < len; i++) {
      const constant = i > r + 1;
      xs.push(constant ? c : randInt(next, -(4n << 12n), 4n << 12n));
      lo.push(constant ? c : -(4n << 12n));
      hi.push(constant ? c : 4n << 12n);
    }
  }
  const params = (l: bigint[], h: bigint[]) => ({ ...paramsOf(xs, len, frac, 0, 0n, 0n, null), lo: i64(l), hi: i64(h) });

  test.each([undefined, 8])('share one exp and one division per distinct constant, bit-exact, cost = measured (limbs %s)', (limbBits) => {
    const shared = build(softmax, { x: xs }, params(lo, hi), ['Softmax_3'], limbBits);
    const separate = build(softmax, { x: xs }, params(lo.map((v, i) => (v === hi[i] ? v - 1n : v)), hi), ['Softmax_3'], limbBits);
    expect(shared.outs.map((o) => o.value)).toEqual(expected(xs, len, frac, EXP_STRATEGIES[0], null));
    expect(separate.outs.map((o) => o.value)).toEqual(shared.outs.map((o) => o.value));
    expect(checkR1cs(shared.r1cs, shared.r1cs.witness)).toBeNull();
    expect(shared.measured).toEqual(shared.cost);
    expect(shared.cost.constraints).toBeLessThan(separate.cost.constraints * 0.8);
  });

  test('every wire changed alone breaks a constraint', () => {
    const { r1cs } = build(softmax, { x: xs }, params(lo, hi), ['Softmax_3']);
    expect(everySingleChangeFails(r1cs)).toEqual([]);
  });
});
