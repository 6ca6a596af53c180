import { assert } from '@onnx-zk/tensor-ir';
import { LinearCombination, ONE_WIRE, Signal, lcConstant, lcWire } from './linear-combination';
import { finalizeSystem, FinalizeOptions, R1CS } from './finalize';

/** One rank-1 constraint A·B = C, with the label of the gadget part that spent it. */
export interface Constraint {
  a: LinearCombination;
  b: LinearCombination;
  c: LinearCombination;
  label: string;
}

export type LcOrSignal = LinearCombination | Signal;

function lcOf(x: LcOrSignal): LinearCombination {
  return x instanceof Map ? x : x.lc;
}

/**
 * An R1CS builder that computes the witness as it goes: every wire is allocated with its exact
 * signed integer value and a label `<onnx node>.<gadget>.<part>[i]` (circuit.sym). Wire 0 is one.
 */
export class ConstraintSystem {
  /** Exact signed value of every wire, by allocation index. */
  readonly values: bigint[] = [1n];
  readonly labels: string[] = ['one'];
  readonly constraints: Constraint[] = [];
  readonly one: Signal = { lc: lcWire(ONE_WIRE), value: 1n };
  private finalized = false;

  get nWires(): number {
    return this.values.length;
  }

  get nConstraints(): number {
    return this.constraints.length;
  }

  newWire(value: bigint, label: string): Signal {
    assert(!this.finalized, 'ConstraintSystem used after finalize');
    const wire = this.values.length;
    this.values.push(value);
    this.labels.push(label);
    return { lc: lcWire(wire), value };
  }

  constant(v: bigint): Signal {
    return { lc: lcConstant(v), value: v };
  }

  /** Adds A·B = C. */
  constrain(a: LcOrSignal, b: LcOrSignal, c: LcOrSignal, label = ''): void {
    assert(!this.finalized, 'ConstraintSystem used after finalize');
    this.constraints.push({ a: lcOf(a), b: lcOf(b), c: lcOf(c), label });
  }

  /**
   * Fixes snarkjs's wire order (one, public outputs, public inputs, private inputs, the rest) and
   * returns the R1CS with its witness. The builder cannot be used afterwards.
   */
  finalize(options: FinalizeOptions): R1CS {
    assert(!this.finalized, 'ConstraintSystem finalized twice');
    const r1cs = finalizeSystem(this, options);
    this.finalized = true;
    return r1cs;
  }
}
