import { assert } from '@onnx-zk/tensor-ir';
import { ConstraintSystem } from '../r1cs/constraint-system';
import type { R1CS } from '../r1cs/finalize';
import { fromField } from '../r1cs/field';
import { lcConstant, LinearCombination, Signal } from '../r1cs/linear-combination';
import { LookupArgument, lookupCost, tableCost } from '../r1cs/lookup';
import type { Round2Hint } from '../r1cs/rounds';
import type { GadgetDef, ParamValue, SoundnessCase } from '../gadgets/types';
import { checkSystem, Membership, plainSystem, SoundnessBackend, System, tableRows } from './system';

/** The backend a case is synthesized for: groth16-cr with a (small) range-table limb width. */
export interface CaseBackend {
  backend: SoundnessBackend;
  /** groth16-cr: limb width w of the range table [0, 2^w). */
  limbBits?: number;
}

export const DEFAULT_LIMB_BITS = 3;
export const GROTH16: CaseBackend = { backend: 'groth16' };

/** One gadget case synthesized on fresh private input wires, outputs public. */
export interface Instance {
  gadget: GadgetDef;
  kase: SoundnessCase;
  backend: CaseBackend;
  /**
   * The circuit as built (groth16-cr: with the LogUp argument and its challenge round, whose
   * round-2 wires hold 0 here: the checker does not compute them).
   */
  r1cs: R1CS;
  /** What the solver attacks: the circuit's constraints, lookups as table membership. */
  sys: System;
  /** Wires of the public outputs and of the private inputs, in the finalized order. */
  outputWires: number[];
  inputWires: number[];
  /** groth16-cr: the challenge and round-2 wires (the argument's, in no constraint the solver sees). */
  roundWires: number[];
}

export const CASE_LOC = ['Case_0'];

const range = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);

interface Recorded {
  table: string;
  key: LinearCombination;
  value?: LinearCombination;
  label: string;
}

/**
 * The builder of a groth16-cr case. The checker never reads a round-2 value (the lookup argument
 * is modelled, not solved, and its wires stay fixed), so each is allocated as 0 instead of
 * (a·b + e)/d: the same wires and constraints without a field inversion per lookup and table row.
 */
class RoundsModelled extends ConstraintSystem {
  override newRound2Wire(_hint: Round2Hint, label: string): Signal {
    return super.newRound2Wire({ a: new Map(), b: new Map(), d: lcConstant(1n) }, label);
  }
}

/** A builder for the backend; for groth16-cr its lookups are recorded as they are made. */
function builder(backend: CaseBackend): { cs: ConstraintSystem; recorded: Recorded[] } {
  const cs = backend.backend === 'groth16-cr' ? new RoundsModelled() : new ConstraintSystem();
  const recorded: Recorded[] = [];
  if (backend.backend === 'groth16-cr') {
    const lookups = new LookupArgument(backend.limbBits ?? DEFAULT_LIMB_BITS);
    lookups.onLookup = (table, key, value, label) => recorded.push({ table, key: new Map(key), value: value && new Map(value), label });
    cs.lookups = lookups;
  }
  return { cs, recorded };
}

/** The case's params with every `in` value on a fresh wire of `cs`; the wires, in order. */
function wireInputs(gadget: GadgetDef, params: ParamValue[], cs: ConstraintSystem, values?: bigint[]): [ParamValue[], Signal[]] {
  const inputs: Signal[] = [];
  const wired = params.map((p, i) => {
    if (gadget.abi[i]?.kind !== 'in') return p;
    return (p as Signal[]).map((s, j) => {
      const w = cs.newWire(values ? values[inputs.length] : s.value, `${gadget.abi[i].name}[${j}]`);
      inputs.push(w);
      return w;
    });
  });
  return [wired, inputs];
}

/**
 * Allocation wire → finalized wire, read off the constraints: finalizing renumbers each
 * constraint's linear combinations term by term, in order. Every looked-up wire is in a
 * constraint (the argument's own, at least).
 */
