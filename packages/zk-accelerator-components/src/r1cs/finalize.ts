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

/**
 * Gives every public output and input a wire of its own (a fresh wire and one constraint
 * `lc·1 = wire` when its lc is not a lone unit wire or that wire is taken), then renumbers.
 */
export function finalizeSystem(cs: ConstraintSystem, options: FinalizeOptions): R1CS {
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
  const order = [0, ...outs, ...pubIn, ...prvIn];
  for (let w = 1; w < cs.nWires; w++) if (!taken.has(w)) order.push(w);

  const newIndex = new Int32Array(cs.nWires);
  order.forEach((oldWire, i) => { newIndex[oldWire] = i; });
  const remap = (lc: LinearCombination): LinearCombination => {
    const out: LinearCombination = new Map();
    for (const [wire, coeff] of lc) out.set(newIndex[wire], coeff);
    return out;
  };
  const constraints = cs.constraints.map((c) => ({ a: remap(c.a), b: remap(c.b), c: remap(c.c), label: c.label }));
  return {
    prime: P,
    nWires: cs.nWires,
    nPubOut: outs.length,
    nPubIn: pubIn.length,
    nPrvIn: prvIn.length,
    constraints,
    labels: order.map((w) => cs.labels[w]),
    witness: order.map((w) => toField(cs.values[w])),
  };
}
