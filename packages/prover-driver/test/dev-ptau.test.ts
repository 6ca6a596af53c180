/**
 * The INSECURE development ptau: snarkjs's own verifier accepts it (contribution record, pairing
 * relations of sections 2–6, Lagrange sections 12–15 against its IFFT), and its Lagrange sections
 * equal byte for byte what snarkjs's preparePhase2 computes from its sections 1–7.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OnnxZkError } from '@onnx-zk/tensor-ir';
import { devPtau, devPtauPath, generateDevPtau, INSECURE_WARNING, ptauInfo } from '../src/setup';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const snarkjs = require('snarkjs') as {
  powersOfTau: {
    verify(file: string, logger?: unknown): Promise<boolean>;
    preparePhase2(oldFile: string, newFile: string, logger?: unknown): Promise<void>;
  };
};

const POWERS = [1, 4, 5, 6, 7, 8];
let dir: string;
const file = (power: number) => path.join(dir, `dev-${power}.ptau`);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-ptau-'));
  for (const power of POWERS) await generateDevPtau(power, file(power));
}, 300_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }).curve_bn128?.terminate();
});

/** Section id → bytes, from iden3's binary section format. */
function sections(f: string): Map<number, Buffer> {
  const b = fs.readFileSync(f);
  const out = new Map<number, Buffer>();
  let pos = 12;
  for (let i = 0; i < b.readUInt32LE(8); i++) {
    const size = Number(b.readBigUInt64LE(pos + 4));
    out.set(b.readUInt32LE(pos), b.subarray(pos + 12, pos + 12 + size));
    pos += 12 + size;
  }
  return out;
}

/** A copy holding only sections 1–7: the file snarkjs's ceremony has before preparePhase2. */
function unprepared(f: string, to: string): void {
  const s = sections(f);
  const parts: Buffer[] = [Buffer.from('ptau'), u32(1), u32(7)];
  for (let id = 1; id <= 7; id++) {
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(BigInt(s.get(id)!.length));
    parts.push(u32(id), size, s.get(id)!);
  }
  fs.writeFileSync(to, Buffer.concat(parts));
}

function u32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v);
  return b;
}

describe('generateDevPtau', () => {
  test.each(POWERS)('2^%i has a prepared header snarkjs reads', async (power) => {
    expect(await ptauInfo(file(power))).toEqual({ power, ceremonyPower: power, prepared: true });
    expect([...sections(file(power)).keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15]);
  });

  test.each(POWERS)('2^%i passes snarkjs powersoftau verify', async (power) => {
    const messages: string[] = [];
    const keep = (m: string) => { messages.push(m); };
    const logger = { debug: () => undefined, info: keep, warn: keep, error: keep };
    expect(await snarkjs.powersOfTau.verify(file(power), logger)).toBe(true);
    expect(messages.join('\n')).toContain('INSECURE onnx-zk dev setup');
  }, 120_000);

  /** Runs snarkjs's preparePhase2 on our sections 1–7 and compares every section with ours. */
  async function expectSnarkjsPrepareEquals(ptau: string, tag: string): Promise<void> {
    const raw = path.join(dir, `raw-${tag}.ptau`);
    const prepared = path.join(dir, `prepared-${tag}.ptau`);
    unprepared(ptau, raw);
    await snarkjs.powersOfTau.preparePhase2(raw, prepared);
    const ours = sections(ptau);
    const theirs = sections(prepared);
    for (const id of [1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15]) expect({ id, equal: ours.get(id)!.equals(theirs.get(id)!) }).toEqual({ id, equal: true });
  }

  test.each([4, 6])('2^%i Lagrange sections equal snarkjs preparePhase2 output', async (power) => {
    await expectSnarkjsPrepareEquals(file(power), String(power));
  }, 120_000);

  test('requests split into odd-sized chunks across Lagrange blocks give the same file', async () => {
    const chunked = path.join(dir, 'chunked-5.ptau');
    await generateDevPtau(5, chunked, { chunkSize: 7 });
    await expectSnarkjsPrepareEquals(chunked, 'chunked');
    const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    expect(await snarkjs.powersOfTau.verify(chunked, quiet)).toBe(true);
  }, 120_000);

  test('snarkjs verify rejects the file once two Lagrange points are swapped', async () => {
    const tampered = path.join(dir, 'tampered-4.ptau');
    const b = fs.readFileSync(file(4));
    const s14 = sections(file(4)).get(14)!;
    const at = b.indexOf(s14) + 64 * 7; // points 7 and 8 of section 14: the 2^3 block
    const p = Buffer.from(b.subarray(at, at + 64));
    b.copy(b, at, at + 64, at + 128);
    p.copy(b, at + 64);
    fs.writeFileSync(tampered, b);
    const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    expect(await snarkjs.powersOfTau.verify(tampered, quiet)).toBe(false);
  }, 60_000);

  test('two runs sample different secrets', async () => {
    const again = path.join(dir, 'again-4.ptau');
    await generateDevPtau(4, again);
    expect(sections(again).get(2)!.equals(sections(file(4)).get(2)!)).toBe(false);
  });
});

