import { assert, ErrorSite, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { P, toField } from '../r1cs/field';
import { LinearCombination, lcAccumulate, lcConstant, Signal, signalConstant } from '../r1cs/linear-combination';
import { gadgetSite } from './bits';
import { rangeMode } from './blocks/range';
import { labelOf, Params } from './params';
import type { AbiParam, Cost, GadgetDef, ParamValue, SoundnessCase } from './types';

const abi: AbiParam[] = [
  { kind: 'in', name: 'A', input: 0 },
  { kind: 'in', name: 'B', input: 1 },
  { kind: 'const', name: 'bias', input: 2, optional: true },
  { kind: 'out', name: 'y', output: 0 },
  { kind: 'int', name: 'rows', from: { rows: { input: 0 } } },
  { kind: 'int', name: 'm', from: { dim: { input: 0 }, axis: -2 } },
  { kind: 'int', name: 'k', from: { dim: { input: 0 }, axis: -1 } },
  { kind: 'int', name: 'n', from: { dim: { input: 1 }, axis: -1 } },
  /** Rows of B: k when one B is shared by every batch, batch·k otherwise. */
  { kind: 'int', name: 'b_rows', from: { rows: { input: 1 } } },
  { kind: 'int', name: 'strategy', from: { strategy: true } },
];

/**
 * Strategies: `products` (the default, any backend) proves every multiply-add; `freivalds`
 * (groth16-cr only) commits to the product and checks it at a random point (below).
 */
const STRATEGIES = ['products', 'freivalds'];
const FREIVALDS = 1;

/** Sizes: A is `rows` = batch·m rows of k; B is one [k, n] matrix shared by every batch or one per batch. */
function dims(p: Params): { rows: number; m: number; k: number; n: number; shared: boolean; strategy: number } {
  const [rows, m, k, n] = [p.int('rows'), p.int('m'), p.int('k'), p.int('n')];
  const batch = m === 0 ? 0 : rows / m;
  const bRows = p.int('b_rows');
  const strategy = p.int('strategy');
  assert(p.numel('A') === rows * k && p.numel('B') === bRows * n && (bRows === k || bRows === batch * k), 'matmul_private: shapes');
  assert(strategy >= 0 && strategy < STRATEGIES.length, `matmul_private: strategy ${strategy}`);
  return { rows, m, k, n, shared: bRows === k, strategy };
}

function refuseWithoutChallenge(site: ErrorSite = {}): never {
  return raise(Errors.NEEDS_CHALLENGE, site, 'matmul_private=freivalds checks the product at a challenge point; plain groth16 has none');
}

/**
 * products: one product constraint and one wire per multiply-accumulate; sums and bias are linear.
 * freivalds (k, n ≥ 1; nB the distinct B matrices: 1 when shared, else batch):
 *   constraints nB·k·(n − 1) + rows·(k + n − 1), wires rows·n + nB·k·(n − 1) + rows·(k + n − 2);
 *   nothing when rows, k or n is 0. Plain groth16 refuses it (ZK024).
 */
function cost(values: ParamValue[]): Cost {
  const { rows, m, k, n, shared, strategy } = dims(new Params('matmul_private', abi, values));
  if (strategy !== FREIVALDS) return { constraints: rows * n * k, wires: rows * n * k };
  if (rangeMode().kind !== 'lookup') refuseWithoutChallenge();
  if (rows === 0 || k === 0 || n === 0) return { constraints: 0, wires: 0 };
  const matrices = shared ? 1 : rows / m;
  const horner = matrices * k * (n - 1);
  return { constraints: horner + rows * (k + n - 1), wires: rows * n + horner + rows * (k + n - 2) };
}

/** y[b][i][j] = Σ_t A[b][i][t]·B[b][t][j] + bias[j], exact (frac f(A) + f(B); a Rescale follows). */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('matmul_private', abi, values);
  const [A, B, bias] = [p.signals('A'), p.signals('B'), p.tensor('bias')];
  const d = dims(p);
  assert(bias === null || bias.length === d.n, 'matmul_private: bias shape');
  if (d.strategy === FREIVALDS) {
    if (!cs.lookups) refuseWithoutChallenge(gadgetSite(loc, 'MatMul'));
    return freivalds(cs, A, B, bias, d, loc);
  }
  const { rows, m, k, n, shared } = d;
  const y: Signal[] = [];
  for (let r = 0; r < rows; r++) {
    const bBase = shared ? 0 : Math.floor(r / m) * k * n;
    for (let j = 0; j < n; j++) {
      const b0 = bias === null ? 0n : bias[j];
      const lc = lcConstant(b0);
      let value = b0;
      for (let t = 0; t < k; t++) {
        const [a, b] = [A[r * k + t], B[bBase + t * n + j]];
        const prod = cs.newWire(a.value * b.value, labelOf(loc, 'matmul_private', 'prod', r * n + j, t));
        cs.constrain(a, b, prod, labelOf(loc, 'matmul_private', 'prod', r * n + j, t));
        lcAccumulate(lc, prod.lc);
        value += prod.value;
      }
      y.push({ lc, value });
    }
  }
  return y;
}

