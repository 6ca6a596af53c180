/**
 * Writes each section of a prepared phase-2 ptau (snarkjs's layout, see README.md) from the
 * secrets, by fixed-base multiplication of the generators.
 */
import { Group, POINT_BYTES, Q } from './bn254';
import { ContributionRecord, contributionKey, contributionsSection, keyBytes } from './contribution';
import { FixedBasePool } from './fixed-base-pool';
import { BinSectionWriter } from './ptau-writer';
import { geometricScalars, lagrangeBlocks, sectionScalars, writeScalar } from './scalars';
import { DevSecrets } from './secrets';
import { blake2b512, firstChallengeHash, ResponseHasher } from './transcript-hash';
import type { Bn254Curve } from './bn254';

/** Where point sections go: the pool that multiplies, the file, and a label for log lines. */
export interface PointSink {
  pool: FixedBasePool;
  out: BinSectionWriter;
  log: (s: string) => void;
  /** Names the file in log lines, e.g. `insecure dev ptau 2^12`. */
  what: string;
}

export interface SectionContext extends PointSink {
  curve: Bn254Curve;
  secrets: DevSecrets;
  power: number;
  /** Scalars per request to the pool. */
  chunk: number;
}

/** The name snarkjs shows for the contribution (at most 64 bytes). */
export const CONTRIBUTION_NAME = 'INSECURE onnx-zk dev setup (secrets sampled and dropped)';

export async function writeHeader(ctx: SectionContext): Promise<void> {
  const body = new Uint8Array(44);
  const view = new DataView(body.buffer);
  view.setUint32(0, 32, true); // n8 of the base field
  writeScalar(new DataView(body.buffer, 4, 32), 0, Q);
  view.setUint32(36, ctx.power, true);
  view.setUint32(40, ctx.power, true); // ceremony power
  await ctx.out.startSection(1);
  await ctx.out.write(body);
  await ctx.out.endSection();
}

/**
 * Multiplies the generator by each chunk of scalars (one chunk in flight while the next one's
 * scalars are computed) and writes the points as section `id`. Returns the first chunk's points.
 */
export async function writePointSection(ctx: PointSink, id: number, group: Group,
  scalars: Iterable<Uint8Array>, response?: ResponseHasher): Promise<Uint8Array> {
  const started = Date.now();
  await ctx.out.startSection(id);
  let first: Uint8Array | undefined;
  let count = 0;
  let inFlight: ReturnType<FixedBasePool['mul']> | undefined;
  const drain = async () => {
    const batch = await inFlight!;
    first ??= batch.lem;
    count += batch.lem.length / POINT_BYTES[group];
    await ctx.out.write(batch.lem);
    if (response) response.update(batch.compressed!);
  };
  for (const chunk of scalars) {
    const next = ctx.pool.mul(group, chunk, response !== undefined);
    next.catch(() => undefined); // awaited below; this only keeps an abandoned request from crashing the process
    if (inFlight) await drain();
    inFlight = next;
  }
  if (inFlight) await drain();
  await ctx.out.endSection();
  ctx.log(`${ctx.what}: section ${id} (${count} ${group} points) in ${Date.now() - started} ms`);
  return first ?? new Uint8Array(0);
}

/** Sections 2–7: the accumulator after one contribution, and that contribution's record. */
export async function writeAccumulator(ctx: SectionContext): Promise<void> {
  const { tau, alpha, beta } = ctx.secrets;
  const n = 2 ** ctx.power;
  const challenge = firstChallengeHash(ctx.curve, ctx.power);
  const response = new ResponseHasher(challenge);
  const tauG1 = await writePointSection(ctx, 2, 'G1', geometricScalars(1n, tau, 2 * n - 1, ctx.chunk), response);
  const tauG2 = await writePointSection(ctx, 3, 'G2', geometricScalars(1n, tau, n, ctx.chunk), response);
  const alphaG1 = await writePointSection(ctx, 4, 'G1', geometricScalars(alpha, tau, n, ctx.chunk), response);
  const betaG1 = await writePointSection(ctx, 5, 'G1', geometricScalars(beta, tau, n, ctx.chunk), response);
  const betaG2 = await writePointSection(ctx, 6, 'G2', geometricScalars(beta, tau, 1, ctx.chunk), response);
  const partialHash = response.partialHash();
  const key = contributionKey(ctx.curve, challenge, ctx.secrets);
  const responseHash = response.finish(keyBytes(ctx.curve, key, 'uncompressed'));
  const record: ContributionRecord = {
    tauG1: tauG1.slice(POINT_BYTES.G1, 2 * POINT_BYTES.G1),
    tauG2: tauG2.slice(POINT_BYTES.G2, 2 * POINT_BYTES.G2),
    alphaG1: alphaG1.slice(0, POINT_BYTES.G1),
    betaG1: betaG1.slice(0, POINT_BYTES.G1),
    betaG2: betaG2.slice(0, POINT_BYTES.G2),
    keyLem: keyBytes(ctx.curve, key, 'lem'),
    partialHash,
    nextChallenge: await nextChallengeHash(ctx, responseHash),
    name: CONTRIBUTION_NAME,
  };
  await ctx.out.startSection(7);
  await ctx.out.write(contributionsSection(record));
  await ctx.out.endSection();
}

/** blake2b(response hash ‖ sections 2–6 uncompressed), read back from the file. */
async function nextChallengeHash(ctx: SectionContext, responseHash: Uint8Array): Promise<Uint8Array> {
  const h = blake2b512().update(responseHash);
  const groups: [number, Group][] = [[2, 'G1'], [3, 'G2'], [4, 'G1'], [5, 'G1'], [6, 'G2']];
  for (const [id, group] of groups) {
    const span = ctx.out.sections.get(id)!;
    const step = ctx.chunk * POINT_BYTES[group];
    for (let o = 0; o < span.size; o += step) {
      const lem = await ctx.out.read(span.start + o, Math.min(step, span.size - o));
      h.update(await ctx.pool.toUncompressed(group, lem));
    }
  }
  return new Uint8Array(h.digest());
}

/** Sections 12–15: the Lagrange basis at τ for every domain 2^0 .. 2^power (tauG1: .. 2^(power+1)). */
export async function writeLagrangeSections(ctx: SectionContext, omegas: bigint[]): Promise<void> {
  const { tau, alpha, beta } = ctx.secrets;
  const upToPower = lagrangeBlocks(omegas, ctx.power, false);
  const tauG1Blocks = lagrangeBlocks(omegas, ctx.power + 1, true);
  await writePointSection(ctx, 12, 'G1', sectionScalars(tau, 1n, tauG1Blocks, ctx.chunk));
  await writePointSection(ctx, 13, 'G2', sectionScalars(tau, 1n, upToPower, ctx.chunk));
  await writePointSection(ctx, 14, 'G1', sectionScalars(tau, alpha, upToPower, ctx.chunk));
  await writePointSection(ctx, 15, 'G1', sectionScalars(tau, beta, upToPower, ctx.chunk));
}
