import { assert } from '@onnx-zk/tensor-ir';
import type { ConstraintSystem } from '../r1cs/constraint-system';
import { lcAccumulate, lcConstant, Signal, signalConstant } from '../r1cs/linear-combination';
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
];

/** Sizes: A is `rows` = batch·m rows of k; B is one [k, n] matrix shared by every batch or one per batch. */
function dims(p: Params): { rows: number; m: number; k: number; n: number; shared: boolean } {
  const [rows, m, k, n] = [p.int('rows'), p.int('m'), p.int('k'), p.int('n')];
  const batch = m === 0 ? 0 : rows / m;
  const bRows = p.int('b_rows');
  assert(p.numel('A') === rows * k && p.numel('B') === bRows * n && (bRows === k || bRows === batch * k), 'matmul_private: shapes');
  return { rows, m, k, n, shared: bRows === k };
}

/** One product constraint and one wire per multiply-accumulate; sums and bias are linear. */
function cost(values: ParamValue[]): Cost {
  const { rows, k, n } = dims(new Params('matmul_private', abi, values));
  return { constraints: rows * n * k, wires: rows * n * k };
}

/** y[b][i][j] = Σ_t A[b][i][t]·B[b][t][j] + bias[j], exact (frac f(A) + f(B); a Rescale follows). */
function synthesize(cs: ConstraintSystem, values: ParamValue[], loc: string[]): Signal[] {
  const p = new Params('matmul_private', abi, values);
  const [A, B, bias] = [p.signals('A'), p.signals('B'), p.tensor('bias')];
  const { rows, m, k, n, shared } = dims(p);
  assert(bias === null || bias.length === n, 'matmul_private: bias shape');
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

function soundnessCases(): SoundnessCase[] {
  const s = (vs: bigint[]): Signal[] => vs.map(signalConstant);
  return [
    { params: [s([1n, -2n, 3n, 0n]), s([2n, 1n, -1n, 3n]), null, 4, 2, 2, 2, 2, 2], note: '[2,2]·[2,2]' },
    {
      params: [s([1n, 2n, -1n, 1n]), s([3n, -2n, 1n, 4n]), BigInt64Array.from([5n]), 2, 2, 1, 2, 1, 4],
      note: 'batch 2 of [1,2]·[2,1] with bias, B per batch',
    },
  ];
}

export const matmulPrivate: GadgetDef = {
  name: 'matmul_private',
  op: 'MatMul',
  strategies: ['products'],
  summary: 'y = A·B + bias with both operands private: one constraint per multiply-accumulate',
  abi,
  cost,
  synthesize,
  soundnessCases,
};
