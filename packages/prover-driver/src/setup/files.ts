import * as crypto from 'crypto';
import * as fs from 'fs';

/** SHA-256 of a file's contents, hex, streamed (ptau and r1cs files can be gigabytes). */
export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** An fs failure (duck-typed: Node's errors may come from another realm, e.g. under jest). */
export function isFileSystemError(e: unknown): e is NodeJS.ErrnoException {
  const err = e as NodeJS.ErrnoException | null;
  return typeof err?.code === 'string' && typeof err.syscall === 'string';
}
