import { fromField } from '../r1cs/field';
import { checkR1cs } from '../r1cs/check';
import type { GadgetDef, SoundnessCase } from '../gadgets/types';
import { attackComponent, AttackBudget } from './attack';
import { components } from './components';
import { acceptsInputs, buildInstance, Instance } from './instance';

export interface WireChange {
  label: string;
  from: bigint;
  to: bigint;
}

export interface CaseReport {
  note: string;
  constraints: number;
  wires: number;
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

/** Synthesizes one case on fixed inputs and searches each part of it for a second witness. */
export function checkCase(gadget: GadgetDef, kase: SoundnessCase, budget: AttackBudget): CaseReport {
  let inst: Instance;
  try {
    inst = buildInstance(gadget, kase);
  } catch (e) {
    return { note: kase.note, constraints: 0, wires: 0, result: 'error', candidates: 0, error: (e as Error).message };
  }
  const { r1cs, outputWires, inputWires } = inst;
  const base = { note: kase.note, constraints: r1cs.constraints.length, wires: r1cs.nWires };
  const isCheck = outputWires.length === 0;
  const fixed = new Set([0, ...(isCheck ? [] : inputWires)]);
  const targets = isCheck ? inputWires : outputWires;
  const isCounter = counterTest(inst);
  let [candidates, proven] = [0, true];
  for (const comp of components(r1cs, (w) => !fixed.has(w))) {
    if (!comp.wires.some((w) => targets.includes(w))) continue; // cannot change a target
    // A check gadget's test needs every input, so its components are searched whole.
    const res = attackComponent(r1cs, comp, targets, isCounter, budget, !isCheck);
    candidates += res.candidates;
    if (res.found) {
      const witness = res.found.map((v, w) => v ?? r1cs.witness[w]);
      if (checkR1cs(r1cs, witness) !== null) throw new Error('soundness: a reported witness fails the R1CS check');
      return { ...base, result: 'counterexample', candidates, counterexample: changes(inst, res.found) };
    }
    proven &&= res.proven;
  }
  return { ...base, result: proven ? 'proven' : 'searched', candidates };
}
