import { attrInt, attrString, emptyGraph, FixedInfo, Graph, OnnxZkError } from '@onnx-zk/tensor-ir';
import { checkR1cs, ConstraintSystem, evalHint, evalLc, gadgets, LookupArgument, P, R1CS, selectGadgets, withRangeMode } from '../../src';
import { build, checkTampered, everySingleChangeFails, i64, randInt, rng, wireOf } from '../helpers';

const { matmul_private: matmul } = gadgets;

/** Reference: batched A [batch, m, k] · B ([k, n] shared or [batch, k, n]) + bias. */
function reference(a: bigint[], b: bigint[], bias: bigint[] | null, batch: number, m: number, k: number, n: number): bigint[] {
  const shared = b.length === k * n;
  const y: bigint[] = [];
  for (let bt = 0; bt < batch; bt++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = bias ? bias[j] : 0n;
        for (let t = 0; t < k; t++) acc += a[(bt * m + i) * k + t] * b[(shared ? 0 : bt * k * n) + t * n + j];
        y.push(acc);
      }
    }
  }
  return y;
}

const [PRODUCTS, FREIVALDS] = [0, 1];

/** Builds the gadget; with limbBits on groth16-cr (a LookupArgument of that limb width). */
function run(a: bigint[], b: bigint[], bias: bigint[] | null, batch: number, m: number, k: number, n: number, strategy = PRODUCTS, limbBits?: number) {
  const params = { bias: bias && i64(bias), y: batch * m * n, rows: batch * m, m, k, n, b_rows: b.length / n, strategy };
  return build(matmul, { A: a, B: b }, params, ['MatMul_qk'], limbBits);
}

describe('matmul_private gadget (MatMul of two activations)', () => {
  const next = rng(17);
  const rand = (len: number, r: bigint) => Array.from({ length: len }, () => randInt(next, -r, r));

  test.each([
    [1, 3, 4, 2, false, false],
    [2, 2, 3, 3, true, false],
    [3, 4, 2, 5, false, true],
    [2, 1, 1, 1, true, true],
  ])('batch %i, [%i,%i]·[%i,n], bias %s, shared B %s: exact; one constraint per product', (batch, m, k, n, bias, shared) => {
    const a = rand(batch * m * k, 1n << 20n);
    const b = rand((shared ? 1 : batch) * k * n, 1n << 20n);
    const bs = bias ? rand(n, 1n << 40n) : null;
    const built = run(a, b, bs, batch, m, k, n);
    expect(built.outs.map((o) => o.value)).toEqual(reference(a, b, bs, batch, m, k, n));
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    expect(built.measured).toEqual(built.cost);
    expect(built.cost).toEqual({ constraints: batch * m * n * k, wires: batch * m * n * k });
  });

  test('edge values: zeros and the ends of a 32-bit range', () => {
    const e = 1n << 31n;
    const a = [0n, -e, e - 1n, 0n];
    const b = [-e, e - 1n, 0n, -e];
    const built = run(a, b, null, 1, 2, 2, 2);
    expect(built.outs.map((o) => o.value)).toEqual(reference(a, b, null, 1, 2, 2, 2));
  });

  describe('tampering', () => {
    const { r1cs } = run([2n, 3n, 5n, 7n], [1n, -1n, 4n, 2n], [10n, 0n], 1, 2, 2, 2);
    test('every wire changed alone', () => expect(everySingleChangeFails(r1cs)).toEqual([]));
    test('a product and the output changed together', () => {
      // y[0] = 10 + 2·1 + 3·4 = 24; claim 25 by lifting the first product
      expect(checkTampered(r1cs, [['MatMul_qk.matmul_private.prod[0][0]', 3n], [1, 25n]])).not.toBeNull();
    });
  });
});

/** Every constraint a witness breaks, by label. */
function failing(r1cs: R1CS, w: readonly bigint[]): string[] {
  return r1cs.constraints.filter(({ a, b, c }) => (evalLc(a, w) * evalLc(b, w) - evalLc(c, w)) % P !== 0n).map((c) => c.label);
}

