import * as fs from 'fs';
import * as path from 'path';

/** A stopwatch for named phases, in seconds. */
export class Stopwatch {
  private last = process.hrtime.bigint();
  readonly seconds: Record<string, number> = {};

  /** Records the time since the previous lap under `phase`. */
  lap(phase: string): void {
    const now = process.hrtime.bigint();
    this.seconds[phase] = Number(now - this.last) / 1e9;
    this.last = now;
  }

  total(): number {
    return Object.values(this.seconds).reduce((a, b) => a + b, 0);
  }
}

/** Byte size of every file in `dir`, by name. */
export function artifactSizes(dir: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const name of fs.readdirSync(dir).sort()) sizes[name] = fs.statSync(path.join(dir, name)).size;
  return sizes;
}
