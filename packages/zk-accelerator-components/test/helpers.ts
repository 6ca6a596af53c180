import {
  checkR1cs, ConstraintFailure, ConstraintSystem, Cost, evalLc, GadgetDef, LookupArgument, ParamValue, R1CS, RangeMode, Signal, toField,
  withRangeMode, backendOf,
} from '../src';
import type { Graph } from '@onnx-zk/tensor-ir';

/**
 * A builder for the backend select bound `graph` for, as the prover makes it: groth16-cr gets the
 * lookup argument, and its challenge wires up front so that no node's measured cost includes them.
 */
export function builderFor(graph: Graph): ConstraintSystem {
  const cs = new ConstraintSystem();
  const plan = backendOf(graph);
  if (plan.backend === 'groth16-cr') {
    cs.lookups = new LookupArgument(plan.limbBits!);
    cs.challenge(plan.functionTables?.length ? 1 : 0);
  }
  return cs;
}

/** Deterministic PRNG (mulberry32) so random cases are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random integer in [lo, hi]. */
export function randInt(next: () => number, lo: bigint, hi: bigint): bigint {
  const span = hi - lo + 1n;
  const r = BigInt(Math.floor(next() * 2 ** 52)) * BigInt(Math.floor(next() * 2 ** 52)) + BigInt(Math.floor(next() * 2 ** 52));
  return lo + (r % span);
}

export const i64 = (xs: (number | bigint)[]): BigInt64Array => BigInt64Array.from(xs.map((x) => BigInt(x)));

export interface Built {
  cs: ConstraintSystem;
  outs: Signal[];
  inputs: Signal[];
  r1cs: R1CS;
  measured: Cost;
  cost: Cost;
}

/**
 * Runs one gadget on fresh private input wires (`in` params from `inputs`, the rest from
 * `params`), checks that every output's lc evaluates to its value, and finalizes with the outputs
 * public. Reports the constraints and wires synthesize spent and what cost() predicted.
 */
/** Synthesizes one gadget; with limbBits, on the groth16-cr backend (range checks by lookups of that width). */
export function build(gadget: GadgetDef, inputs: Record<string, bigint[]>, params: Record<string, ParamValue>, loc = ['Node_0'], limbBits?: number): Built {
  const cs = new ConstraintSystem();
  if (limbBits !== undefined) {
    cs.lookups = new LookupArgument(limbBits);
    // The challenges are the circuit's, allocated once: not part of any gadget's cost.
    cs.challenge(1);
  }
  const signals: Record<string, Signal[]> = {};
  for (const [name, values] of Object.entries(inputs)) signals[name] = values.map((v, i) => cs.newWire(v, `${name}[${i}]`));
  const values = gadget.abi.map((p) => (p.kind === 'in' ? signals[p.name] : params[p.name]));
  values.forEach((v, i) => { if (v === undefined) throw new Error(`test: no value for ${gadget.abi[i].name}`); });
  const [w0, c0] = [cs.nWires, cs.nConstraints];
  const outs = gadget.synthesize(cs, values, loc);
  const measured = { constraints: cs.nConstraints - c0, wires: cs.nWires - w0 };
  const mode: RangeMode = limbBits === undefined ? { kind: 'bits' } : { kind: 'lookup', limbBits };
  const cost = withRangeMode(mode, () => gadget.cost(values.map((v) => (Array.isArray(v) ? v.length : v))));
  const exact = cs.values.map(toField);
  outs.forEach((o, i) => {
    if (evalLc(o.lc, exact) !== toField(o.value)) throw new Error(`output ${i}: lc does not evaluate to its value`);
  });
  const all = Object.values(signals).flat();
  const r1cs = cs.finalize({ outputs: outs, privateInputs: all });
  return { cs, outs, inputs: all, r1cs, measured, cost };
}

export function wireOf(r1cs: R1CS, label: string): number {
  const w = r1cs.labels.indexOf(label);
  if (w < 0) throw new Error(`test: no wire labelled ${label}`);
  return w;
}

/** Checks a copy of the witness with some wires (by label or index) set to signed values. */
export function checkTampered(r1cs: R1CS, changes: [string | number, bigint][]): ConstraintFailure | null {
  const witness = [...r1cs.witness];
  for (const [at, value] of changes) witness[typeof at === 'number' ? at : wireOf(r1cs, at)] = toField(value);
  return checkR1cs(r1cs, witness);
}

/** The value of a wire as a signed integer. */
export function valueOf(r1cs: R1CS, label: string): bigint {
  const v = r1cs.witness[wireOf(r1cs, label)];
  return v > (1n << 253n) ? v - 21888242871839275222246405745257275088548364400416034343698204186575808495617n : v;
}

/** Every wire but one and the inputs, each changed alone by each delta, must break a constraint. */
export function everySingleChangeFails(r1cs: R1CS, deltas: bigint[] = [1n, -1n, 2n]): string[] {
  const escaped: string[] = [];
  const firstInternal = 1 + r1cs.nPubOut + r1cs.nPubIn + r1cs.nPrvIn;
  const candidates = [...Array(r1cs.nWires).keys()].filter((w) => w >= 1 && (w <= r1cs.nPubOut || w >= firstInternal));
  for (const w of candidates) {
    for (const d of deltas) {
      const current = r1cs.witness[w];
      if (checkTampered(r1cs, [[w, current + d]]) === null) escaped.push(`${r1cs.labels[w]}${d > 0n ? '+' : ''}${d}`);
    }
  }
  return escaped;
}