/**
 * Freivalds' check (groth16-cr): the prover commits to C = A·B (per batch A m×k, B k×n) as round-1
 * wires c[r·n + j] with their exact values, and the circuit checks, at the challenge s (challenge 0,
 * the one the lookups use, drawn after C is committed), that every row r satisfies
 *   Σ_t A[r][t]·v_t = C_r(s),  v_t = B_t(s) = Σ_j B[t][j]·s^j,  C_r(s) = Σ_j C[r][j]·s^j.
 * Both sides are evaluated by Horner's rule, so no powers of s are needed: B_t(s) takes n − 1
 * products s·h (round-2 wires, bs[batch][t][j]) per row of each distinct B, computed once per
 * call and shared by the rows of the batch (by every row when B is shared); per row, C_r(s) takes
 * n − 1 products (cs[r][j]) and Σ_t A[r][t]·v_t takes k products (av[r][t]), the last of which
 * is folded into the row's check: A[r][k−1]·v_{k−1} = C_r(s) − Σ_{t<k−1} av[r][t] (check[r]).
 * That is nB·k·(n − 1) + rows·(k + n − 1) constraints instead of rows·k·n.
 *
 * Soundness: if some C[r][j] ≠ (A·B)[r][j] (in the field), row r's check is the polynomial
 * Σ_j ((A·B)[r][j] − C[r][j])·s^j = 0 in s, non-zero and of degree < n, with its coefficients fixed
 * by the round-1 commitment before s is drawn; it has at most n − 1 roots, so it holds at the hashed
 * s with probability at most (n − 1)/p (1.14·(n − 1)/p for keccak256 mod p, per hash the prover
 * tries: docs/challenge-round.md, "Freivalds' check"). Every other wire of the check is pinned by
 * its constraint once s and the round-1 values are; A and B are round-1 values too (model inputs or
 * other gadgets' outputs, none of which is a round-2 wire). With n = 1 the check is the exact dot product.
 * As with `products`, C is proved modulo p; the outputs are C + bias, the same values.
 */
function freivalds(cs: ConstraintSystem, A: Signal[], B: Signal[], bias: BigInt64Array | null, d: ReturnType<typeof dims>, loc: string[]): Signal[] {
  const { rows, m, k, n, shared } = d;
  const label = (part: string, ...i: number[]) => labelOf(loc, 'matmul_private', part, ...i);
  // Round 1: the product itself, exact, before any challenge is drawn.
  const c: Signal[] = [];
  for (let r = 0; r < rows; r++) {
    const bBase = shared ? 0 : Math.floor(r / m) * k * n;
    for (let j = 0; j < n; j++) {
      let value = 0n;
      for (let t = 0; t < k; t++) value += A[r * k + t].value * B[bBase + t * n + j].value;
      c.push(k === 0 ? signalConstant(0n) : cs.newWire(value, label('c', r * n + j)));
    }
  }
  const y = c.map((cw, i): Signal => {
    const b0 = bias === null ? 0n : bias[i % n];
    const lc = new Map(cw.lc);
    lcAccumulate(lc, lcConstant(b0));
    return { lc, value: cw.value + b0 };
  });
  if (rows === 0 || k === 0 || n === 0) return y;
  const s = n > 1 ? cs.challenge(0) : undefined;
  // product a·b as a round-2 wire (its value in [0, p)), proved by one constraint.
  const mul = (a: Signal, b: Signal, at: string): Signal => {
    const w = cs.newRound2Wire({ a: a.lc, b: b.lc, d: lcConstant(1n) }, at);
    cs.constrain(a, b, w, at);
    return w;
  };
  const plus = (x: Signal, w: Signal): Signal => {
    const lc = new Map(x.lc);
    lcAccumulate(lc, w.lc);
    return { lc, value: (toField(x.value) + w.value) % P };
  };
  /** Σ_j coeff(j)·s^j by Horner: h = coeff(n−1); h = coeff(j) + s·h for j = n−2 .. 0. */
  const horner = (coeff: (j: number) => Signal, at: (j: number) => string): Signal => {
    let h = coeff(n - 1);
    for (let j = n - 2; j >= 0; j--) h = plus(coeff(j), mul(s!, h, at(j)));
    return h;
  };
  const vs = new Map<number, Signal[]>();
  const vOf = (batch: number): Signal[] => {
    let v = vs.get(batch);
    if (!v) {
      const base = batch * k * n;
      v = Array.from({ length: k }, (_, t) => horner((j) => B[base + t * n + j], (j) => label('bs', batch, t, j)));
      vs.set(batch, v);
    }
    return v;
  };
  for (let r = 0; r < rows; r++) {
    const v = vOf(shared ? 0 : Math.floor(r / m));
    const cr = horner((j) => c[r * n + j], (j) => label('cs', r, j));
    // A[r][k−1]·v_{k−1} = C_r(s) − Σ_{t<k−1} A[r][t]·v_t
    const rest: LinearCombination = new Map(cr.lc);
    for (let t = 0; t < k - 1; t++) lcAccumulate(rest, mul(A[r * k + t], v[t], label('av', r, t)).lc, -1n);
    cs.constrain(A[r * k + k - 1], v[k - 1], rest, label('check', r));
  }
  return y;
}

function soundnessCases(): SoundnessCase[] {
  const s = (vs: bigint[]): Signal[] => vs.map(signalConstant);
  return [
    { params: [s([1n, -2n, 3n, 0n]), s([2n, 1n, -1n, 3n]), null, 4, 2, 2, 2, 2, 2, 0], note: '[2,2]·[2,2]' },
    {
      params: [s([1n, 2n, -1n, 1n]), s([3n, -2n, 1n, 4n]), BigInt64Array.from([5n]), 2, 2, 1, 2, 1, 4, 0],
      note: 'batch 2 of [1,2]·[2,1] with bias, B per batch',
    },
  ];
}

export const matmulPrivate: GadgetDef = {
  name: 'matmul_private',
  op: 'MatMul',
  strategies: STRATEGIES,
  summary: 'y = A·B + bias with both operands private: one constraint per multiply-accumulate, or (groth16-cr) Freivalds\' check at a challenge',
  abi,
  cost,
  synthesize,
  soundnessCases,
};
