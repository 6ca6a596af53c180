import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assert } from '@onnx-zk/tensor-ir';
import { ByteSink } from './bin-file';
import type { ConstraintFailure } from './check';
import { ConstraintSystem, LcOrSignal } from './constraint-system';
import { P } from './field';
import { FieldSlots } from './field-slots';
import { FinalizeOptions, fixWireOrder, invertOrder, roundsInfoOf } from './finalize';
import { writeRoundsFile } from './rounds';
import { LinearCombination, Signal, evalLcWith, lcWire } from './linear-combination';
import { writeStreamedFiles, StreamedFiles, StreamedR1cs } from './streaming-finalize';
import { lcBytes, N8 } from './write-r1cs';

/** Temp files of a streaming builder: constraints with provisional wire ids, one label per line. */
interface Spool {
  dir: string;
  constraintsFile: string;
  labelsFile: string;
  fds: number[];
  constraints: ByteSink;
  labels: ByteSink;
}

function openSpool(tmpRoot: string): Spool {
  const dir = fs.mkdtempSync(path.join(tmpRoot, 'onnx-zk-r1cs-'));
  const constraintsFile = path.join(dir, 'constraints.bin');
  const labelsFile = path.join(dir, 'labels.txt');
  const fds = [fs.openSync(constraintsFile, 'w'), fs.openSync(labelsFile, 'w')];
  return { dir, constraintsFile, labelsFile, fds, constraints: new ByteSink(fds[0]), labels: new ByteSink(fds[1]) };
}

function lcOf(x: LcOrSignal): LinearCombination {
  return x instanceof Map ? x : x.lc;
}

/**
 * The streaming R1CS builder: the same API as ConstraintSystem for gadgets, but every constraint is
 * serialized to a temp file as it is added (provisional wire ids, renumbered in one streaming pass
 * at finalize), wire values live in 32-byte slots of a Buffer and labels in a temp file, so memory
 * does not grow with constraints × terms. Each constraint is checked against the witness as it is
 * added; finalizeToFiles writes circuit.r1cs, witness.wtns and circuit.sym byte-identical to the
 * in-memory path. The inherited `values`, `labels` and `constraints` arrays are not used.
 */
export class StreamingConstraintSystem extends ConstraintSystem {
  private readonly slots = new FieldSlots();
  private readonly spool: Spool;
  private constraintCount = 0;
  private constraintBytes = 0;
  private firstFailure: ConstraintFailure | null = null;
  private closed = false;

  /** `tmpDir`: where the temp folder goes (default os.tmpdir()); use the output's file system for big circuits. */
  constructor(tmpDir: string = os.tmpdir()) {
    super();
    this.spool = openSpool(tmpDir);
    this.slots.push(1n);
    this.spool.labels.text('one\n');
  }

  override get nWires(): number {
    return this.slots.count;
  }

  override get nConstraints(): number {
    return this.constraintCount;
  }

  override wireValue(wire: number): bigint {
    return this.slots.get(wire);
  }

  override newWire(value: bigint, label: string): Signal {
    assert(!this.closed, 'ConstraintSystem used after finalize');
    const wire = this.slots.count;
    this.slots.push(value);
    this.spool.labels.text(`${label}\n`);
    return { lc: lcWire(wire), value };
  }

  override constrain(a: LcOrSignal, b: LcOrSignal, c: LcOrSignal, label = ''): void {
    assert(!this.closed, 'ConstraintSystem used after finalize');
    const lcs = [lcOf(a), lcOf(b), lcOf(c)];
    if (this.firstFailure === null && (this.evaluate(lcs[0]) * this.evaluate(lcs[1]) - this.evaluate(lcs[2])) % P !== 0n) {
      this.firstFailure = { index: this.constraintCount, label };
    }
    const sink = this.spool.constraints;
    for (const lc of lcs) {
      sink.u32(lc.size);
      for (const [wire, coeff] of lc) {
        sink.u32(wire);
        sink.bigint(coeff, N8);
      }
      this.constraintBytes += lcBytes(lc.size);
    }
    this.constraintCount++;
  }

  private evaluate(lc: LinearCombination): bigint {
    return evalLcWith(lc, (wire) => this.slots.get(wire));
  }

  /** The in-memory result does not exist here: use finalizeToFiles. */
  override finalize(): never {
    throw new Error('internal error: StreamingConstraintSystem.finalize — use finalizeToFiles');
  }

  /**
   * Fixes snarkjs's wire order as finalize does and streams the three files out, unless the
   * witness breaks a constraint: then it writes nothing and returns that failure. The temp folder
   * is removed whatever happens; the builder cannot be used afterwards.
   */
  finalizeToFiles(options: FinalizeOptions, files: StreamedFiles): { header: StreamedR1cs; failure: ConstraintFailure | null } {
    assert(!this.closed, 'ConstraintSystem finalized twice');
    try {
      this.closeRounds();
      const order = fixWireOrder(this, options);
      this.closeSpool();
      const header: StreamedR1cs = {
        prime: P, nWires: order.order.length, nPubOut: order.nPubOut, nPubIn: order.nPubIn, nPrvIn: order.nPrvIn,
        nConstraints: this.constraintCount,
      };
      if (this.firstFailure) return { header, failure: this.firstFailure };
      const spool = { constraintsFile: this.spool.constraintsFile, labelsFile: this.spool.labelsFile };
      writeStreamedFiles(order, this.slots, spool, header, this.constraintBytes, files);
      const rounds = roundsInfoOf(order);
      if (rounds) {
        if (!files.rounds) throw new Error('internal error: a groth16-cr circuit needs a circuit.rounds path');
        const newIndex = invertOrder(order.order);
        writeRoundsFile(files.rounds, rounds, this.round2Hints, (w) => newIndex[w]);
      }
      return { header, failure: null };
    } finally {
      this.dispose();
    }
  }

  /** Removes the temp folder (finalizeToFiles does it; call it when abandoning a builder). */
  dispose(): void {
    this.closeSpool();
    fs.rmSync(this.spool.dir, { recursive: true, force: true });
  }

  private closeSpool(): void {
    if (this.closed) return;
    this.closed = true;
    this.spool.constraints.flush();
    this.spool.labels.flush();
    for (const fd of this.spool.fds) fs.closeSync(fd);
  }
}
