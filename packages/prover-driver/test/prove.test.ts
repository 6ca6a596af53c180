import * as fs from 'fs';
import * as path from 'path';
import { OnnxZkError } from '@onnx-zk/tensor-ir';
import { runProve, runVerify, PROOF_FILES, ptauInfo, INSECURE_KEY_WARNING, Timings, OutputsFile } from '../src';
import { makeTestPtau } from './helpers/test-ptau';
import { tempDir, writeText } from './helpers/tmp';
import { tinyModule, TINY_INPUT } from './helpers/tiny-circuit';

const dir = tempDir();
const cache = path.join(dir, 'cache');
const savedCache = process.env.ONNX_ZK_CACHE;
const moduleFile = writeText(dir, 'tiny.ll', tinyModule());
const inputFile = writeText(dir, 'input.json', JSON.stringify(TINY_INPUT));
const quiet = () => undefined;
let ptau: string;
let proved: string;

beforeAll(async () => {
  process.env.ONNX_ZK_CACHE = cache;
  ptau = await makeTestPtau(dir, 8);
  proved = path.join(dir, 'proved');
  await runProve({ module: moduleFile, input: inputFile, out: proved, ptau, log: quiet });
});

afterAll(async () => {
  if (savedCache === undefined) delete process.env.ONNX_ZK_CACHE;
  else process.env.ONNX_ZK_CACHE = savedCache;
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } }).curve_bn128?.terminate();
});

const readJson = <T>(d: string, name: string): T => JSON.parse(fs.readFileSync(path.join(d, name), 'utf8')) as T;

/** A copy of the proved folder with one JSON file changed. */
function tampered(name: string, change: (json: any) => void): string {
  const copy = fs.mkdtempSync(path.join(dir, 'tampered-'));
  for (const f of fs.readdirSync(proved)) fs.copyFileSync(path.join(proved, f), path.join(copy, f));
  const json = readJson<any>(copy, name);
  change(json);
  fs.writeFileSync(path.join(copy, name), JSON.stringify(json));
  return copy;
}

describe('runProve with a ceremony ptau', () => {
  test('writes every artifact', () => {
    expect(fs.readdirSync(proved).sort()).toEqual(Object.values(PROOF_FILES).sort());
    expect(fs.readFileSync(path.join(proved, PROOF_FILES.verifier), 'utf8')).toMatch(/contract Groth16Verifier/);
  });

  test('outputs.json holds the exact signed integers and their reals', () => {
    const outputs = readJson<OutputsFile>(proved, PROOF_FILES.outputs);
    expect(outputs.outputs).toEqual([{ name: 'y', shape: [1, 2], frac: 4, integers: ['0', '8'], values: [0, 0.5] }]);
    expect(readJson<string[]>(proved, PROOF_FILES.public)).toEqual(['0', '8']);
  });

  test('timings.json records phases, counts and sizes', () => {
    const t = readJson<Timings>(proved, PROOF_FILES.timings);
    for (const phase of ['assign', 'setup', 'prove', 'verify', 'total']) expect(t.seconds[phase]).toBeGreaterThanOrEqual(0);
    expect(t.constraints).toBeGreaterThan(0);
    expect(t.wires).toBeGreaterThan(t.publicSignals);
    expect(t.publicSignals).toBe(2);
    expect(t.insecureSetup).toBe(false);
    expect(t.ptauPower).toBe(8);
    expect(t.sizes[PROOF_FILES.zkey]).toBe(fs.statSync(path.join(proved, PROOF_FILES.zkey)).size);
  });

  test('runVerify accepts the untouched proof', async () => {
    await expect(runVerify({ dir: proved })).resolves.toEqual({ verified: true });
  });

  test('a changed public output does not verify', async () => {
    const d = tampered(PROOF_FILES.public, (pub: string[]) => { pub[1] = '9'; });
    expect((await runVerify({ dir: d })).verified).toBe(false);
  });

  test('a changed proof element does not verify', async () => {
    const d = tampered(PROOF_FILES.proof, (proof: { pi_c: string[] }) => { proof.pi_c[0] = (BigInt(proof.pi_c[0]) + 1n).toString(); });
    expect((await runVerify({ dir: d })).verified).toBe(false);
  });

  test('outputs.json that disagrees with public.json does not verify', async () => {
    const d = tampered(PROOF_FILES.outputs, (o: OutputsFile) => { o.outputs[0].integers[1] = '7'; o.outputs[0].values[1] = 0.4375; });
    expect(await runVerify({ dir: d })).toEqual({ verified: false, reason: expect.stringMatching(/output y\[1\].*7.*8/) });
  });

  test('a folder without proof.json is PV013', async () => {
    const d = tampered(PROOF_FILES.public, () => undefined);
    fs.rmSync(path.join(d, PROOF_FILES.proof));
    await expect(runVerify({ dir: d })).rejects.toThrow(/PV013.*proof\.json/);
  });

  test('the proving key is cached by circuit hash', async () => {
    const again = await runProve({ module: moduleFile, input: inputFile, out: path.join(dir, 'again'), ptau, log: quiet });
    expect(again.timings.keyCached).toBe(true);
    const changed = writeText(dir, 'changed.ll', tinyModule().replace('[i64 10, i64 -20]', '[i64 11, i64 -20]'));
    const other = await runProve({ module: changed, input: inputFile, out: path.join(dir, 'changed'), ptau, log: quiet });
    expect(other.timings.keyCached).toBe(false);
    expect(fs.readdirSync(path.join(cache, 'keys'))).toHaveLength(2);
  });
});