/** The wire of challenge 0 (the first challenge wire, after the model's public signals). */
const challengeWire = (r1cs: R1CS) => 1 + r1cs.rounds!.info.nModelPublic;

/**
 * A cheating witness: C entries (flat index r·n + j) moved by field deltas, and with them the output
 * wires that copy them (with a bias), the challenge set (default: the one assigned, the provisional
 * challenge), and every round-2 wire recomputed from its hint, in wire order, as the prover does.
 */
function cheat(r1cs: R1CS, changes: [number, bigint][], challenge?: bigint): bigint[] {
  const w = [...r1cs.witness];
  for (const [i, delta] of changes) {
    w[wireOf(r1cs, `MatMul_qk.matmul_private.c[${i}]`)] = (w[wireOf(r1cs, `MatMul_qk.matmul_private.c[${i}]`)] + delta + P) % P;
    const out = r1cs.labels.indexOf(`output[${i}]`);
    if (out >= 0) w[out] = (w[out] + delta + P) % P;
  }
  if (challenge !== undefined) w[challengeWire(r1cs)] = challenge;
  const { info, hints } = r1cs.rounds!;
  hints.forEach((h, j) => { w[info.round2Start + j] = evalHint(h, (x) => w[x])!; });
  return w;
}

/** Constraints of freivalds: nB·k·(n − 1) Horner steps for B·s, then k + n − 1 per row. */
function freivaldsConstraints(batch: number, m: number, k: number, n: number, shared: boolean): number {
  if (batch * m === 0 || k === 0 || n === 0) return 0;
  return (shared ? 1 : batch) * k * (n - 1) + batch * m * (k + n - 1);
}

