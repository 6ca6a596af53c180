import type { ConstraintSystem } from '../r1cs/constraint-system';
import type { Signal } from '../r1cs/linear-combination';

/** A node input or output, by position. */
export type ValueRef = { input: number } | { output: number };

/** Where an `int` parameter comes from. */
export type IntSource =
  | { attr: string; default?: number }
  /** Number of elements of a value. */
  | { numel: ValueRef }
  /** One dimension of a value's shape (negative axis counts from the end). */
  | { dim: ValueRef; axis: number }
  /** numel / last dimension: the rows of a [..., K] value. */
  | { rows: ValueRef }
  /** The frac of a value (its FixedInfo). */
  | { frac: ValueRef }
  /** The index of the node's `strategy` attribute in the gadget's strategies (default 0). */
  | { strategy: true }
  /** The index of a string attribute's value in `of` (absent: 0), e.g. Gelu's `approximate`. */
  | { choice: string; of: string[] };

/** One parameter of a gadget's intrinsic `zk.<gadget>`, in order (docs/architecture.md). */
export type AbiParam =
  /** An activation; an optional one may be absent (then no signals, and a null pointer in LLVM). */
  | { kind: 'in'; name: string; input: number; optional?: boolean }
  /** A result; an optional one may be absent (then 0 elements, no signals, a null pointer in LLVM). */
  | { kind: 'out'; name: string; output: number; optional?: boolean }
  | { kind: 'const'; name: string; input: number; optional?: boolean }
  | { kind: 'int'; name: string; from: IntSource }
  /** Bounds of a value; with `rescaledBy`, the bounds after a Rescale by that attribute
   * (used by fused nodes whose rescaled intermediate is no longer a value of the graph). */
  | { kind: 'lo' | 'hi'; name: string; of: ValueRef; rescaledBy?: string };

export type AbiKind = AbiParam['kind'];

/**
 * A positional parameter value: `in` → Signal[] (cost: its numel is enough), `out` → numel,
 * `const` → BigInt64Array or null, `int` → number, `lo`/`hi` → BigInt64Array.
 */
export type ParamValue = Signal[] | number | BigInt64Array | null;

export interface Cost {
  constraints: number;
  wires: number;
}

export interface GadgetDef {
  name: string;
  /** The fixed-point op it implements. */
  op: string;
  /** Strategies it offers; the first is the default. */
  strategies: string[];
  /** One line for `onnx-zk-acc gadgets`. */
  summary: string;
  abi: AbiParam[];
  /** Exactly what synthesize spends for these parameters. */
  cost(params: ParamValue[]): Cost;
  /**
   * Adds the constraints and witness; returns the signals of its `out` params concatenated in abi
   * order (an absent optional one contributes none; none at all for checks).
   */
  synthesize(cs: ConstraintSystem, params: ParamValue[], loc: string[]): Signal[];
  /**
   * Small parameter sets (few elements, few bits) for the soundness checker: `in` params are
   * Signal[] whose values the checker turns into fixed input wires (src/soundness/).
   */
  soundnessCases?: () => SoundnessCase[];
  /**
   * For approximating gadgets: the worst absolute error of an output against the float function
   * over the declared input range, in real units, for these params (the strategy is one of them).
   * select compares it with --error-budget and writes it as the node's `error_bound` attribute.
   */
  errorBound?(params: ParamValue[]): number;
}

/** One parameter set the soundness checker synthesizes and attacks. */
export interface SoundnessCase {
  params: ParamValue[];
  note: string;
}