describe('runProve with the insecure development setup', () => {
  test('warns, proves and verifies', async () => {
    const lines: string[] = [];
    const out = path.join(dir, 'dev');
    const result = await runProve({ module: moduleFile, input: inputFile, out, log: (l) => lines.push(l) });
    expect(lines).toContain(INSECURE_KEY_WARNING);
    expect(lines[0]).toMatch(/^WARNING: insecure development setup/);
    expect(result.verified).toBe(true);
    expect(result.timings).toMatchObject({ insecureSetup: true, ptauPower: 7, keyCached: false });
    // the key is written directly (no ptau) and cached by circuit hash, with "insecure" in its name
    expect(fs.readdirSync(path.join(cache, 'keys')).filter((f) => f.endsWith('-insecure-dev.zkey'))).toHaveLength(1);
    await expect(runVerify({ dir: out })).resolves.toEqual({ verified: true });
    const again = await runProve({ module: moduleFile, input: inputFile, out: path.join(dir, 'dev-again'), log: (l) => lines.push(l) });
    expect(again.timings.keyCached).toBe(true);
    expect(lines.filter((l) => l === INSECURE_KEY_WARNING)).toHaveLength(2);
  });
});

describe('runProve errors leave no files', () => {
  test('a ptau too small for the circuit is PV108', async () => {
    const small = await makeTestPtau(dir, 3);
    expect(await ptauInfo(small)).toMatchObject({ power: 3, prepared: true });
    const out = path.join(dir, 'small');
    await expect(runProve({ module: moduleFile, input: inputFile, out, ptau: small, log: quiet })).rejects.toThrow(/PV108.*power 3 < 7/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('a ptau not prepared for phase 2 is PV107', async () => {
    const raw = await makeTestPtau(dir, 8, false);
    const out = path.join(dir, 'raw');
    await expect(runProve({ module: moduleFile, input: inputFile, out, ptau: raw, log: quiet })).rejects.toThrow(/PV107/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('an out-of-range input is PV010', async () => {
    const bad = writeText(dir, 'bad.json', JSON.stringify({ input_data: [[0, 0, 100]] }));
    const out = path.join(dir, 'bad-out');
    await expect(runProve({ module: moduleFile, input: bad, out, ptau, log: quiet })).rejects.toThrow(OnnxZkError);
    expect(fs.existsSync(out)).toBe(false);
  });
});
