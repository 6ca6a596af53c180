/** onnx-zk-prover's `verify --onchain` and `prove --zkey`, run in-process as runCli would. */
import * as fs from 'fs';
import * as path from 'path';
import { PROOF_FILES, runProve } from '../src';
import { cli } from './helpers/cli';
import { tempDir, writeText } from './helpers/tmp';
import { tinyModule, TINY_INPUT } from './helpers/tiny-circuit';

const dir = tempDir();
const moduleFile = writeText(dir, 'tiny.ll', tinyModule());
const inputFile = writeText(dir, 'input.json', JSON.stringify(TINY_INPUT));
const proved = path.join(dir, 'proved');
const savedCache = process.env.ONNX_ZK_CACHE;

beforeAll(async () => {
  process.env.ONNX_ZK_CACHE = path.join(dir, 'cache');
  await runProve({ module: moduleFile, input: inputFile, out: proved, log: () => undefined });
});

afterAll(async () => {
  if (savedCache === undefined) delete process.env.ONNX_ZK_CACHE;
  else process.env.ONNX_ZK_CACHE = savedCache;
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } }).curve_bn128?.terminate();
});

describe('onnx-zk-prover verify --onchain', () => {
  test('prints the on-chain result with its gas, exit 0', async () => {
    const r = await cli('verify', proved, '--onchain');
    expect(r.stdout).toMatch(/^verified: true\non-chain: verifyProof = true, gas 2\d\d,\d{3} \(execution \d{3},\d{3}, 2 public signals; Verifier\.sol compiled with solc 0\.8\.30\)\n$/);
    expect(r.code).toBe(0);
  });

  test('without --onchain no EVM runs', async () => {
    expect(await cli('verify', proved)).toMatchObject({ code: 0, stdout: 'verified: true\n' });
  });

  test('a changed public signal: false on both, exit 1', async () => {
    const copy = fs.mkdtempSync(path.join(dir, 'tampered-'));
    for (const f of fs.readdirSync(proved)) fs.copyFileSync(path.join(proved, f), path.join(copy, f));
    const signals: string[] = JSON.parse(fs.readFileSync(path.join(copy, PROOF_FILES.public), 'utf8'));
    fs.writeFileSync(path.join(copy, PROOF_FILES.public), JSON.stringify([signals[0], String(BigInt(signals[1]) + 1n)]));
    const r = await cli('verify', copy, '--onchain');
    expect(r.stdout).toMatch(/^verified: false\non-chain: verifyProof = false, .*verifyProof returned false\n$/);
    expect(r.code).toBe(1);
  });
});

describe('onnx-zk-prover prove --zkey', () => {
  test('a key for a circuit of another shape: PV208 on one line, exit 1, no output folder', async () => {
    const out = path.join(dir, 'wrong-key');
    const r = await cli('prove', moduleFile, '--input', inputFile, '--out', out, '--zkey', path.join(proved, PROOF_FILES.zkey), '--public-inputs');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error PV208: proving key is for another circuit: public signals: key 2, circuit 5/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('--zkey with --ptau is a usage error (exit 2)', async () => {
    const r = await cli('prove', moduleFile, '--input', inputFile, '--out', path.join(dir, 'x'), '--zkey', 'a.zkey', '--ptau', 'b.ptau');
    expect(r.code).toBe(2);
  });
});
