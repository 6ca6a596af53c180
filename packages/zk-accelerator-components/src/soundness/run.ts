import * as fs from 'fs';
import { gadgets } from '../gadgets';
import { checkGadgets, GadgetReport } from './check-gadget';
import { formatSoundness, soundnessJson } from './format';

export interface RunSoundnessOptions {
  gadget?: string;
  json?: string;
}

/** `onnx-zk-acc soundness`: prints the table, writes the JSON; true when every gadget passed. */
export function runSoundness(options: RunSoundnessOptions): { reports: GadgetReport[]; passed: boolean } {
  const reports = checkGadgets(gadgets, { only: options.gadget });
  process.stdout.write(formatSoundness(reports));
  if (options.json) fs.writeFileSync(options.json, soundnessJson(reports));
  const passed = reports.every((r) => r.result === 'proven' || r.result === 'searched');
  return { reports, passed };
}
