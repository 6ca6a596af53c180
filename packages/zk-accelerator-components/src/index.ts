/** @onnx-zk/zk-accelerator-components: R1CS builder, gadgets, writers and the select stage. */
export { P, FIELD_BITS, MAX_SAFE_BITS, toField, fromField, bitLength, floorDiv, modInv, batchInverse } from './r1cs/field';
export {
  ONE_WIRE, lcWire, lcConstant, lcAccumulate, lcAdd, lcScale, soleWire, evalLc,
  signalConstant, signalAdd, signalScale,
} from './r1cs/linear-combination';
export type { LinearCombination, Signal } from './r1cs/linear-combination';
export { ConstraintSystem } from './r1cs/constraint-system';
export type { Constraint, LcOrSignal } from './r1cs/constraint-system';
export type { R1CS, FinalizeOptions } from './r1cs/finalize';
export { checkR1cs } from './r1cs/check';
export type { ConstraintFailure } from './r1cs/check';
export { writeR1cs } from './r1cs/write-r1cs';
export { writeWtns } from './r1cs/write-wtns';
export { writeSym } from './r1cs/write-sym';
export { StreamingConstraintSystem } from './r1cs/streaming-system';
export { LookupArgument, lookupCost, tableCost } from './r1cs/lookup';
export { evalHint, evalHints, provisionalChallenge, readRoundsFile, readRoundsInfo, writeRoundsFile } from './r1cs/rounds';
export type { Round2Hint, RoundsInfo } from './r1cs/rounds';
export { withRangeMode, rangeMode, rangeCost, proveRange, signBit } from './gadgets/blocks/range';
export type { RangeMode } from './gadgets/blocks/range';
export type { StreamedFiles, StreamedR1cs } from './r1cs/streaming-finalize';

export { gadgets } from './gadgets';
export type { GadgetDef, AbiParam, AbiKind, ValueRef, IntSource, ParamValue, Cost, SoundnessCase } from './gadgets/types';
export { rescaleValue } from './gadgets/rescale-bits';

export { selectGadgets, PRODUCER } from './select/select';
export { backendOf, BACKENDS, LIMB_WIDTHS, fixedCost } from './select/backend';
export type { Backend, BackendChoice, BackendPlan } from './select/backend';
export type { SelectOptions } from './select/select';
export { runSelect } from './select/run-select';
export type { RunSelectOptions } from './select/run-select';
export { paramsFromNode, gadgetFits } from './select/params-from-node';
export { gadgetsForOp } from './select/bind';
export type { StrategyChoice } from './select/bind';
export { fusions } from './select/fusions';
export type { FusionPattern } from './select/fusions';
export { costSummary, formatCostTable } from './select/cost-summary';
export type { CostSummary, CostRow } from './select/cost-summary';
export { formatGadgetList, describeParam } from './select/list-gadgets';
export { Errors } from './errors';

export { checkGadget, checkGadgets, formatSoundness, soundnessJson, caseInputs, caseTensor, runSoundness } from './soundness';
export type { GadgetReport, SoundnessOptions, CaseReport, WireChange, RunSoundnessOptions } from './soundness';
export { pickStrategy, rateStrategy } from './select/strategy';
export type { StrategyGoal, Target, RatedStrategy } from './select/strategy';
