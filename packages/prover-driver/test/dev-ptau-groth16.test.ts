/**
 * Groth16 round trips through snarkjs on an INSECURE development ptau of power 4: one circuit
 * smaller than the ptau and one whose domain is exactly 2^4 (snarkjs then reads the tauG1
 * Lagrange block of size 2^5, the one derived without τ^31).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { devPtau } from '../src/setup';
import { snarkjs } from '../src/prove/snarkjs';
import { powerCircuit } from './helpers/power-circuit';

let dir: string;
let ptau: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-ptau-g16-'));
  ptau = await devPtau(4, { cacheDir: dir, log: () => undefined });
}, 120_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }).curve_bn128?.terminate();
});

/** The Groth16 header's domain size (zkey section 2: n8q, q, n8r, r, nVars, nPublic, domainSize). */
function zkeyDomainSize(zkey: string): number {
  const b = fs.readFileSync(zkey);
  let pos = 12;
  while (b.readUInt32LE(pos) !== 2) pos += 12 + Number(b.readBigUInt64LE(pos + 4));
  return b.readUInt32LE(pos + 12 + 4 + 32 + 4 + 32 + 8);
}

// snarkjs's domain: 2^(floor(log2(constraints + public)) + 1); 3+1 → 2^3, 14+1 → 2^4 = the ptau's power.
test.each([['small', 2], ['full', 13]])('%s circuit: prove, verify, reject a changed public signal', async (name, k) => {
  const c = powerCircuit(dir, String(name), 3n, Number(k));
  const zkey = path.join(dir, `${name}.zkey`);
  const errors: string[] = [];
  const logger = { debug: () => undefined, info: () => undefined, warn: (m: string) => errors.push(m), error: (m: string) => errors.push(m) };
  await snarkjs.zKey.newZKey(c.r1cs, ptau, zkey, logger);
  expect(errors).toEqual([]);
  expect(zkeyDomainSize(zkey)).toBe(name === 'full' ? 16 : 8);
  const vkey = await snarkjs.zKey.exportVerificationKey(zkey);
  const { proof, publicSignals } = await snarkjs.groth16.prove(zkey, c.wtns);
  expect(publicSignals).toEqual([c.y.toString()]);
  expect(await snarkjs.groth16.verify(vkey, publicSignals, proof)).toBe(true);
  expect(await snarkjs.groth16.verify(vkey, [(c.y + 1n).toString()], proof)).toBe(false);
}, 120_000);
