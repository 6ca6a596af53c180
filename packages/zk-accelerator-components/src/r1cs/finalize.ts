import type { Constraint, ConstraintSystem } from './constraint-system';
import { P, toField } from './field';
import { LinearCombination, Signal, soleWire } from './linear-combination';

export interface FinalizeOptions {
  /** Public outputs, in order. */
  outputs: Signal[];
  privateInputs: Signal[];
  publicInputs?: Signal[];
}

/** A finished circuit in snarkjs's wire order, with its witness. */
export interface R1CS {
  prime: bigint;
  nWires: number;
  nPubOut: number;
  nPubIn: number;
  nPrvIn: number;
  constraints: Constraint[];
  /** Label of every wire (index = wire), e.g. `Gemm_0.rescale.r_bit[3][5]`. */
  labels: string[];
  /** Witness: one field element per wire, negatives as p − |v|. */
  witness: bigint[];
}

/** snarkjs's wire order: `order[newWire] = oldWire`, with the public/private counts. */
export interface WireOrder {
  order: Int32Array;
  nPubOut: number;
  nPubIn: number;
  nPrvIn: number;
}

/** The builder operations finalizing needs (the in-memory and the streaming builder). */
export interface FinalizableSystem {
  readonly one: Signal;
  readonly nWires: number;
  newWire(value: bigint, label: string): Signal;
  constrain(a: LinearCombination | Signal, b: LinearCombination | Signal, c: LinearCombination | Signal, label?: string): void;
}

/**
 * Gives every public output and input a wire of its own (a fresh wire and one constraint
 * `lc·1 = wire` when its lc is not a lone unit wire or that wire is taken), then fixes the order:
 * one, public outputs, public inputs, private inputs, every other wire in allocation order.
 */
export function fixWireOrder(cs: FinalizableSystem, options: FinalizeOptions): WireOrder {
  const publicInputs = options.publicInputs ?? [];
  const taken = new Set<number>([0]);
  const claim = (s: Signal, label: string): number => {
    const wire = soleWire(s.lc);
    if (wire !== undefined && !taken.has(wire)) {
      taken.add(wire);
      return wire;
    }
    const fresh = cs.newWire(s.value, label);
    cs.constrain(s.lc, cs.one, fresh, label);
    const freshWire = cs.nWires - 1;
    taken.add(freshWire);
    return freshWire;
  };
  // Inputs claim their wires before outputs, so an output that is an input gets the fresh wire.
  const pubIn = publicInputs.map((s, i) => claim(s, `public_input[${i}]`));
  const prvIn = options.privateInputs.map((s, i) => claim(s, `private_input[${i}]`));
  const outs = options.outputs.map((s, i) => claim(s, `output[${i}]`));
  const order = new Int32Array(cs.nWires);
  let n = 0;
  for (const w of [0, ...outs, ...pubIn, ...prvIn]) order[n++] = w;
  for (let w = 1; w < cs.nWires; w++) if (!taken.has(w)) order[n++] = w;
  return { order, nPubOut: outs.length, nPubIn: pubIn.length, nPrvIn: prvIn.length };
}

/** The inverse permutation: `newIndex[oldWire] = newWire`. */
export function invertOrder(order: Int32Array): Int32Array {
  const newIndex = new Int32Array(order.length);
  order.forEach((oldWire, i) => { newIndex[oldWire] = i; });
  return newIndex;
}

/** Fixes the wire order of an in-memory builder and renumbers its constraints and witness. */
export function finalizeSystem(cs: ConstraintSystem, options: FinalizeOptions): R1CS {
  const { order, nPubOut, nPubIn, nPrvIn } = fixWireOrder(cs, options);
  const newIndex = invertOrder(order);
  const remap = (lc: LinearCombination): LinearCombination => {
    const out: LinearCombination = new Map();
    for (const [wire, coeff] of lc) out.set(newIndex[wire], coeff);
    return out;
  };
  const constraints = cs.constraints.map((c) => ({ a: remap(c.a), b: remap(c.b), c: remap(c.c), label: c.label }));
  const ordered = Array.from(order);
  return {
    prime: P,
    nWires: cs.nWires,
    nPubOut,
    nPubIn,
    nPrvIn,
    constraints,
    labels: ordered.map((w) => cs.labels[w]),
    witness: ordered.map((w) => toField(cs.values[w])),
  };
}
