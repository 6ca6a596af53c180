import { raise } from '@onnx-zk/tensor-ir';
import {
  caseInputs, caseTensor, ConstraintSystem, Errors, floorDiv, GadgetDef, lcAdd, lcConstant, lcScale, ParamValue, Signal, signalAdd, signalConstant,
} from '../src';

/** Booleanity b·(b − 1) = 0 and the bits' weighted sum, written here so the controls stand alone. */
function bitsOf(cs: ConstraintSystem, value: bigint, n: number, label: string): Signal[] {
  return Array.from({ length: n }, (_, i) => {
    const b = cs.newWire((value >> BigInt(i)) & 1n, `${label}[${i}]`);
    cs.constrain(b, lcAdd(b.lc, lcConstant(-1n)), new Map(), `${label}[${i}]`);
    return b;
  });
}
const weighted = (bits: Signal[]) => bits.reduce((acc, b, i) => signalAdd(acc, b, 1n << BigInt(i)), signalConstant(0n));

const unary = (name: string, synthesize: (cs: ConstraintSystem, x: Signal) => Signal, xs: number[]): GadgetDef => ({
  name,
  op: 'Control',
  strategies: ['broken'],
  summary: 'a deliberately under-constrained control for the soundness checker',
  abi: [{ kind: 'in', name: 'x', input: 0 }, { kind: 'out', name: 'y', output: 0 }],
  cost: () => ({ constraints: 0, wires: 0 }),
  synthesize: (cs: ConstraintSystem, values: ParamValue[]) => (values[0] as Signal[]).map((x) => synthesize(cs, x)),
  soundnessCases: () => [{ params: [caseInputs(xs), xs.length], note: 'control' }],
});

/** q = floor(x / 8) with x = 8q + r and q range-checked, but r a free wire (never range-checked). */
function freeRemainderRescale(cs: ConstraintSystem, x: Signal): Signal {
  const q = floorDiv(x.value, 8n);
  const qBits = bitsOf(cs, q, 4, 'q_bit');
  const r = cs.newWire(x.value - 8n * q, 'r');
  cs.constrain(lcAdd(lcScale(weighted(qBits).lc, 8n), r.lc), cs.one, x, 'x = 8q + r');
  return weighted(qBits);
}

/** circomlib-ml Dense's rescale: r ± 8 with q ∓ 1 satisfies too. */
export const rescaleFreeRemainder = unary('rescale_free_remainder', freeRemainderRescale, [45, 13, 0]);

/**
 * s = x² on a wire, a sound 7-bit range check of s, and the unsound rescale of s: one component
 * that splits into independent parts once s is solved (exercises the part-by-part search).
 */
export const squareThenFreeRemainder = unary('square_then_free_remainder', (cs, x) => {
  const sq = cs.newWire(x.value * x.value, 'sq');
  cs.constrain(x, x, sq, 'sq');
  cs.constrain(weighted(bitsOf(cs, sq.value, 7, 'sq_bit')), cs.one, sq, 'sq range');
  return freeRemainderRescale(cs, sq);
}, [5, -7]);

/** ReLU whose sign bit lacks booleanity: t = x + 8 = lower + 8·s, y = s·x; s may be any field value. */
export const reluLooseSign = unary('relu_loose_sign', (cs, x) => {
  const t = x.value + 8n;
  const lower = bitsOf(cs, t & 7n, 3, 'bit');
  const s = cs.newWire(t >> 3n, 'sign');
  cs.constrain(signalAdd(weighted(lower), s, 8n), cs.one, signalAdd(x, signalConstant(8n)), 't');
  const y = cs.newWire(s.value * x.value, 'y');
  cs.constrain(s, x, y, 'y');
  return y;
}, [-3, 5]);

/** A check of 0 ≤ x ≤ 5 by 3 bits only: its semantics reject 6 and 7, its constraints do not. */
export const rangeCheckLoose: GadgetDef = {
  name: 'range_check_loose',
  op: 'Control',
  strategies: ['broken'],
  summary: 'claims 0 <= x <= 5, proves 0 <= x < 8',
  abi: [{ kind: 'in', name: 'x', input: 0 }, { kind: 'hi', name: 'hi', of: { input: 0 } }],
  cost: () => ({ constraints: 0, wires: 0 }),
  synthesize: (cs, values, loc) => {
    const hi = (values[1] as BigInt64Array)[0];
    for (const x of values[0] as Signal[]) {
      if (x.value < 0n || x.value > hi) raise(Errors.INPUT_OUT_OF_RANGE, { node: loc[0], op: 'Control' }, `${x.value}`);
      const bits = bitsOf(cs, x.value, 3, 'bit');
      cs.constrain(weighted(bits), cs.one, x, 'sum');
    }
    return [];
  },
  soundnessCases: () => [{ params: [caseInputs([2]), caseTensor([5])], note: 'x = 2, hi = 5' }],
};
