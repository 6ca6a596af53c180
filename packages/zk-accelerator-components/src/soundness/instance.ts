import { ConstraintSystem } from '../r1cs/constraint-system';
import { checkR1cs } from '../r1cs/check';
import type { R1CS } from '../r1cs/finalize';
import { fromField } from '../r1cs/field';
import type { Signal } from '../r1cs/linear-combination';
import type { GadgetDef, ParamValue, SoundnessCase } from '../gadgets/types';

/** One gadget case synthesized on fresh private input wires, outputs public. */
export interface Instance {
  gadget: GadgetDef;
  kase: SoundnessCase;
  r1cs: R1CS;
  /** Wires of the public outputs and of the private inputs, in the finalized order. */
  outputWires: number[];
  inputWires: number[];
}

export const CASE_LOC = ['Case_0'];

const range = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);

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

/** Synthesizes a case; throws (a bug in the case or the gadget) when the honest witness fails. */
export function buildInstance(gadget: GadgetDef, kase: SoundnessCase): Instance {
  const cs = new ConstraintSystem();
  const [params, inputs] = wireInputs(gadget, kase.params, cs);
  const outs = gadget.synthesize(cs, params, CASE_LOC);
  const r1cs = cs.finalize({ outputs: outs, privateInputs: inputs });
  const failure = checkR1cs(r1cs, r1cs.witness);
  if (failure) throw new Error(`honest witness fails constraint ${failure.index} (${failure.label})`);
  return { gadget, kase, r1cs, outputWires: range(1, r1cs.nPubOut), inputWires: range(1 + r1cs.nPubOut + r1cs.nPubIn, r1cs.nPrvIn) };
}

/** Whether the gadget's semantics accept these input values (a check gadget raises when not). */
export function acceptsInputs(inst: Instance, fieldValues: bigint[]): boolean {
  const cs = new ConstraintSystem();
  const [params] = wireInputs(inst.gadget, inst.kase.params, cs, fieldValues.map(fromField));
  try {
    inst.gadget.synthesize(cs, params, CASE_LOC);
    return true;
  } catch {
    return false;
  }
}
