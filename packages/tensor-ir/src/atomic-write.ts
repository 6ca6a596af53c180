import * as fs from 'fs';
import * as path from 'path';

/** Writes a file so that readers never see a partial one: temp file in the same folder, then rename. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Moves an already written temp file into place (for writers that stream to a path). */
export function tempPathFor(file: string): string {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
}
