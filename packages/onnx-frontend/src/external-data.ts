import * as fs from 'fs';
import * as path from 'path';
import { ErrorSite, raise } from '@onnx-zk/tensor-ir';
import { FeErrors } from './errors';
import { int64ToNumber } from './int64';
import type { TensorProto } from './onnx-proto';

/**
 * Reads the bytes of a tensor stored outside the model (data_location EXTERNAL): the
 * `location` file relative to the model's folder, from `offset`, `length` bytes (default: to the
 * end). A location that leaves the model's folder is refused, as the ONNX checker does.
 */
export function readExternalData(proto: TensorProto, baseDir: string | undefined, site: ErrorSite): Uint8Array {
  const name = proto.name ?? '';
  const fail = (details: string): never => raise(FeErrors.MISSING_EXTERNAL_DATA, site, `tensor '${name}': ${details}`);
  const entries = new Map((proto.externalData ?? []).map((e) => [e.key ?? '', e.value ?? '']));
  const location = entries.get('location');
  if (!location) return fail('external_data has no location');
  if (baseDir === undefined) return fail(`the model's folder is unknown, so '${location}' cannot be found`);
  const root = path.resolve(baseDir);
  const file = path.resolve(root, location);
  if (path.isAbsolute(location) || path.relative(root, file).startsWith('..')) {
    return fail(`location '${location}' is outside the model's folder`);
  }
  const offset = entryInt(entries.get('offset'), 0, fail);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    return fail(`cannot open '${location}' (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    const size = fs.fstatSync(fd).size;
    const length = entryInt(entries.get('length'), size - offset, fail);
    if (offset + length > size) return fail(`'${location}' has ${size} bytes, the tensor needs ${offset + length}`);
    const out = new Uint8Array(length);
    fs.readSync(fd, out, 0, length, offset);
    return out;
  } finally {
    fs.closeSync(fd);
  }
}

function entryInt(text: string | undefined, fallback: number, fail: (d: string) => never): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) return fail(`bad offset/length '${text}'`);
  return int64ToNumber(text, FeErrors.MISSING_EXTERNAL_DATA, {}, 'offset/length');
}
