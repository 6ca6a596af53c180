import * as fs from 'fs';
import { gadgets } from '../gadgets';
import { checkGadgets, GadgetReport } from './check-gadget';
import { formatSoundness, soundnessJson, summarizeSoundness } from './format';
import type { SoundnessBackend } from './system';

/** `--backend`: one backend or both (groth16 first). */
export type SoundnessBackendChoice = SoundnessBackend | 'both';
export const SOUNDNESS_BACKENDS: readonly SoundnessBackendChoice[] = ['both', 'groth16', 'groth16-cr'];

export interface RunSoundnessOptions {
  gadget?: string;
  json?: string;
  /** Default both. */
  backend?: SoundnessBackendChoice;
  /** groth16-cr: limb width of the range table (default 3). */
  limbBits?: number;
}

/**
 * `onnx-zk-acc soundness`: prints a table per backend, writes the JSON (one entry per gadget with
 * its backends' reports); true when every gadget passed under every backend.
 */
export function runSoundness(options: RunSoundnessOptions): { reports: GadgetReport[]; passed: boolean } {
  const choice = options.backend ?? 'both';
  const backends: SoundnessBackend[] = choice === 'both' ? ['groth16', 'groth16-cr'] : [choice];
  const reports = checkGadgets(gadgets, { only: options.gadget, backends, limbBits: options.limbBits });
  // One table per backend: list the reports backend by backend.
  const ordered = backends.flatMap((b) => reports.filter((r) => r.backend === b));
  process.stdout.write(formatSoundness(ordered));
  if (options.json) fs.writeFileSync(options.json, soundnessJson(summarizeSoundness(reports)));
  const passed = reports.every((r) => r.result === 'proven' || r.result === 'searched');
  return { reports, passed };
}
