/**
 * The on-chain check: a proof made with keys from the development setup verifies with snarkjs's
 * verifier and with Verifier.sol deployed on an in-process EVM; the same proof with a public
 * signal changed is rejected by both.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkOnchain, compileVerifier, CompiledVerifier, formatOnchain, PROOF_FILES, runOnchainVerify, runProve, runVerify } from '../src';
import { tempDir, writeText } from './helpers/tmp';
import { tinyModule, TINY_INPUT } from './helpers/tiny-circuit';

const P = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const dir = tempDir();
const savedCache = process.env.ONNX_ZK_CACHE;
const proved = path.join(dir, 'proved');
let verifier: CompiledVerifier;
let proof: { pi_a: string[] };
let signals: string[];

beforeAll(async () => {
  process.env.ONNX_ZK_CACHE = path.join(dir, 'cache');
  const moduleFile = writeText(dir, 'tiny.ll', tinyModule());
  const input = writeText(dir, 'input.json', JSON.stringify(TINY_INPUT));
  await runProve({ module: moduleFile, input, out: proved, log: () => undefined });
  const file = path.join(proved, PROOF_FILES.verifier);
  verifier = compileVerifier(fs.readFileSync(file, 'utf8'), file);
  proof = JSON.parse(fs.readFileSync(path.join(proved, PROOF_FILES.proof), 'utf8'));
  signals = JSON.parse(fs.readFileSync(path.join(proved, PROOF_FILES.public), 'utf8'));
});

afterAll(async () => {
  if (savedCache === undefined) delete process.env.ONNX_ZK_CACHE;
  else process.env.ONNX_ZK_CACHE = savedCache;
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } }).curve_bn128?.terminate();
});

/** A copy of the proved folder with public.json replaced. */
function withSignals(changed: string[]): string {
  const copy = fs.mkdtempSync(path.join(dir, 'tampered-'));
  for (const f of fs.readdirSync(proved)) fs.copyFileSync(path.join(proved, f), path.join(copy, f));
  fs.writeFileSync(path.join(copy, PROOF_FILES.public), JSON.stringify(changed));
  return copy;
}

describe('on-chain verification of a development-setup proof', () => {
  test('Verifier.sol compiles with solc 0.8.30 to a verifyProof over the proof\'s public signals', () => {
    expect(verifier).toMatchObject({ contract: 'Groth16Verifier', publicSignals: 2, selector: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(verifier.solcVersion).toMatch(/^0\.8\.30\+commit\./);
  });

  test('snarkjs and the EVM both accept the untouched proof, with gas near snarkjs\'s 207k + 7.16k per signal', async () => {
    expect(await runVerify({ dir: proved })).toEqual({ verified: true });
    const r = await runOnchainVerify({ dir: proved });
    expect(r).toMatchObject({ verified: true, publicSignals: 2, contract: 'Groth16Verifier' });
    expect(r.reason).toBeUndefined();
    const anchor = 207_000 + 7_160 * 2;
    expect(Math.abs(r.gas.transaction - anchor)).toBeLessThan(0.1 * anchor);
    expect(r.gas.execution).toBeLessThan(r.gas.transaction - 21_000);
    expect(r.deployGas).toBeGreaterThan(r.gas.transaction);
    expect(formatOnchain(r)).toMatch(/^on-chain: verifyProof = true, gas \d{3},\d{3} \(execution \d{3},\d{3}, 2 public signals; Verifier\.sol compiled with solc 0\.8\.30\)$/);
  });

  test.each([
    ['an output changed by one', (s: string[]) => [s[0], String(BigInt(s[1]) + 1n)]],
    ['the outputs swapped', (s: string[]) => [s[1], s[0]]],
    ['an output negated in the field', (s: string[]) => [s[0], String((P - BigInt(s[1])) % P)]],
  ])('%s: rejected by snarkjs and by the EVM', async (_name, change) => {
    const changed = change(signals);
    expect(changed).not.toEqual(signals);
    expect((await runVerify({ dir: withSignals(changed) })).verified).toBe(false);
    const r = await checkOnchain(verifier, proof, changed);
    expect(r).toMatchObject({ verified: false, reason: 'verifyProof returned false' });
    expect(r.gas.transaction).toBeGreaterThan(100_000);
  });

  test('a signal equal to itself plus the field order (same value mod p) is refused on chain', async () => {
    const aliased = [signals[0], String(BigInt(signals[1]) + P)];
    expect(await checkOnchain(verifier, proof, aliased)).toMatchObject({ verified: false, reason: 'verifyProof returned false' });
  });

  test('a changed proof point is rejected on chain', async () => {
    const bad = { ...proof, pi_a: [String(BigInt(proof.pi_a[0]) + 1n), proof.pi_a[1], proof.pi_a[2]] };
    expect((await checkOnchain(verifier, bad, signals)).verified).toBe(false);
  });

  test('public signals of the wrong count or form are not sent', async () => {
    expect(await checkOnchain(verifier, proof, [signals[0]])).toMatchObject({ verified: false, reason: 'public.json has 1 signals, Verifier.sol expects 2' });
    expect(await checkOnchain(verifier, proof, ['0x1', '2'])).toMatchObject({ verified: false, reason: 'public.json is not a list of uint256 values' });
    expect(formatOnchain(await checkOnchain(verifier, proof, []))).toBe('on-chain: verifyProof not called (public.json has 0 signals, Verifier.sol expects 2)');
  });

  test('a Verifier.sol that does not compile is PV201, one without verifyProof PV202', () => {
    expect(() => compileVerifier('contract X { function f( }', 'bad.sol')).toThrow(/bad\.sol: error PV201/);
    expect(() => compileVerifier('pragma solidity ^0.8.0; contract X { function f() public {} }', 'x.sol')).toThrow(/x\.sol: error PV202/);
  });
});
