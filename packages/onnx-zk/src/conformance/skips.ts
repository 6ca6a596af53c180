import * as fs from 'fs';
import { OnnxZkError } from '@onnx-zk/tensor-ir';
import { ConformanceErrors } from './errors';

/**
 * The skips file: one `case<TAB>reason` line per skipped case (`#` comments and blank lines
 * ignored). A case is skipped only for a stated reason; the reason is printed with it.
 */
export function readSkips(file: string): Map<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new OnnxZkError(ConformanceErrors.BAD_SKIPS, { file }, (e as Error).message);
  }
  const skips = new Map<string, string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [name, reason] = line.split('\t');
    if (!name || !reason?.trim()) throw new OnnxZkError(ConformanceErrors.BAD_SKIPS, { file }, `line ${i + 1}: expected 'case<TAB>reason'`);
    skips.set(name.trim(), reason.trim());
  });
  return skips;
}