describe('matmul_private freivalds (groth16-cr: C committed, then checked at the challenge)', () => {
  const next = rng(29);
  const rand = (len: number, r: bigint) => Array.from({ length: len }, () => randInt(next, -r, r));

  test.each([
    [1, 3, 4, 2, true, true],
    [2, 2, 3, 3, true, false],
    [3, 4, 2, 5, false, true],
    [2, 3, 4, 5, true, true],
    [2, 3, 4, 5, false, false],
    [2, 1, 1, 1, true, false],
    [1, 5, 1, 4, false, true],
    [2, 3, 4, 1, true, false],
    [1, 2, 0, 3, true, true],
  ])('batch %i, [%i,%i]·[k,%i], bias %s, shared B %s: cost equals synthesis, outputs equal products\', the R1CS holds', (batch, m, k, n, bias, shared) => {
    const a = rand(batch * m * k, 1n << 20n);
    const b = rand((shared ? 1 : batch) * k * n, 1n << 20n);
    const bs = bias ? rand(n, 1n << 40n) : null;
    const built = run(a, b, bs, batch, m, k, n, FREIVALDS, 4);
    const products = run(a, b, bs, batch, m, k, n, PRODUCTS, 4);
    expect(built.measured).toEqual(built.cost);
    const constraints = freivaldsConstraints(batch, m, k, n, shared);
    expect(built.cost.constraints).toBe(constraints);
    // wires: C (rows·n), then one per Horner step and per A·v product (the last of each row folded)
    expect(built.cost.wires).toBe(k === 0 ? 0 : batch * m * n + constraints - batch * m);
    expect(built.outs.map((o) => o.value)).toEqual(products.outs.map((o) => o.value));
    expect(built.outs.map((o) => o.value)).toEqual(reference(a, b, bs, batch, m, k, n));
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
  });

  test('the C entries are round-1 wires (committed in C1); the check\'s products are round 2', () => {
    const built = run(rand(6, 9n), rand(9, 9n), null, 1, 2, 3, 3, FREIVALDS, 4);
    const { round2Start } = built.r1cs.rounds!.info;
    const at = (prefix: string) => built.r1cs.labels.flatMap((l, w) => (l.startsWith(`MatMul_qk.matmul_private.${prefix}`) ? [w] : []));
    expect(at('c[')).toHaveLength(6);
    for (const w of at('c[')) expect(w).toBeLessThan(round2Start);
    for (const part of ['bs[', 'cs[', 'av[']) {
      expect(at(part).length).toBeGreaterThan(0);
      for (const w of at(part)) expect(w).toBeGreaterThanOrEqual(round2Start);
    }
  });

  test('on a fresh builder the C entries are allocated before the gadget requests challenge 0', () => {
    const cs = new ConstraintSystem();
    cs.lookups = new LookupArgument(4);
    const [A, B] = [rand(6, 9n), rand(9, 9n)].map((xs, i) => xs.map((v, j) => cs.newWire(v, `${'AB'[i]}[${j}]`)));
    matmul.synthesize(cs, [A, B, null, 6, 2, 2, 3, 3, 3, FREIVALDS], ['MatMul_qk']);
    const cWires = cs.labels.flatMap((l, w) => (l.startsWith('MatMul_qk.matmul_private.c[') ? [w] : []));
    expect(cWires).toHaveLength(6);
    expect(cs.challengeWires).toHaveLength(1);
    expect(Math.max(...cWires)).toBeLessThan(cs.challengeWires[0]);
  });

  describe('a cheating prover', () => {
    // batch 2 of [2,3]·[3,3] with its own B and a bias: outputs are fresh wires copying C + bias.
    const [batch, m, k, n] = [2, 2, 3, 3];
    const built = run(rand(batch * m * k, 1n << 16n), rand(batch * k * n, 1n << 16n), rand(n, 100n), batch, m, k, n, FREIVALDS, 4);
    const { r1cs } = built;

    test('control: the same recomputation with nothing changed is the assigned witness', () => {
      expect(cheat(r1cs, [])).toEqual(r1cs.witness);
      expect(failing(r1cs, r1cs.witness)).toEqual([]);
    });

    test.each([...Array(batch * m * n).keys()].flatMap((i) => [1n, -1n, 1n << 100n].map((d) => [i, d] as const)))(
      'C entry %i off by %s, round 2 recomputed for the provisional challenge: exactly its row\'s check fails', (i, delta) => {
        const row = Math.floor(i / n);
        expect(failing(r1cs, cheat(r1cs, [[i, delta]]))).toEqual([`MatMul_qk.matmul_private.check[${row}]`]);
      });

    test('a prover who knew s before committing could pass (C[r][0] − δ·s, C[r][1] + δ); at any other s the check fails', () => {
      const s = r1cs.witness[challengeWire(r1cs)];
      const tuned: [number, bigint][] = [[3, (P - s) % P], [4, 1n]]; // row 1: −s·s^0 + 1·s^1 = 0 at s
      expect(failing(r1cs, cheat(r1cs, tuned))).toEqual([]);
      expect(failing(r1cs, cheat(r1cs, tuned, (s + 1n) % P))).toEqual(['MatMul_qk.matmul_private.check[1]']);
      // The honest witness holds at every challenge (the lookups' side included).
      expect(failing(r1cs, cheat(r1cs, [], 12345n))).toEqual([]);
    });

    test('every wire changed alone breaks a constraint', () => expect(everySingleChangeFails(r1cs)).toEqual([]));
  });

  test('64×16×64: 6,064 constraints and 10,096 wires against 65,536 with products', () => {
    const [m, k, n] = [64, 16, 64];
    const built = run(rand(m * k, 1n << 16n), rand(k * n, 1n << 16n), null, 1, m, k, n, FREIVALDS, 4);
    expect(built.measured).toEqual(built.cost);
    expect(built.cost).toEqual({ constraints: 16 * 63 + 64 * (16 + 64 - 1), wires: 64 * 64 + 16 * 63 + 64 * (16 + 64 - 2) });
    expect(built.cost.constraints).toBe(6064);
    expect(built.cost.constraints).toBeLessThanOrEqual(64 * 16 + 16 * 64 + 64 * 64 + 64);
    expect(checkR1cs(built.r1cs, built.r1cs.witness)).toBeNull();
    const params = [m * k, k * n, null, m * n, m, m, k, n, k];
    const products = withRangeMode({ kind: 'lookup', limbBits: 4 }, () => matmul.cost([...params, PRODUCTS]));
    expect(products).toEqual({ constraints: 65536, wires: 65536 });
  });

  test('plain groth16 refuses it with ZK024, in cost and in synthesis', () => {
    const params = [6, 6, null, 4, 2, 2, 3, 2, 3, FREIVALDS];
    expect(() => withRangeMode({ kind: 'bits' }, () => matmul.cost(params))).toThrow(/ZK024/);
    expect(() => run(rand(6, 9n), rand(6, 9n), null, 1, 2, 3, 2, FREIVALDS)).toThrow(/ZK024: .*groth16-cr/);
    expect(() => run(rand(6, 9n), rand(6, 9n), null, 1, 2, 3, 2, FREIVALDS)).toThrow(OnnxZkError);
  });
});

