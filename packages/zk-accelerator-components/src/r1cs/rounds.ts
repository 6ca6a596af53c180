import * as crypto from 'crypto';
import * as fs from 'fs';
import { ByteSink, writeStreamAtomic } from './bin-file';
import { ByteSource } from './byte-source';
import { batchInverse, modInv, P } from './field';
import { evalLcWith, LinearCombination } from './linear-combination';
import { N8 } from './write-r1cs';

/**
 * The challenge round of the groth16-cr backend (docs/challenge-round.md), as the circuit sees it.
 *
 * Wires fall in four groups, in this order in circuit.r1cs: the public signals (model outputs and
 * public inputs, then the challenge wires last), the round-1 wires (private inputs and every wire
 * computed without a challenge: these are committed to by C1), and the round-2 wires (the last
 * ones, whose values depend on the challenges). Each round-2 wire has a hint, value = (a·b + e)/d
 * over the wires before it, which is how the prover recomputes round 2 once the real challenges are known.
 */

/** value = (a·b + e) / d (field arithmetic; d must not evaluate to 0; e absent is 0). */
export interface Round2Hint {
  a: LinearCombination;
  b: LinearCombination;
  e?: LinearCombination;
  d: LinearCombination;
}

/** The circuit.rounds file: what the prover needs besides circuit.r1cs and witness.wtns. */
export interface RoundsInfo {
  /** Challenge wires, the last public signals. */
  nChallenges: number;
  /** Public signals hashed into the challenge (outputs and public inputs, challenges excluded). */
  nModelPublic: number;
  /** The first round-2 wire; round-2 wires run to the last wire. */
  round2Start: number;
  nWires: number;
}

const MAGIC = 'ozkr';
const VERSION = 2;

/** The challenge values used when assigning, before any commitment exists: fixed, well away from small integers. */
export function provisionalChallenge(k: number): bigint {
  const digest = crypto.createHash('sha256').update(`onnx-zk provisional challenge ${k}`).digest('hex');
  return BigInt(`0x${digest}`) % P;
}

/** (a·b + e) mod p, the numerator of a hint, with `ev` evaluating its linear combinations. */
function hintNumerator(h: Round2Hint, ev: (lc: LinearCombination) => bigint): bigint {
  return (ev(h.a) * ev(h.b) + (h.e ? ev(h.e) : 0n)) % P;
}

/**
 * Evaluates (a·b + e)/d with `valueOf(wire)` in [0, p); null when d is 0 (no value satisfies the
 * hint). `invert` computes 1/d (default modInv; the assigner passes a memoized one).
 */
export function evalHint(hint: Round2Hint, valueOf: (wire: number) => bigint, invert: (d: bigint) => bigint = modInv): bigint | null {
  const ev = (lc: LinearCombination) => evalLcWith(lc, valueOf);
  const d = ev(hint.d);
  if (d === 0n) return null;
  const num = hintNumerator(hint, ev);
  return d === 1n ? num : (num * invert(d)) % P;
}

/**
 * A memoized field inversion. A LogUp step divides by c − key with c a challenge and key a table
 * row, so a whole circuit divides by at most as many distinct values as its tables have rows:
 * inverting each once (not once per lookup) is most of the assigner's time otherwise.
 */
export function memoInverse(limit = 1 << 20): (d: bigint) => bigint {
  const seen = new Map<bigint, bigint>();
  return (d) => {
    let v = seen.get(d);
    if (v === undefined) {
      if (seen.size >= limit) seen.clear();
      v = modInv(d);
      seen.set(d, v);
    }
    return v;
  };
}

/**
 * Evaluates every round-2 wire in order (hint j is wire round2Start + j; `get` must see the values
 * set so far). The denominators that read only round-1 and public wires (every LogUp step's) are
 * inverted together first, one inversion for all (Montgomery's trick). Returns the first wire
 * whose denominator is 0, or undefined when all are set.
 */
