import * as fs from 'fs';
import { Stage, TirFile } from './model';
import { IrErrors, raise, withFile } from './errors';
import { writeFileAtomic } from './atomic-write';
import { decodeTir, encodeTir, hasTirMagic } from './format';
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
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return raise(IrErrors.NO_FILE, { file: path }, err.code === 'ENOENT' ? 'no such file' : err.message);
  }
  const file = isTextTir(bytes) ? parseTir(Buffer.from(bytes).toString('utf8'), path) : decodeTir(bytes, path);
  const stage = file.graph.stage;
  if (expectStage && stage !== expectStage) {
    raise(IrErrors.WRONG_STAGE, { file: path }, `expected a ${expectStage} .tir (from ${STAGE_PRODUCERS[expectStage]}), got ${stage} (from ${file.producer || 'unknown producer'})`);
  }
  withFile(path, () => verifyGraph(file.graph));
  return file;
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
  writeFileAtomic(path, text ? printTir(file) : encodeTir(file));
}
