import * as fs from 'fs';
import * as path from 'path';

/**
 * Writes a file so that readers never see a partial one: temp file in the same folder, then rename.
 * `data` may be a list of parts, written one after the other.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    if (Array.isArray(data)) writeParts(tmp, data);
    else fs.writeFileSync(tmp, data as string | Uint8Array);
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

function writeParts(file: string, parts: readonly Uint8Array[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const part of parts) {
      for (let done = 0; done < part.length;) done += fs.writeSync(fd, part, done, Math.min(part.length - done, 1 << 30));
    }
  } finally {
    fs.closeSync(fd);
  }
}
