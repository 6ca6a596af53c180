import * as fs from 'fs';
import { raise } from '@onnx-zk/tensor-ir';
import { FeErrors } from './errors';

const REASONS: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a directory' };

/** The bytes of an input file; FE001 when it is missing, a folder or unreadable. */
export function readInputFile(file: string): Uint8Array {
  let code: string | undefined;
  try {
    if (!fs.statSync(file).isDirectory()) return fs.readFileSync(file);
    code = 'EISDIR';
  } catch (e) {
    code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e;
  }
  return raise(FeErrors.UNREADABLE, { file }, REASONS[code] ?? code);
}
