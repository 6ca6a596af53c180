import { P, toField } from './field';

/**
 * A linear combination Σ coeff·wire over BN254: wire index → coefficient in [1, p). Wire 0 is
 * the constant one. Treated as immutable: every helper returns a new map.
 */
export type LinearCombination = Map<number, bigint>;

/** A value in the circuit: its linear combination and its exact signed integer value. */
export interface Signal {
  lc: LinearCombination;
  value: bigint;
}

export const ONE_WIRE = 0;

export function lcWire(wire: number, coeff = 1n): LinearCombination {
  const c = toField(coeff);
  return c === 0n ? new Map() : new Map([[wire, c]]);
}

export function lcConstant(v: bigint): LinearCombination {
  return lcWire(ONE_WIRE, v);
}

/** Adds k·src into target in place (target must be a map the caller owns). */
export function lcAccumulate(target: LinearCombination, src: LinearCombination, k = 1n): void {
  const kf = toField(k);
  if (kf === 0n) return;
  for (const [wire, coeff] of src) {
    const sum = ((target.get(wire) ?? 0n) + coeff * kf) % P;
    if (sum === 0n) target.delete(wire);
    else target.set(wire, sum);
  }
}

/** a + k·b */
export function lcAdd(a: LinearCombination, b: LinearCombination, k = 1n): LinearCombination {
  const out = new Map(a);
  lcAccumulate(out, b, k);
  return out;
}

/** k·a */
export function lcScale(a: LinearCombination, k: bigint): LinearCombination {
  const out: LinearCombination = new Map();
  lcAccumulate(out, a, k);
  return out;
}

/** The wire of a linear combination that is exactly `1·wire`, else undefined. */
export function soleWire(lc: LinearCombination): number | undefined {
  if (lc.size !== 1) return undefined;
  const [[wire, coeff]] = lc;
  return coeff === 1n ? wire : undefined;
}

/** Evaluates a linear combination on a witness of field elements. */
export function evalLc(lc: LinearCombination, witness: readonly bigint[]): bigint {
  return evalLcWith(lc, (wire) => witness[wire]);
}

/** Evaluates a linear combination with `valueOf(wire)` (field elements), reduced into [0, p). */
export function evalLcWith(lc: LinearCombination, valueOf: (wire: number) => bigint): bigint {
  let acc = 0n;
  for (const [wire, coeff] of lc) acc += coeff * valueOf(wire);
  return acc % P;
}

/** Signal arithmetic: linear, so it never costs a constraint. */
export function signalConstant(v: bigint): Signal {
  return { lc: lcConstant(v), value: v };
}

export function signalAdd(a: Signal, b: Signal, k = 1n): Signal {
  return { lc: lcAdd(a.lc, b.lc, k), value: a.value + k * b.value };
}

export function signalScale(a: Signal, k: bigint): Signal {
  return { lc: lcScale(a.lc, k), value: a.value * k };
}
