/**
 * The prover's setup inputs: a snarkjs-made ceremony ptau (with its phase-2 contribution) works,
 * and a ptau too small, truncated or corrupt, or a proving key (--zkey) that is corrupt or for
 * another circuit, is a coded error with nothing written.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PROOF_FILES, requiredPower, runOnchainVerify, runProve, runVerify } from '../src';
import { makeTestPtau } from './helpers/test-ptau';
import { tempDir, writeText } from './helpers/tmp';
import { tinyModule, TINY_INPUT } from './helpers/tiny-circuit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const snarkjs = require('snarkjs');

const dir = tempDir();
const savedCache = process.env.ONNX_ZK_CACHE;
const moduleFile = writeText(dir, 'tiny.ll', tinyModule());
const inputFile = writeText(dir, 'input.json', JSON.stringify(TINY_INPUT));
const quiet = () => undefined;
const proved = path.join(dir, 'proved');
let ptau: string;
let n = 0;

beforeAll(async () => {
  process.env.ONNX_ZK_CACHE = path.join(dir, 'cache');
  ptau = await makeTestPtau(dir, 8);
  await runProve({ module: moduleFile, input: inputFile, out: proved, ptau, log: quiet });
});

afterAll(async () => {
  if (savedCache === undefined) delete process.env.ONNX_ZK_CACHE;
  else process.env.ONNX_ZK_CACHE = savedCache;
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } }).curve_bn128?.terminate();
});

/** A copy of `file` changed by `edit`. */
function corrupted(file: string, edit: (bytes: Buffer) => Buffer): string {
  const copy = path.join(dir, `corrupt-${n++}-${path.basename(file)}`);
  fs.writeFileSync(copy, edit(fs.readFileSync(file)));
  return copy;
}

/** Byte offset and size of section `id` of an iden3 binary file. */
function section(bytes: Buffer, id: number): { start: number; size: number } {
  for (let pos = 12, i = 0; i < bytes.readUInt32LE(8); i++) {
    const size = Number(bytes.readBigUInt64LE(pos + 4));
    if (bytes.readUInt32LE(pos) === id) return { start: pos + 12, size };
    pos += 12 + size;
  }
  throw new Error(`no section ${id}`);
}

/** Expects runProve to fail with `code` and to leave no output folder. */
async function expectNothingWritten(options: { ptau?: string; zkey?: string; module?: string; publicInputs?: boolean }, code: RegExp): Promise<void> {
  const out = path.join(dir, `out-${n++}`);
  await expect(runProve({ module: moduleFile, input: inputFile, out, log: quiet, ...options })).rejects.toThrow(code);
  expect(fs.existsSync(out)).toBe(false);
}

describe('a ceremony ptau made by snarkjs (power 8)', () => {
  test('the key carries a valid phase-2 contribution over it, and the proof verifies with snarkjs and on chain', async () => {
    const logger = { debug: quiet, info: quiet, warn: quiet, error: quiet };
    const zkey = path.join(proved, PROOF_FILES.zkey);
    expect(await snarkjs.zKey.verifyFromR1cs(path.join(proved, PROOF_FILES.r1cs), ptau, zkey, logger)).toBe(true);
    const vkey = await snarkjs.zKey.exportVerificationKey(zkey, logger);
    expect(vkey.vk_delta_1).not.toEqual(['1', '2', '1']);
    expect(await runVerify({ dir: proved })).toEqual({ verified: true });
    expect((await runOnchainVerify({ dir: proved })).verified).toBe(true);
  });
});

describe('bad powers-of-tau files', () => {
  test('too small for the circuit: PV108', async () => {
    await expectNothingWritten({ ptau: await makeTestPtau(dir, 4) }, /PV108.*power 4 < 7/);
  });

  test('truncated: PV104', async () => {
    await expectNothingWritten({ ptau: corrupted(ptau, (b) => b.subarray(0, b.length - 1000)) }, /PV104/);
  });

  test('corrupt points in the Lagrange block the circuit uses: PV211, and the key is not cached', async () => {
    const domain = 2 ** requiredPower(1, 1);
    expect(domain).toBeLessThanOrEqual(128);
    const bad = corrupted(ptau, (b) => {
      const s = section(b, 12);
      for (let m = 1; m <= 256; m *= 2) b.fill(0x5a, s.start + (m - 1) * 64, s.start + (2 * m - 1) * 64);
      return b;
    });
    await expectNothingWritten({ ptau: bad }, /PV211.*key derived from .*corrupt-/);
    expect(fs.readdirSync(path.join(dir, 'cache', 'keys')).filter((f) => f.endsWith('.zkey'))).toHaveLength(1);
  });
});

describe('--zkey', () => {
  const key = () => path.join(proved, PROOF_FILES.zkey);

  test('the key of this circuit proves without a ptau or the cache, and verifies on chain', async () => {
    const out = path.join(dir, 'with-zkey');
    const result = await runProve({ module: moduleFile, input: inputFile, out, zkey: key(), log: quiet });
    expect(result.verified).toBe(true);
    expect(result.timings.keyCached).toBe(false);
    expect((await runOnchainVerify({ dir: out })).verified).toBe(true);
  });

  test('a key without a phase-2 contribution (delta = 1) proves, with a WARNING', async () => {
    const bare = path.join(dir, 'bare.zkey');
    await snarkjs.zKey.newZKey(path.join(proved, PROOF_FILES.r1cs), ptau, bare, { debug: quiet, info: quiet, warn: quiet, error: quiet });
    const lines: string[] = [];
    const result = await runProve({ module: moduleFile, input: inputFile, out: path.join(dir, 'bare'), zkey: bare, log: (l) => lines.push(l) });
    expect(result.verified).toBe(true);
    expect(lines).toContain('WARNING: the proving key has no phase-2 contribution (delta = 1): anyone can forge proofs for it');
    const withContribution: string[] = [];
    await runProve({ module: moduleFile, input: inputFile, out: path.join(dir, 'contributed'), zkey: key(), log: (l) => withContribution.push(l) });
    expect(withContribution.filter((l) => l.startsWith('WARNING'))).toEqual([]);
  });

  test('a file that is not a key: PV205; a missing one: PV204', async () => {
    await expectNothingWritten({ zkey: moduleFile }, /PV205/);
    await expectNothingWritten({ zkey: path.join(dir, 'missing.zkey') }, /PV204/);
  });

  test('a truncated key: PV206', async () => {
    await expectNothingWritten({ zkey: corrupted(key(), (b) => b.subarray(0, b.length - 64)) }, /PV206/);
  });

  test('a key whose H points are corrupt: PV211', async () => {
    const bad = corrupted(key(), (b) => {
      const s = section(b, 9);
      return b.fill(0x33, s.start, s.start + s.size);
    });
    await expectNothingWritten({ zkey: bad }, /PV211/);
  });

  test('a key for a circuit of another shape: PV208 naming the mismatch', async () => {
    await expectNothingWritten({ zkey: key(), publicInputs: true }, /PV208.*public signals: key 2, circuit 5/);
  });

  test('a key for another circuit of the same shape (another bias, output 9 instead of 8): PV211', async () => {
    const other = writeText(dir, 'other.ll', tinyModule().replace('[i64 10, i64 -20]', '[i64 10, i64 -4]'));
    await expectNothingWritten({ zkey: key(), module: other }, /PV211/);
  });
});