export function evalHints(hints: readonly Round2Hint[], round2Start: number, get: (wire: number) => bigint, set: (wire: number, v: bigint) => void): number | undefined {
  const ev = (lc: LinearCombination) => evalLcWith(lc, get);
  const early = (lc: LinearCombination) => [...lc.keys()].every((w) => w < round2Start);
  const dens = new Map<number, bigint>();
  hints.forEach((h, j) => {
    if (!(h.d.size === 1 && h.d.get(0) === 1n) && early(h.d)) dens.set(j, ev(h.d));
  });
  const inverses = batchInverse([...dens.values()]);
  const inv = new Map([...dens.keys()].map((j, k) => [j, inverses[k]]));
  for (let j = 0; j < hints.length; j++) {
    const h = hints[j];
    const d = dens.get(j) ?? ev(h.d);
    if (d === 0n) return round2Start + j;
    const dInv = inv.get(j) ?? (d === 1n ? 1n : modInv(d));
    set(round2Start + j, (hintNumerator(h, ev) * dInv) % P);
  }
  return undefined;
}

function writeLc(sink: ByteSink, lc: LinearCombination, renumber: (w: number) => number): void {
  const terms = [...lc].map(([w, c]) => [renumber(w), c] as const).sort((x, y) => x[0] - y[0]);
  sink.u32(terms.length);
  for (const [w, c] of terms) {
    sink.u32(w);
    sink.bigint(c, N8);
  }
}

/**
 * Writes circuit.rounds: magic "ozkr", u32 version, u32 nChallenges, u32 nModelPublic,
 * u32 round2Start, u32 nWires, then one hint per round-2 wire in wire order, each four linear
 * combinations (a, b, e, d) as in circuit.r1cs (u32 terms, then u32 wire and a 32-byte little-endian
 * coefficient per term), wires in final numbering. Version 2: four linear combinations (a, b, e, d).
 */
export function writeRoundsFile(file: string, info: RoundsInfo, hints: Iterable<Round2Hint>, renumber: (w: number) => number = (w) => w): void {
  writeStreamAtomic(file, (sink) => {
    sink.text(MAGIC);
    for (const v of [VERSION, info.nChallenges, info.nModelPublic, info.round2Start, info.nWires]) sink.u32(v);
    let n = 0;
    for (const h of hints) {
      for (const lc of [h.a, h.b, h.e ?? new Map<number, bigint>(), h.d]) writeLc(sink, lc, renumber);
      n++;
    }
    if (n !== info.nWires - info.round2Start) throw new Error(`internal error: ${n} hints for ${info.nWires - info.round2Start} round-2 wires`);
  });
}

function readLc(source: ByteSource): LinearCombination {
  const terms = source.u32();
  const lc: LinearCombination = new Map();
  for (let t = 0; t < terms; t++) {
    const w = source.u32();
    lc.set(w, source.bigint(N8));
  }
  return lc;
}

/** The header of circuit.rounds, from an open source positioned at its start. */
function readHeader(source: ByteSource, file: string): RoundsInfo {
  const magic = source.text(4);
  if (magic !== MAGIC) throw new Error(`${file} is not a circuit.rounds file`);
  const version = source.u32();
  if (version !== VERSION) throw new Error(`${file}: rounds file version ${version}, expected ${VERSION}`);
  const [nChallenges, nModelPublic, round2Start, nWires] = [source.u32(), source.u32(), source.u32(), source.u32()];
  return { nChallenges, nModelPublic, round2Start, nWires };
}

function withSource<T>(file: string, read: (source: ByteSource) => T): T {
  const fd = fs.openSync(file, 'r');
  try {
    return read(new ByteSource(fd));
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads circuit.rounds's header only (the counts), not its hints; throws an Error naming the file when it is not one. */
export function readRoundsInfo(file: string): RoundsInfo {
  return withSource(file, (source) => readHeader(source, file));
}

/** Reads circuit.rounds; throws an Error naming the file when it is not one. */
export function readRoundsFile(file: string): { info: RoundsInfo; hints: Round2Hint[] } {
  return withSource(file, (source) => {
    const info = readHeader(source, file);
    const hints: Round2Hint[] = [];
    for (let i = info.round2Start; i < info.nWires; i++) hints.push({ a: readLc(source), b: readLc(source), e: readLc(source), d: readLc(source) });
    return { info, hints };
  });
}
