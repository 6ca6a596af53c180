import * as fs from 'fs';
import { Stage, TirFile } from './model';
import { IrErrors, raise, withFile } from './errors';
import { writeFileAtomic } from './atomic-write';
import { decodeTirFrom, encodeTirParts, hasTirMagic } from './format';
import { TEXT_MAGIC, parseTir, printTir } from './text';
import { verifyGraph } from './verify';

/** Which CLI writes each stage's files, for "wrong stage" messages. */
const STAGE_PRODUCERS: Record<Stage, string> = {
  float: 'onnx-zk-frontend',
  fixed: 'onnx-zk-fxp',
  accel: 'onnx-zk-acc select',
};

/**
 * Reads a .tir file, binary or text (told apart by the first bytes), checks its stage and
 * verifies the graph. IR006 when the file cannot be read, IR005 on the wrong stage.
 */
export function readTir(path: string, expectStage?: Stage): TirFile {
  const file = readTirFile(path);
  const stage = file.graph.stage;
  if (expectStage && stage !== expectStage) {
    raise(IrErrors.WRONG_STAGE, { file: path }, `expected a ${expectStage} .tir (from ${STAGE_PRODUCERS[expectStage]}), got ${stage} (from ${file.producer || 'unknown producer'})`);
  }
  withFile(path, () => verifyGraph(file.graph));
  return file;
}

/**
 * The file's contents: the text form parsed whole, the binary form decoded from the file piece by
 * piece (decodeTirFrom), so a large model is not held as file bytes and as a graph at once.
 */
function readTirFile(path: string): TirFile {
  const noFile = (e: unknown): never => {
    const err = e as NodeJS.ErrnoException;
    return raise(IrErrors.NO_FILE, { file: path }, err.code === 'ENOENT' ? 'no such file' : err.message);
  };
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (e) {
    return noFile(e);
  }
  try {
    let size = 0;
    let head: Uint8Array;
    try {
      size = fs.fstatSync(fd).size;
      head = readAt(fd, 0, Math.min(size, 64));
    } catch (e) {
      return noFile(e);
    }
    if (isTextTir(head)) return parseTir(readAt(fd, 0, size).toString('utf8'), path);
    return decodeTirFrom({ length: size, read: (at, n) => readAt(fd, at, n) }, path);
  } finally {
    fs.closeSync(fd);
  }
}

/** n bytes at offset `at` (in pieces of at most 1 GiB: one read call takes less than 2 GiB). */
function readAt(fd: number, at: number, n: number): Buffer {
  const out = Buffer.allocUnsafe(n);
  for (let done = 0; done < n;) {
    const k = fs.readSync(fd, out, done, Math.min(n - done, 2 ** 30), at + done);
    if (k === 0) throw new Error(`the file ends at byte ${at + done}, inside the ${n} bytes at ${at}`);
    done += k;
  }
  return out;
}

/** Whether bytes start like the text form (the binary form starts with ONNXZKIR instead). */
export function isTextTir(bytes: Uint8Array): boolean {
  return !hasTirMagic(bytes) && Buffer.from(bytes.subarray(0, TEXT_MAGIC.length)).toString('latin1') === TEXT_MAGIC;
}

/**
 * Verifies the graph, then writes it atomically (no partial file on failure): the text form when
 * opts.text is set or the path ends with .txt, the binary form otherwise.
 */
export function writeTir(path: string, file: TirFile, opts: { text?: boolean } = {}): void {
  withFile(path, () => verifyGraph(file.graph));
  const text = opts.text ?? path.endsWith('.txt');
  writeFileAtomic(path, text ? printTir(file) : encodeTirParts(file));
}
