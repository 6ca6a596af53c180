import * as fs from 'fs';
import * as path from 'path';
import { defaultCacheDir } from '../setup';
import { sha256File } from '../setup/files';

/**
 * A proving key cached under $ONNX_ZK_CACHE (default ~/.cache/onnx-zk)/keys/<sha256 of
 * circuit.r1cs>-<sha256 of the ptau, or a tag such as `insecure-dev`>.zkey: a changed circuit or
 * ceremony file never reuses a stale key. `build` writes the key to the temp path it
 * is given; the key appears in the cache only once complete.
 */
export async function cachedKey(r1cs: string, source: { file: string } | { tag: string }, build: (tmp: string, circuitHash: string) => Promise<void>): Promise<{ file: string; cached: boolean; circuitHash: string }> {
  const circuitHash = await sha256File(r1cs);
  const suffix = 'file' in source ? (await sha256File(source.file)).slice(0, 16) : source.tag;
  const dir = path.join(defaultCacheDir(), 'keys');
  const file = path.join(dir, `${circuitHash}-${suffix}.zkey`);
  if (fs.existsSync(file)) return { file, cached: true, circuitHash };
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await build(tmp, circuitHash);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return { file, cached: false, circuitHash };
}
