import type { GadgetDef } from '../gadgets/types';
import type { AttackBudget } from './attack';
import { CaseReport, checkCase } from './check-case';

export interface SoundnessOptions {
  /** Wall-clock budget of one gadget (ms), shared by its cases. */
  gadgetMs?: number;
  exhaustiveNodes?: number;
  probeNodes?: number;
  randomProbes?: number;
  seed?: number;
}

export interface GadgetReport {
  gadget: string;
  /** sound: no second witness (`proven` when every case was enumerated completely). */
  result: 'proven' | 'searched' | 'unsound' | 'error' | 'no cases';
  cases: CaseReport[];
  candidates: number;
  ms: number;
}

function verdict(cases: CaseReport[]): GadgetReport['result'] {
  if (cases.length === 0) return 'no cases';
  if (cases.some((c) => c.result === 'error')) return 'error';
  if (cases.some((c) => c.result === 'counterexample')) return 'unsound';
  return cases.every((c) => c.result === 'proven') ? 'proven' : 'searched';
}

/** Runs the checker over every soundness case of one gadget. */
export function checkGadget(gadget: GadgetDef, options: SoundnessOptions = {}): GadgetReport {
  const start = Date.now();
  const kases = gadget.soundnessCases?.() ?? [];
  const gadgetMs = options.gadgetMs ?? 4000;
  const cases = kases.map((kase, i): CaseReport => {
    const share = (gadgetMs - (Date.now() - start)) / (kases.length - i);
    const budget: AttackBudget = {
      exhaustiveNodes: options.exhaustiveNodes ?? 200_000,
      probeNodes: options.probeNodes ?? 40,
      randomProbes: options.randomProbes ?? 300,
      deadline: Date.now() + Math.max(share, 50),
      seed: (options.seed ?? 1) + i,
    };
    return checkCase(gadget, kase, budget);
  });
  const candidates = cases.reduce((s, c) => s + c.candidates, 0);
  return { gadget: gadget.name, result: verdict(cases), cases, candidates, ms: Date.now() - start };
}

/** Every gadget of a record (or one by name), in record order. */
export function checkGadgets(record: Record<string, GadgetDef>, options: SoundnessOptions & { only?: string } = {}): GadgetReport[] {
  return Object.entries(record)
    .filter(([name]) => options.only === undefined || name === options.only)
    .map(([, g]) => checkGadget(g, options));
}
