import { fromField } from '../r1cs/field';
import type { GadgetDef, SoundnessCase } from '../gadgets/types';
import { attackComponent, AttackBudget } from './attack';
import { components } from './components';
import { acceptsInputs, buildInstance, CaseBackend, GROTH16, Instance } from './instance';
import { checkSystem } from './system';

export interface WireChange {
  label: string;
  from: bigint;
  to: bigint;
}

export interface CaseReport {
  note: string;
  /** The circuit as built (groth16-cr: the lookup argument's constraints and wires included). */
  constraints: number;
  wires: number;
  /** groth16-cr: lookups, each searched as "key is a row of its table". */
  lookups?: number;
  /** proven: every completion enumerated; searched: none found within the budget. */
  result: 'proven' | 'searched' | 'counterexample' | 'error';
  candidates: number;
  /** The second witness: every wire that differs from the honest one. */
  counterexample?: WireChange[];
  error?: string;
}

/** Whether a complete assignment is a second witness worth reporting. */
function counterTest(inst: Instance): (vals: (bigint | undefined)[]) => boolean {
  const { r1cs, outputWires, inputWires } = inst;
  // Wires of parts not completed yet are undefined: they do not count as changed.
  if (outputWires.length > 0) return (vals) => outputWires.some((w) => vals[w] !== undefined && vals[w] !== r1cs.witness[w]);
  // A check gadget has no output: any satisfying witness on inputs its semantics reject.
  return (vals) => inputWires.some((w) => vals[w] !== r1cs.witness[w]) && !acceptsInputs(inst, inputWires.map((w) => vals[w]!));
}

function changes(inst: Instance, vals: (bigint | undefined)[]): WireChange[] {
  const { r1cs } = inst;
  const out: WireChange[] = [];
  vals.forEach((v, w) => {
    if (v !== undefined && v !== r1cs.witness[w]) out.push({ label: r1cs.labels[w], from: fromField(r1cs.witness[w]), to: fromField(v) });
  });
  return out;
}

/**
 * Synthesizes one case on fixed inputs and searches each part of it for a second witness. Under
 * groth16-cr the search sees the constraints outside the lookup argument and every lookup as a
 * table-membership predicate; the challenge and round-2 wires stay at their honest values.
 */
export function checkCase(gadget: GadgetDef, kase: SoundnessCase, budget: AttackBudget, backend: CaseBackend = GROTH16): CaseReport {
  let inst: Instance;
  try {
    inst = buildInstance(gadget, kase, backend);
  } catch (e) {
    return { note: kase.note, constraints: 0, wires: 0, result: 'error', candidates: 0, error: (e as Error).message };
  }
  const { r1cs, sys, outputWires, inputWires } = inst;
  const base = {
    note: kase.note, constraints: r1cs.constraints.length, wires: r1cs.nWires, ...(backend.backend === 'groth16-cr' ? { lookups: sys.lookups.length } : {}),
  };
  const isCheck = outputWires.length === 0;
  const fixed = new Set([0, ...(isCheck ? [] : inputWires), ...inst.roundWires]);
  const targets = isCheck ? inputWires : outputWires;
  const isCounter = counterTest(inst);
  let [candidates, proven] = [0, true];
  for (const comp of components(sys, (w) => !fixed.has(w))) {
    if (!comp.wires.some((w) => targets.includes(w))) continue; // cannot change a target
    // A check gadget's test needs every input, so its components are searched whole.
    const res = attackComponent(sys, comp, targets, isCounter, budget, !isCheck);
    candidates += res.candidates;
    if (res.found) {
      const witness = res.found.map((v, w) => v ?? r1cs.witness[w]);
      const failure = checkSystem(sys, witness);
      if (failure !== null) throw new Error(`soundness: a reported witness fails ${failure}`);
      return { ...base, result: 'counterexample', candidates, counterexample: changes(inst, res.found) };
    }
    proven &&= res.proven;
  }
  return { ...base, result: proven ? 'proven' : 'searched', candidates };
}