function finalNumbering(cs: ConstraintSystem, r1cs: R1CS): (lc: LinearCombination) => LinearCombination {
  assert(cs.constraints.length === r1cs.constraints.length, 'soundness: finalize added constraints out of order');
  const newIndex = new Int32Array(cs.nWires).fill(-1);
  newIndex[0] = 0;
  cs.constraints.forEach((c, i) => {
    const d = r1cs.constraints[i];
    for (const side of ['a', 'b', 'c'] as const) {
      const to = [...d[side].keys()];
      let j = 0;
      for (const w of c[side].keys()) newIndex[w] = to[j++];
    }
  });
  return (lc) => {
    const out: LinearCombination = new Map();
    for (const [w, k] of lc) {
      assert(newIndex[w] >= 0, `soundness: looked-up wire ${w} is in no constraint`);
      out.set(newIndex[w], k);
    }
    return out;
  };
}

/**
 * The system of a groth16-cr case: the constraints that mention no challenge or round-2 wire
 * (every other one is the LogUp argument's: lookup and table running sums, pair folds, the balance;
 * their soundness is the protocol's, docs/challenge-round.md) and one membership predicate per lookup.
 */
function lookupSystem(cs: ConstraintSystem, r1cs: R1CS, recorded: Recorded[]): { sys: System; roundWires: number[] } {
  const argument = cs.lookups!;
  const info = r1cs.rounds!.info;
  const roundWires = [...range(1 + info.nModelPublic, info.nChallenges), ...range(info.round2Start, info.nWires - info.round2Start)];
  const round = new Set(roundWires);
  const mentions = (lc: LinearCombination) => [...lc.keys()].some((w) => round.has(w));
  const kept = r1cs.constraints.filter((c) => !mentions(c.a) && !mentions(c.b) && !mentions(c.c));
  let [expected, lookups] = [0, 0];
  for (const [name, t] of argument.counts()) {
    const pair = argument.tableRows(name).values !== undefined;
    expected += t.lookups * lookupCost(pair).constraints;
    if (t.lookups > 0 || name === LookupArgument.RANGE) expected += tableCost(t.rows).constraints;
    lookups += t.lookups;
  }
  assert(lookups === recorded.length, `soundness: ${recorded.length} lookups recorded of ${lookups}`);
  assert(r1cs.constraints.length - kept.length === expected,
    `soundness: ${r1cs.constraints.length - kept.length} constraints use the challenge round, the lookup argument has ${expected}; the checker models only lookups`);
  const remap = finalNumbering(cs, r1cs);
  const memberships: Membership[] = recorded.map((l) => ({ table: l.table, key: remap(l.key), value: l.value && remap(l.value), label: l.label }));
  const names = [...new Set(recorded.map((l) => l.table))];
  const tables = new Map(names.map((name) => {
    const rows = argument.tableRows(name);
    return [name, tableRows(name, rows.keys, rows.values)];
  }));
  return { sys: { r1cs: { ...r1cs, constraints: kept }, lookups: memberships, tables }, roundWires };
}

/**
 * Synthesizes a case; throws (a bug in the case or the gadget) when the honest witness fails
 * (groth16-cr: a kept constraint or a lookup; the argument's round-2 values are not computed).
 */
export function buildInstance(gadget: GadgetDef, kase: SoundnessCase, backend: CaseBackend = GROTH16): Instance {
  const { cs, recorded } = builder(backend);
  const [params, inputs] = wireInputs(gadget, kase.params, cs);
  const outs = gadget.synthesize(cs, params, CASE_LOC);
  const r1cs = cs.finalize({ outputs: outs, privateInputs: inputs });
  const { sys, roundWires } = cs.lookups ? lookupSystem(cs, r1cs, recorded) : { sys: plainSystem(r1cs), roundWires: [] };
  const failure = checkSystem(sys, r1cs.witness);
  if (failure) throw new Error(`honest witness fails ${failure}`);
  return {
    gadget, kase, backend, r1cs, sys, roundWires,
    outputWires: range(1, r1cs.nPubOut),
    inputWires: range(1 + r1cs.nPubOut + r1cs.nPubIn, r1cs.nPrvIn),
  };
}

/** Whether the gadget's semantics accept these input values (a check gadget raises when not). */
export function acceptsInputs(inst: Instance, fieldValues: bigint[]): boolean {
  const { cs } = builder(inst.backend);
  const [params] = wireInputs(inst.gadget, inst.kase.params, cs, fieldValues.map(fromField));
  try {
    inst.gadget.synthesize(cs, params, CASE_LOC);
    return true;
  } catch {
    return false;
  }
}
