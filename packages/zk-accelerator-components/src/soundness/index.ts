export { checkGadget, checkGadgets } from './check-gadget';
export type { GadgetReport, SoundnessOptions } from './check-gadget';
export type { CaseReport, WireChange } from './check-case';
export { formatSoundness, soundnessJson } from './format';
export { caseInputs, caseTensor } from './case-input';
export { runSoundness } from './run';
export type { RunSoundnessOptions } from './run';