describe('devPtau', () => {
  test('caches insecure-dev-<power>.ptau under <cacheDir>/ptau and warns every time', async () => {
    const cacheDir = path.join(dir, 'cache');
    const logs: string[] = [];
    const got = await devPtau(4, { cacheDir, log: (s) => logs.push(s) });
    expect(got).toBe(path.join(cacheDir, 'ptau', 'insecure-dev-4.ptau'));
    expect(got).toBe(devPtauPath(4, cacheDir));
    expect(logs[0]).toBe(INSECURE_WARNING);
    const mtime = fs.statSync(got).mtimeMs;
    const logs2: string[] = [];
    expect(await devPtau(4, { cacheDir, log: (s) => logs2.push(s) })).toBe(got);
    expect(logs2).toEqual([INSECURE_WARNING]);
    expect(fs.statSync(got).mtimeMs).toBe(mtime);
    expect(fs.readdirSync(path.dirname(got))).toEqual(['insecure-dev-4.ptau']);
  });

  test('regenerates a corrupt cached file', async () => {
    const cacheDir = path.join(dir, 'cache-corrupt');
    const target = devPtauPath(4, cacheDir);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, 'garbage');
    await devPtau(4, { cacheDir, log: () => undefined });
    expect(await ptauInfo(target)).toMatchObject({ power: 4, prepared: true });
  });

  test('honours ONNX_ZK_CACHE', async () => {
    const old = process.env.ONNX_ZK_CACHE;
    process.env.ONNX_ZK_CACHE = path.join(dir, 'env-cache');
    try {
      expect(await devPtau(4, { log: () => undefined })).toBe(path.join(dir, 'env-cache', 'ptau', 'insecure-dev-4.ptau'));
    } finally {
      if (old === undefined) delete process.env.ONNX_ZK_CACHE;
      else process.env.ONNX_ZK_CACHE = old;
    }
  });

  test('an unwritable cache is a coded error and leaves no file', async () => {
    const notADir = path.join(dir, 'plain-file');
    fs.writeFileSync(notADir, 'x');
    const err = await devPtau(4, { cacheDir: notADir, log: () => undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OnnxZkError);
    expect((err as OnnxZkError).code).toBe('PV110');
    expect((err as OnnxZkError).message).toContain(devPtauPath(4, notADir));
    expect(fs.readFileSync(notADir, 'utf8')).toBe('x');
  });

  test.each([0, 28, 2.5, -1])('power %p is a coded error', async (power) => {
    const err = await devPtau(power, { cacheDir: dir, log: () => undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OnnxZkError);
    expect((err as OnnxZkError).code).toBe('PV109');
  });
});
