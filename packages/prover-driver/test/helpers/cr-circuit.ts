/**
 * Small groth16-cr circuits built by hand with the ConstraintSystem, wires allocated directly in
 * the final order (so no renumbering): one, the public output, the public input (optional), the
 * challenge wires (two by default), private x and y (round 1; with a public input also t = x·y),
 * then round 2:
 *   inv0 = 1/(c0 − x)   inv0·(c0 − x) = 1
 *   z    = inv0·y       inv0·y = z
 *   inv1 = 1/(c1 − y)   inv1·(c1 − y) = 1   (c0 for c1 with one challenge)
 * and out = x·y (+ pin). witness.wtns holds the provisional challenges, as the assign step writes it.
 */
import * as path from 'path';
import {
  ConstraintSystem, evalHint, lcAdd, lcConstant, P, provisionalChallenge, Round2Hint, RoundsInfo, toField, writeR1cs, writeRoundsFile, writeWtns,
} from '@onnx-zk/zk-accelerator-components';

export interface CrCircuit {
  r1cs: string;
  wtns: string;
  rounds: string;
  info: RoundsInfo;
  /** The model's public signals (out, then pin when present). */
  publicSignals: string[];
}

export function crCircuit(dir: string, name: string, x: bigint, y: bigint, pin?: bigint, nChallenges: 1 | 2 = 2): CrCircuit {
  const cs = new ConstraintSystem();
  const out = cs.newWire(x * y + (pin ?? 0n), 'out');
  const pinWire = pin === undefined ? undefined : cs.newWire(pin, 'pin');
  const c0 = cs.newWire(provisionalChallenge(0), 'challenge[0]');
  const c1 = nChallenges === 2 ? cs.newWire(provisionalChallenge(1), 'challenge[1]') : c0;
  const xw = cs.newWire(x, 'x');
  const yw = cs.newWire(y, 'y');
  if (pinWire) {
    const t = cs.newWire(x * y, 't');
    cs.constrain(xw, yw, t, 't');
    cs.constrain(lcAdd(t.lc, pinWire.lc), cs.one, out, 'out');
  } else {
    cs.constrain(xw, yw, out, 'out');
  }
  const round2Start = cs.nWires;
  const hints: Round2Hint[] = [];
  const round2 = (hint: Round2Hint, label: string) => {
    hints.push(hint);
    return cs.newWire(evalHint(hint, (w) => toField(cs.values[w]))!, label);
  };
  const minus = (a: typeof c0, b: typeof c0) => lcAdd(a.lc, b.lc, P - 1n);
  const inv0 = round2({ a: lcConstant(1n), b: lcConstant(1n), d: minus(c0, xw) }, 'inv0');
  cs.constrain(inv0, minus(c0, xw), cs.one, 'inv0');
  const z = round2({ a: inv0.lc, b: yw.lc, d: lcConstant(1n) }, 'z');
  cs.constrain(inv0, yw, z, 'z');
  const inv1 = round2({ a: lcConstant(1n), b: lcConstant(1n), d: minus(c1, yw) }, 'inv1');
  cs.constrain(inv1, minus(c1, yw), cs.one, 'inv1');

  const nModelPublic = pinWire ? 2 : 1;
  const info: RoundsInfo = { nChallenges, nModelPublic, round2Start, nWires: cs.nWires };
  const files = { r1cs: path.join(dir, `${name}.r1cs`), wtns: path.join(dir, `${name}.wtns`), rounds: path.join(dir, `${name}.rounds`) };
  writeR1cs(files.r1cs, {
    prime: P, nWires: cs.nWires, nPubOut: 1, nPubIn: nModelPublic - 1 + nChallenges, nPrvIn: 2,
    constraints: cs.constraints, labels: cs.labels, witness: cs.values.map(toField),
  });
  writeWtns(files.wtns, cs.values.map(toField));
  writeRoundsFile(files.rounds, info, hints);
  return { ...files, info, publicSignals: [out.value, ...(pin === undefined ? [] : [pin])].map((v) => String(toField(v))) };
}