describe('select: matmul_private takes freivalds on groth16-cr when it is cheaper, never on groth16', () => {
  /** q[m,k]·w[k,n] of two inputs (frac 4, in [−16, 16]), the product the graph's output. */
  function graph(m: number, k: number, n: number): Graph {
    const g = emptyGraph('mm', 'fixed', 13);
    const info = (name: string, shape: number[], frac: number, r: bigint) => {
      const len = shape[0] * shape[1];
      const fixed: FixedInfo = { frac, lo: new BigInt64Array(len).fill(-r), hi: new BigInt64Array(len).fill(r) };
      g.values.set(name, { name, dtype: 'int64', shape, fixed });
    };
    info('q', [m, k], 4, 16n);
    info('w', [k, n], 4, 16n);
    info('s', [m, n], 8, BigInt(k) * 256n);
    g.nodes.push({ op: 'MatMul', name: 'MatMul_qw', inputs: ['q', 'w'], outputs: ['s'], attrs: {}, loc: ['MatMul_qw'] });
    g.inputs = ['q', 'w'];
    g.outputs = ['s'];
    g.metadata['fixed.frac'] = '4';
    return g;
  }
  const bound = (m: number, k: number, n: number, options: Parameters<typeof selectGadgets>[1]) => {
    const node = selectGadgets({ producer: 'test', graph: graph(m, k, n) }, options).graph.nodes.find((x) => x.name === 'MatMul_qw')!;
    return { strategy: attrString(node, 'strategy'), constraints: attrInt(node, 'cost_constraints') };
  };

  test('16×8·8×16: freivalds on groth16-cr (with a goal or not), products on groth16', () => {
    const freivalds = { strategy: 'freivalds', constraints: freivaldsConstraints(1, 16, 8, 16, true) };
    expect(freivalds.constraints).toBe(8 * 15 + 16 * 23);
    expect(bound(16, 8, 16, { backend: 'groth16-cr', limbBits: 4 })).toEqual(freivalds);
    expect(bound(16, 8, 16, { backend: 'groth16-cr', limbBits: 4, target: 'size' })).toEqual(freivalds);
    expect(bound(16, 8, 16, { backend: 'groth16' })).toEqual({ strategy: 'products', constraints: 16 * 8 * 16 });
    expect(bound(16, 8, 16, { backend: 'groth16', target: 'size' })).toEqual({ strategy: 'products', constraints: 16 * 8 * 16 });
  });

  test('a row vector times a matrix: products is cheaper and stays the default on groth16-cr', () => {
    expect(freivaldsConstraints(1, 1, 3, 4, true)).toBe(15);
    expect(bound(1, 3, 4, { backend: 'groth16-cr', limbBits: 4 })).toEqual({ strategy: 'products', constraints: 12 });
  });

  test('an explicit --strategy matmul_private=freivalds: kept on groth16-cr, ZK024 naming the node on groth16', () => {
    expect(bound(1, 3, 4, { backend: 'groth16-cr', limbBits: 4, strategies: { matmul_private: 'freivalds' } })).toEqual({ strategy: 'freivalds', constraints: 15 });
    expect(() => bound(2, 3, 4, { backend: 'groth16', strategies: { matmul_private: 'freivalds' } })).toThrow(/MatMul_qw \(MatMul\): error ZK024/);
  });
});
