import type { GadgetDef } from '../gadgets/types';
import type { AttackBudget } from './attack';
import { CaseReport, checkCase } from './check-case';
import { CaseBackend, DEFAULT_LIMB_BITS } from './instance';
import type { SoundnessBackend } from './system';

export interface SoundnessOptions {
  /** Wall-clock budget of one gadget (ms), shared by its cases. */
  gadgetMs?: number;
  exhaustiveNodes?: number;
  probeNodes?: number;
  randomProbes?: number;
  seed?: number;
  /** The backend the cases are synthesized for (default groth16). */
  backend?: SoundnessBackend;
  /** groth16-cr: limb width of the range table (default 3, so that a limb has 8 values to search). */
  limbBits?: number;
}

export interface GadgetReport {
  gadget: string;
  backend: SoundnessBackend;
  /** groth16-cr: the range table's limb width. */
  limbBits?: number;
  /** sound: no second witness (`proven` when every case was enumerated completely). */
  result: 'proven' | 'searched' | 'unsound' | 'error' | 'no cases';
  cases: CaseReport[];
  candidates: number;
  ms: number;
}

const SEVERITY: GadgetReport['result'][] = ['proven', 'searched', 'no cases', 'unsound', 'error'];

/** The worse of two results (error, unsound, no cases, searched, proven). */
export function worse(a: GadgetReport['result'], b: GadgetReport['result']): GadgetReport['result'] {
  return SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b;
}

function verdict(cases: CaseReport[]): GadgetReport['result'] {
  if (cases.length === 0) return 'no cases';
  if (cases.some((c) => c.result === 'error')) return 'error';
  if (cases.some((c) => c.result === 'counterexample')) return 'unsound';
  return cases.every((c) => c.result === 'proven') ? 'proven' : 'searched';
}

function caseBackend(options: SoundnessOptions): CaseBackend {
  const backend = options.backend ?? 'groth16';
  return backend === 'groth16' ? { backend } : { backend, limbBits: options.limbBits ?? DEFAULT_LIMB_BITS };
}

/** Runs the checker over every soundness case of one gadget, synthesized for one backend. */
export function checkGadget(gadget: GadgetDef, options: SoundnessOptions = {}): GadgetReport {
  const start = Date.now();
  const backend = caseBackend(options);
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
    return checkCase(gadget, kase, budget, backend);
  });
  const candidates = cases.reduce((s, c) => s + c.candidates, 0);
  return { gadget: gadget.name, ...backend, result: verdict(cases), cases, candidates, ms: Date.now() - start };
}

/**
 * Every gadget of a record (or one by name), in record order, under each backend (default
 * groth16 only): one report per gadget and backend, a gadget's backends together.
 */
export function checkGadgets(
  record: Record<string, GadgetDef>, options: Omit<SoundnessOptions, 'backend'> & { only?: string; backends?: SoundnessBackend[] } = {},
): GadgetReport[] {
  const backends = options.backends ?? ['groth16'];
  return Object.entries(record)
    .filter(([name]) => options.only === undefined || name === options.only)
    .flatMap(([, g]) => backends.map((backend) => checkGadget(g, { ...options, backend })));
}
