import type { Constraint, ConstraintSystem } from './constraint-system';
import { P, toField } from './field';
import { LinearCombination, Signal, soleWire } from './linear-combination';
import type { Round2Hint, RoundsInfo } from './rounds';

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
  /** groth16-cr circuits: the challenge round (hints in final wire numbering). */
  rounds?: { info: RoundsInfo; hints: Round2Hint[] };
}

/** snarkjs's wire order: `order[newWire] = oldWire`, with the public/private counts. */
export interface WireOrder {
  order: Int32Array;
  nPubOut: number;
  nPubIn: number;
  nPrvIn: number;
  /** groth16-cr: challenge wires (the last public inputs) and the round-2 wires (the last wires). */
  nChallenges: number;
  nRound2: number;
}

/** The builder operations finalizing needs (the in-memory and the streaming builder). */
export interface FinalizableSystem {
  readonly one: Signal;
  readonly nWires: number;
  newWire(value: bigint, label: string): Signal;
  constrain(a: LinearCombination | Signal, b: LinearCombination | Signal, c: LinearCombination | Signal, label?: string): void;
  readonly challengeWires: readonly number[];
  readonly round2Wires: readonly number[];
}

/**
 * Gives every public output and input a wire of its own (a fresh wire and one constraint
 * `lc·1 = wire` when its lc is not a lone unit wire or that wire is taken), then fixes the order:
 * one, public outputs, public inputs, challenges, private inputs, every other round-1 wire in
 * allocation order, then the round-2 wires in allocation order (groth16-cr; none for plain circuits).
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
  const challenges = cs.challengeWires;
  for (const w of challenges) taken.add(w);
  const round2 = new Set(cs.round2Wires);
  const order = new Int32Array(cs.nWires);
  let n = 0;
  for (const w of [0, ...outs, ...pubIn, ...challenges, ...prvIn]) order[n++] = w;
  for (let w = 1; w < cs.nWires; w++) if (!taken.has(w) && !round2.has(w)) order[n++] = w;
  for (const w of cs.round2Wires) order[n++] = w;
  return { order, nPubOut: outs.length, nPubIn: pubIn.length + challenges.length, nPrvIn: prvIn.length, nChallenges: challenges.length, nRound2: round2.size };
}

/** The rounds header of a finalized groth16-cr circuit; undefined for a plain one. */
export function roundsInfoOf(wires: WireOrder): RoundsInfo | undefined {
  if (wires.nChallenges === 0 && wires.nRound2 === 0) return undefined;
  const nWires = wires.order.length;
  return { nChallenges: wires.nChallenges, nModelPublic: wires.nPubOut + wires.nPubIn - wires.nChallenges, round2Start: nWires - wires.nRound2, nWires };
}

/** The inverse permutation: `newIndex[oldWire] = newWire`. */
export function invertOrder(order: Int32Array): Int32Array {
  const newIndex = new Int32Array(order.length);
  order.forEach((oldWire, i) => { newIndex[oldWire] = i; });
  return newIndex;
}

/** Fixes the wire order of an in-memory builder and renumbers its constraints and witness. */
export function finalizeSystem(cs: ConstraintSystem, options: FinalizeOptions): R1CS {
  const wires = fixWireOrder(cs, options);
  const { order, nPubOut, nPubIn, nPrvIn } = wires;
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
    ...roundsOf(cs, wires, remap),
  };
}

function roundsOf(cs: ConstraintSystem, wires: WireOrder, remap: (lc: LinearCombination) => LinearCombination): Pick<R1CS, 'rounds'> {
  const info = roundsInfoOf(wires);
  if (!info) return {};
  return { rounds: { info, hints: cs.round2Hints.map((h) => ({ a: remap(h.a), b: remap(h.b), e: h.e && remap(h.e), d: remap(h.d) })) } };
}
