import * as fs from 'fs';
import * as path from 'path';
import { cli as runCli } from './helpers/cli';
import { makeTestPtau } from './helpers/test-ptau';
import { tempDir, writeText } from './helpers/tmp';
import { tinyModule, TINY_INPUT } from './helpers/tiny-circuit';

const dir = tempDir();
const moduleFile = writeText(dir, 'tiny.ll', tinyModule());
const inputFile = writeText(dir, 'input.json', JSON.stringify(TINY_INPUT));
const savedCache = process.env.ONNX_ZK_CACHE;
let stdout: string;
let stderr: string;

/** Runs the CLI in-process (helpers/cli.ts); keeps what it printed in `stdout` / `stderr`. */
async function cli(...argv: string[]): Promise<number> {
  const r = await runCli(...argv);
  ({ stdout, stderr } = r);
  return r.code;
}

beforeAll(() => { process.env.ONNX_ZK_CACHE = path.join(dir, 'cache'); });
afterAll(async () => {
  if (savedCache === undefined) delete process.env.ONNX_ZK_CACHE;
  else process.env.ONNX_ZK_CACHE = savedCache;
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } }).curve_bn128?.terminate();
});

describe('onnx-zk-prover', () => {
  test('--help lists the commands', async () => {
    expect(await cli('--help')).toBe(0);
    for (const c of ['prove <module>', 'verify <dir>', 'assign <module>', 'insecure-dev-zkey <r1cs>', 'insecure-dev-ptau <power>']) expect(stdout).toContain(c);
  });

  test('a usage error exits 2 and runs nothing', async () => {
    expect(await cli()).toBe(2);
    expect(stderr).toMatch(/give a command/);
    expect(await cli('prove', moduleFile)).toBe(2);
    expect(stderr).toBe("onnx-zk-prover: Missing required arguments: input, out\nRun 'onnx-zk-prover --help' for usage.\n");
    expect(await cli('verify', dir, '--bogus')).toBe(2);
    expect(stderr).toMatch(/Unknown argument: bogus/);
  });

  test('assign prints the outputs and writes three files', async () => {
    const out = path.join(dir, 'assigned');
    expect(await cli('assign', moduleFile, '--input', inputFile, '--out', out)).toBe(0);
    expect(stdout).toMatch(/^y = \[0, 8\] \(frac 4\)$/m);
    expect(fs.readdirSync(out).sort()).toEqual(['circuit.r1cs', 'circuit.sym', 'witness.wtns']);
  });

  test('a user error exits 1 with one coded line naming the file', async () => {
    const missing = path.join(dir, 'missing.bc');
    expect(await cli('assign', missing, '--input', inputFile, '--out', path.join(dir, 'x'))).toBe(1);
    expect(stderr.trim()).toBe(`${missing}: error PV002: cannot read the LLVM module: no such file`);
  });

  test('prove --backend names the backend the module must have been selected for: PV017, exit 1, nothing written', async () => {
    const out = path.join(dir, 'wrong-backend');
    expect(await cli('prove', moduleFile, '--input', inputFile, '--out', out, '--backend', 'groth16-cr')).toBe(1);
    expect(stderr).toMatch(/error PV017: the module was selected for another proving backend: selected for groth16, --backend groth16-cr/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('prove then verify; verify exits 1 when the proof is changed', async () => {
    const ptau = await makeTestPtau(dir, 8);
    const out = path.join(dir, 'proved');
    expect(await cli('prove', moduleFile, '-i', inputFile, '-o', out, '--ptau', ptau, '--public-inputs')).toBe(0);
    expect(stdout).toContain('y = [0, 0.5]');
    expect(stdout).toContain('verified: true');
    expect(JSON.parse(fs.readFileSync(path.join(out, 'public.json'), 'utf8'))).toHaveLength(5);
    expect(await cli('verify', out)).toBe(0);
    expect(stdout).toBe('verified: true\n');
    fs.writeFileSync(path.join(out, 'public.json'), JSON.stringify(['0', '8', '16', '1', '36']));
    expect(await cli('verify', out)).toBe(1);
    expect(stdout).toBe('verified: false\n');
  });

  test('insecure-dev-zkey writes keys snarkjs proves with; insecure-dev-ptau a prepared ptau; both warn', async () => {
    const out = path.join(dir, 'for-key');
    expect(await cli('assign', moduleFile, '--input', inputFile, '--out', out)).toBe(0);
    const zkey = path.join(dir, 'insecure-dev.zkey');
    expect(await cli('insecure-dev-zkey', path.join(out, 'circuit.r1cs'), '--out', zkey)).toBe(0);
    expect(stderr).toMatch(/^WARNING: insecure development setup \(Groth16 keys/);
    expect(stdout).toMatch(/insecure-dev\.zkey: domain 2\^7, 64 wires, 2 public signals/);
    const proved = path.join(dir, 'proved-dev-key');
    expect(await cli('prove', moduleFile, '-i', inputFile, '-o', proved, '--zkey', zkey)).toBe(0);
    expect(stdout).toContain('verified: true');
    const ptau = path.join(dir, 'insecure-dev-3.ptau');
    expect(await cli('insecure-dev-ptau', '3', '--out', ptau)).toBe(0);
    expect(stderr).toMatch(/^WARNING: insecure development setup \(powers of tau/);
    expect(stdout).toContain('prepared ptau of power 3');
  });

  test('insecure-dev-zkey on a file that is not an r1cs: PV112, exit 1, no key', async () => {
    const bogus = writeText(dir, 'bogus.r1cs', 'not an r1cs file at all');
    const zkey = path.join(dir, 'bogus.zkey');
    expect(await cli('insecure-dev-zkey', bogus, '--out', zkey)).toBe(1);
    expect(stderr).toMatch(/error PV112: truncated or corrupt r1cs file/);
    expect(fs.existsSync(zkey)).toBe(false);
  });
});
