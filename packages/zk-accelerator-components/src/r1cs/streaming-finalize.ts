import * as fs from 'fs';
import { ByteSink } from './bin-file';
import { ByteSource } from './byte-source';
import type { FieldSlots } from './field-slots';
import { invertOrder, WireOrder } from './finalize';
import { N8, R1csHeader, writeR1csFile } from './write-r1cs';
import { writeSymLabels } from './write-sym';
import { writeWtnsFile } from './write-wtns';

/** Where finalizeToFiles writes circuit.r1cs, witness.wtns and circuit.sym. */
export interface StreamedFiles {
  r1cs: string;
  wtns: string;
  sym: string;
  /** circuit.rounds, written for groth16-cr circuits only. */
  rounds?: string;
}

/** A streamed circuit: its header counts (the constraints, witness and labels are in the files). */
export type StreamedR1cs = R1csHeader;

const TERM = 4 + N8;

/** Reads the constraints temp file and writes every lc renumbered, terms in new-wire order. */
function renumberConstraints(file: string, nConstraints: number, newIndex: Int32Array, sink: ByteSink): void {
  const fd = fs.openSync(file, 'r');
  try {
    const source = new ByteSource(fd);
    for (let i = 0; i < 3 * nConstraints; i++) {
      const terms = source.u32();
      source.ensure(terms * TERM);
      const { buf, at } = source.view;
      const order: number[][] = [];
      for (let t = 0; t < terms; t++) order.push([newIndex[buf.readUInt32LE(at + t * TERM)], at + t * TERM + 4]);
      order.sort((x, y) => x[0] - y[0]);
      sink.u32(terms);
      for (const [wire, coeffAt] of order) {
        sink.u32(wire);
        sink.bytes(buf.subarray(coeffAt, coeffAt + N8));
      }
      source.skip(terms * TERM);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Labels in new-wire order: those of moved wires (the few public and input wires, found in a first
 * pass), then the rest in allocation order, then the `late` ones (groth16-cr's round-2 wires, last).
 */
function* orderedLabels(file: string, order: Int32Array, moved: number, late: number): Generator<string> {
  const wanted = new Map<number, number>();
  for (let i = 0; i < moved; i++) wanted.set(order[i], i);
  const lateAt = new Map<number, number>();
  for (let i = order.length - late; i < order.length; i++) lateAt.set(order[i], i - (order.length - late));
  const early: string[] = new Array<string>(moved);
  const last: string[] = new Array<string>(late);
  forEachLine(file, (label, w) => {
    const i = wanted.get(w);
    if (i !== undefined) early[i] = label;
    const j = lateAt.get(w);
    if (j !== undefined) last[j] = label;
  });
  yield* early;
  const fd = fs.openSync(file, 'r');
  try {
    let w = 0;
    for (const label of new ByteSource(fd).lines()) {
      if (!wanted.has(w) && !lateAt.has(w)) yield label;
      w++;
    }
  } finally {
    fs.closeSync(fd);
  }
  yield* last;
}

function forEachLine(file: string, visit: (line: string, index: number) => void): void {
  const fd = fs.openSync(file, 'r');
  try {
    let i = 0;
    for (const line of new ByteSource(fd).lines()) visit(line, i++);
  } finally {
    fs.closeSync(fd);
  }
}

/** Streams circuit.r1cs, witness.wtns and circuit.sym of a finalized streaming builder. */
export function writeStreamedFiles(
  wires: WireOrder, slots: FieldSlots, spool: { constraintsFile: string; labelsFile: string },
  header: StreamedR1cs, constraintBytes: number, files: StreamedFiles,
): void {
  const { order } = wires;
  const newIndex = invertOrder(order);
  writeR1csFile(files.r1cs, header, constraintBytes, (sink) => renumberConstraints(spool.constraintsFile, header.nConstraints, newIndex, sink));
  writeWtnsFile(files.wtns, order.length, (sink) => {
    for (let i = 0; i < order.length; i++) sink.bytes(slots.slot(order[i]));
  });
  writeSymLabels(files.sym, orderedLabels(spool.labelsFile, order, 1 + wires.nPubOut + wires.nPubIn + wires.nPrvIn, wires.nRound2));
}
