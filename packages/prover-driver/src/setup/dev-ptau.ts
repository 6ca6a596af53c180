/**
 * INSECURE development powers of tau: a prepared phase-2 ptau (what `snarkjs powersoftau
 * prepare phase2` writes and `snarkjs zkey new` reads) generated in one go from secrets this
 * machine samples, instead of a multi-party ceremony. Anyone who kept the secrets could forge
 * proofs, so it is for development and tests only; production passes --ptau with a ceremony file.
 */
import { promises as fsp } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { raise, tempPathFor } from '@onnx-zk/tensor-ir';
import { generatorLem, loadBn254 } from './bn254';
import { SetupErrors } from './errors';
import { chooseWindow, FixedBasePool } from './fixed-base-pool';
import { isFileSystemError } from './files';
import { ptauInfo } from './ptau-read';
import { SectionContext, writeAccumulator, writeHeader, writeLagrangeSections } from './ptau-sections';
import { BinSectionWriter } from './ptau-writer';
import { DevSecrets, discardSecrets, sampleSecrets } from './secrets';

export const MAX_DEV_POWER = 27;

export const INSECURE_WARNING =
  'WARNING: insecure development setup (powers of tau generated from secrets this machine sampled; ' +
  'anyone who kept them could forge proofs). Use --ptau with a ceremony file for production.';

export interface DevPtauOptions {
  /** Cache root; the file goes to `<cacheDir>/ptau/insecure-dev-<power>.ptau`. */
  cacheDir?: string;
  log?: (s: string) => void;
}

export function defaultCacheDir(): string {
  return process.env.ONNX_ZK_CACHE || path.join(os.homedir(), '.cache', 'onnx-zk');
}

export function devPtauPath(power: number, cacheDir = defaultCacheDir()): string {
  return path.join(cacheDir, 'ptau', `insecure-dev-${power}.ptau`);
}

function checkPower(power: number): void {
  if (!Number.isInteger(power) || power < 1 || power > MAX_DEV_POWER) {
    raise(SetupErrors.DEV_POWER_RANGE, {}, `got ${power}`);
  }
}

/**
 * Returns the cached INSECURE development ptau for circuits of up to 2^power constraints,
 * generating it when missing (or unreadable). Logs the insecurity warning every time.
 */
export async function devPtau(power: number, opts: DevPtauOptions = {}): Promise<string> {
  checkPower(power);
  const log = opts.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const file = devPtauPath(power, opts.cacheDir ?? defaultCacheDir());
  log(INSECURE_WARNING);
  const cached = await ptauInfo(file).catch(() => undefined);
  if (cached?.power === power && cached.prepared) return file;
  await generateDevPtau(power, file, { log });
  return file;
}

export interface GenerateOptions {
  log?: (s: string) => void;
  /** Scalars per request to the worker pool (default 16384); small values only for tests. */
  chunkSize?: number;
  /** Test hook: use these secrets instead of sampling (to derive a key from the same τ, α, β). */
  secrets?: DevSecrets;
}

/** Writes an INSECURE development ptau of this power to `file` (atomically: temp file, rename). */
export async function generateDevPtau(power: number, file: string, opts: GenerateOptions = {}): Promise<void> {
  checkPower(power);
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  const { curve, wasmCode } = await loadBn254();
  const threads = Math.max(1, os.cpus().length);
  const n = 2 ** power;
  const pool = FixedBasePool.start({
    code: wasmCode,
    bases: { G1: generatorLem(curve, 'G1'), G2: generatorLem(curve, 'G2') },
    windows: { G1: chooseWindow((12 * n) / threads), G2: chooseWindow((3 * n) / threads) },
  }, threads);
  const secrets = opts.secrets ? { ...opts.secrets, keyBlinders: [...opts.secrets.keyBlinders] as DevSecrets['keyBlinders'] } : sampleSecrets(power);
  let tmp: string | undefined;
  let out: BinSectionWriter | undefined;
  try {
    tmp = tempPathFor(file);
    out = await BinSectionWriter.create(tmp, 'ptau', 1, 11);
    const ctx: SectionContext = { curve, pool, out, secrets, power, chunk: opts.chunkSize ?? 1 << 14, log, what: `insecure dev ptau 2^${power}` };
    await writeHeader(ctx);
    await writeAccumulator(ctx);
    await writeLagrangeSections(ctx, curve.Fr.w.slice(0, power + 2).map((w) => curve.Fr.toObject(w)));
    await out.close();
    await fsp.rename(tmp, file);
  } catch (e) {
    await out?.abandon();
    if (tmp !== undefined) await fsp.rm(tmp, { force: true });
    if (isFileSystemError(e)) raise(SetupErrors.DEV_PTAU_UNWRITABLE, { file }, e.message);
    throw e;
  } finally {
    discardSecrets(secrets);
    await pool.terminate();
  }
  log(`insecure dev ptau 2^${power}: ${file} written in ${Date.now() - started} ms`);
}
