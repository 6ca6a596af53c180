import { assert } from '@onnx-zk/tensor-ir';
import { LinearCombination, ONE_WIRE, Signal, lcConstant, lcWire } from './linear-combination';
import { finalizeSystem, FinalizeOptions, R1CS } from './finalize';
import { toField } from './field';
import type { LookupArgument } from './lookup';
import { evalHint, memoInverse, provisionalChallenge, Round2Hint } from './rounds';

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
  /** groth16-cr: the challenge wires (allocation ids), in challenge order. */
  readonly challengeWires: number[] = [];
  /** groth16-cr: the round-2 wires in allocation order, with their hints (allocation ids). */
  readonly round2Wires: number[] = [];
  readonly round2Hints: Round2Hint[] = [];
  /** groth16-cr: the lookup argument; absent for plain Groth16 (range checks by bits). */
  lookups?: LookupArgument;
  private finalized = false;
  /** 1/d for the round-2 hints, each distinct d inverted once. */
  private readonly invert = memoInverse();

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

  /** A wire's value as a field element in [0, p). */
  wireValue(wire: number): bigint {
    return toField(this.values[wire]);
  }

  /**
   * Challenge k of the groth16-cr round (public wires the verifier recomputes from the round-1
   * commitment). While assigning they hold provisional values; the prover replaces them.
   */
  challenge(k: number): Signal {
    while (this.challengeWires.length <= k) {
      const c = this.challengeWires.length;
      this.newWire(provisionalChallenge(c), `challenge[${c}]`);
      this.challengeWires.push(this.nWires - 1);
    }
    return { lc: lcWire(this.challengeWires[k]), value: provisionalChallenge(k) };
  }

  /**
   * A round-2 wire (its value depends on the challenges): value = (a·b + e)/d over earlier wires, the
   * hint the prover replays once the real challenges are known. The caller adds its constraints.
   */
  newRound2Wire(hint: Round2Hint, label: string): Signal {
    const v = evalHint(hint, (w) => this.wireValue(w), this.invert);
    assert(v !== null, `round-2 wire ${label}: its hint divides by zero`);
    const s = this.newWire(v, label);
    this.round2Wires.push(this.nWires - 1);
    this.round2Hints.push(hint);
    return s;
  }

  /** Closes the lookup argument (its table side) before the wire order is fixed. */
  protected closeRounds(): void {
    this.lookups?.close(this);
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
    this.closeRounds();
    const r1cs = finalizeSystem(this, options);
    this.finalized = true;
    return r1cs;
  }
}
