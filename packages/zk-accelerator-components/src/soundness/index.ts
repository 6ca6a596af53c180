export { checkGadget, checkGadgets } from './check-gadget';
export type { GadgetReport, SoundnessOptions } from './check-gadget';
export type { CaseReport, WireChange } from './check-case';
export { formatSoundness, soundnessJson, summarizeSoundness } from './format';
export type { GadgetSummary } from './format';
export { caseInputs, caseTensor } from './case-input';
export { runSoundness, SOUNDNESS_BACKENDS } from './run';
export type { RunSoundnessOptions, SoundnessBackendChoice } from './run';
export type { SoundnessBackend } from './system';
