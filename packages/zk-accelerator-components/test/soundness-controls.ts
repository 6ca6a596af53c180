import { raise } from '@onnx-zk/tensor-ir';
import {
  caseInputs, caseTensor, ConstraintSystem, Errors, floorDiv, GadgetDef, lcAdd, lcConstant, lcScale, ParamValue, Signal, signalAdd, signalConstant,
  signalScale,
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

/**
 * How a control proves t ∈ [0, 2^bits): with bits (plain Groth16, sound), or with limb lookups
 * into [0, 2^w) as the range block does (limb 0 the linear combination t − Σ 2^(wk)·l_k), minus
 * one of its lookups:
 * - 'low-limb-only': only limb 0 is looked up, the higher limbs are free wires;
 * - 'top-once': the partial top limb is looked up once, as l, not also as 2^(w−b)·l, so it may
 *   reach 2^w − 1 instead of 2^b − 1.
 */
type LimbFlaw = 'low-limb-only' | 'top-once' | 'none';

function flawedRange(cs: ConstraintSystem, t: Signal, bits: number, label: string, flaw: LimbFlaw): void {
  if (!cs.lookups) {
    cs.constrain(weighted(bitsOf(cs, t.value, bits, `${label}_bit`)), cs.one, t, label);
    return;
  }
  const w = cs.lookups.limbBits;
  const limbs = Math.ceil(bits / w);
  let low = t;
  let top = t;
  for (let k = 1; k < limbs; k++) {
    const limb = cs.newWire((t.value >> BigInt(w * k)) & ((1n << BigInt(w)) - 1n), `${label}_limb[${k}]`);
    low = signalAdd(low, limb, -(1n << BigInt(w * k)));
    if (flaw !== 'low-limb-only') cs.lookups.range(cs, limb, `${label}_limb[${k}]`);
    top = limb;
  }
  cs.lookups.range(cs, low, `${label}_limb[0]`);
  if (limbs === 1) top = low;
  const topBits = bits - w * (limbs - 1);
  if (flaw === 'none' && topBits < w) cs.lookups.range(cs, signalScale(top, 1n << BigInt(w - topBits)), `${label}_top`);
}

/** q = floor(x / 64), x = 64q + r with q ∈ [0, 8) proved soundly and r's 6 bits by limb 0 only: r ± 64·k, q ∓ k. */
export const rescaleLowLimbOnly = unary('rescale_low_limb_only', (cs, x) => {
  const q = cs.newWire(floorDiv(x.value, 64n), 'q');
  flawedRange(cs, q, 3, 'q', 'none');
  const r = signalAdd(x, q, -64n);
  flawedRange(cs, r, 6, 'r', 'low-limb-only');
  return q;
}, [200, 77]);

/**
 * ReLU y = b·x with the sign bit b of x ∈ [−32, 32): b boolean and x + 32 − 32·b ∈ [0, 32), a
 * 5-bit range whose partial top limb (5 = 3 + 2 or 4 + 1 bits) is looked up once only. For x ≥ 0,
 * b = 0 passes as x + 32 < 64: y = 0 instead of x.
 */
export const reluTopLimbOnce = unary('relu_top_limb_once', (cs, x) => {
  const b = cs.newWire(x.value >= 0n ? 1n : 0n, 'sign');
  cs.constrain(b, lcAdd(b.lc, lcConstant(-1n)), new Map(), 'sign');
  flawedRange(cs, signalAdd(signalAdd(x, signalConstant(32n)), b, -32n), 5, 'rest', 'top-once');
  const y = cs.newWire(b.value * x.value, 'y');
  cs.constrain(b, x, y, 'y');
  return y;
}, [5, -3]);

/**
 * A gadget of the record whose range blocks skip the lookups `skip` accepts (by label): e.g. the
 * second lookup of a partial top limb (`…_top[e]`), or limb k's (`…_limb[e][k]`). The circuit is
 * otherwise the gadget's own, so the checker must find what each lookup of proveRange guards.
 */
export function withoutLookups(gadget: GadgetDef, what: string, skip: (label: string) => boolean): GadgetDef {
  return {
    ...gadget,
    name: `${gadget.name}_without_${what}`,
    synthesize: (cs, params, loc) => {
      const argument = cs.lookups;
      if (argument) {
        const lookup = argument.lookup.bind(argument);
        argument.lookup = (cs2, table, key, value, label) => { if (!skip(label)) lookup(cs2, table, key, value, label); };
      }
      return gadget.synthesize(cs, params, loc);
    },
  };
}

export const TOP_AGAIN = (label: string) => /_top(\[\d+\])*$/.test(label);
export const HIGH_LIMBS = (label: string) => /_limb(\[\d+\])*\[[1-9]\d*\]$/.test(label);
export const LOW_LIMB = (label: string) => /_limb(\[\d+\])*\[0\]$/.test(label);

/** y = x² for x ∈ [0, 8): with lookups one lookup of (x, y) in a two-column table, else y = x·x. */
export const squareByTable = unary('square_by_table', (cs, x) => {
  const y = cs.newWire(x.value * x.value, 'y');
  if (!cs.lookups) {
    cs.constrain(x, x, y, 'y');
    return y;
  }
  const keys = Array.from({ length: 8 }, (_, k) => BigInt(k));
  cs.lookups.defineTable('square', keys, keys.map((k) => k * k));
  cs.lookups.lookup(cs, 'square', x, y, 'y');
  return y;
}, [3, 6]);
