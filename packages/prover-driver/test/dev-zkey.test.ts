/**
 * The INSECURE development proving key written directly (src/setup/dev-zkey.ts) against snarkjs's
 * own derivation: from a dev ptau made with the same τ, α, β and δ = 1 (no contribution), snarkjs
 * newZKey must write byte-identical sections 1–9. Then keys with a random δ prove and verify with
 * snarkjs unchanged, and a changed public signal is rejected.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConstraintSystem, lcAdd, lcConstant, lcScale, lcWire, writeR1cs, writeWtns } from '@onnx-zk/zk-accelerator-components';
import { generateDevPtau } from '../src/setup';
import { generateDevZkey, requiredPower } from '../src/setup/dev-zkey';
import { randomFr } from '../src/setup/secrets';
import { readCoefficient } from '../src/setup/r1cs-stream';
import { snarkjs } from '../src/prove/snarkjs';
import { powerCircuit } from './helpers/power-circuit';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-zkey-'));
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }).curve_bn128?.terminate();
});

const P = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const neg = (v: bigint) => (P - v) % P;

/**
 * A circuit that exercises every kind of term: a public input x, private u and v, two public
 * outputs (one a linear combination, one a wire), constants and negative coefficients in A, B and C.
 */
function mixedCircuit(name: string): { r1cs: string; wtns: string; publicSignals: string[] } {
  const cs = new ConstraintSystem();
  const [xv, uv, vv] = [3n, 5n, 11n];
  const x = cs.newWire(xv, 'x');
  const u = cs.newWire(uv, 'u');
  const v = cs.newWire(vv, 'v');
  const w1 = cs.newWire(xv * uv, 'w1');
  cs.constrain(x, u, w1, 'w1');
  const left = lcAdd(lcAdd(u.lc, v.lc, 3n), lcConstant(neg(7n)));
  const right = lcAdd(x.lc, u.lc, neg(2n));
  const w2v = ((uv + 3n * vv - 7n) * (xv - 2n * uv) % P + P) % P;
  const w2 = cs.newWire(w2v, 'w2');
  cs.constrain(left, right, w2, 'w2');
  const y2 = cs.newWire((w2v * vv) % P, 'y2');
  cs.constrain(w2, v, lcAdd(lcWire(y2.lc.keys().next().value as number), lcConstant(0n)), 'y2');
  const big = (1n << 100n) + 12345n; // a coefficient that is neither small nor a small negative
  const w3 = cs.newWire((uv * big * vv) % P, 'w3');
  cs.constrain(u, lcScale(v.lc, big), w3, 'w3');
  const y1 = { lc: lcAdd(lcAdd(lcAdd(w1.lc, w2.lc), lcConstant(neg(4n))), w3.lc), value: (xv * uv + w2v - 4n + (uv * big * vv) % P + P) % P };
  const r1cs = cs.finalize({ outputs: [y1, y2], publicInputs: [x], privateInputs: [u, v] });
  const files = { r1cs: path.join(dir, `${name}.r1cs`), wtns: path.join(dir, `${name}.wtns`) };
  writeR1cs(files.r1cs, r1cs);
  writeWtns(files.wtns, r1cs.witness);
  return { ...files, publicSignals: [y1.value, y2.value, xv].map(String) };
}

/** Section id → bytes of an iden3 binary file. */
function sections(file: string): Map<number, Buffer> {
  const b = fs.readFileSync(file);
  const out = new Map<number, Buffer>();
  for (let pos = 12; pos < b.length;) {
    const size = Number(b.readBigUInt64LE(pos + 4));
    out.set(b.readUInt32LE(pos), b.subarray(pos + 12, pos + 12 + size));
    pos += 12 + size;
  }
  return out;
}

test.each([
  ['mixed', () => mixedCircuit('mixed')],
  ['power', () => powerCircuit(dir, 'power', 3n, 9)],
])('%s circuit: sections 1–9 equal snarkjs newZKey on a dev ptau with the same secrets', async (name, make) => {
  const c = make();
  const secrets = { tau: randomFr(), alpha: randomFr(), beta: randomFr() };
  const info = sections(c.r1cs).get(1)!;
  const power = requiredPower(info.readUInt32LE(4 + 32 + 24), info.readUInt32LE(4 + 32 + 4) + info.readUInt32LE(4 + 32 + 8));
  // one power above the circuit's, so snarkjs reads a true Lagrange block for H (the top block of
  // a ptau is derived without τ^(2n−1); both bases prove, but only one can be compared byte-wise)
  const ptau = path.join(dir, `${name}.ptau`);
  await generateDevPtau(power + 1, ptau, { secrets: { ...secrets, keyBlinders: [randomFr(), randomFr(), randomFr()] } });
  const theirs = path.join(dir, `${name}.snarkjs.zkey`);
  await snarkjs.zKey.newZKey(c.r1cs, ptau, theirs);
  const ours = path.join(dir, `${name}.dev.zkey`);
  const result = await generateDevZkey(c.r1cs, ours, { secrets: { ...secrets, delta: 1n }, chunkSize: 4 });
  expect(result.power).toBe(power);
  const [a, b] = [sections(theirs), sections(ours)];
  for (let id = 1; id <= 9; id++) {
    expect({ id, bytes: b.get(id)?.toString('hex') }).toEqual({ id, bytes: a.get(id)!.toString('hex') });
  }
  expect(b.get(10)!.length).toBe(64 + 4); // circuit hash, no contributions
}, 120_000);

test('a key with a random delta proves and verifies with snarkjs; a changed public signal is rejected', async () => {
  const c = mixedCircuit('mixed-random');
  const zkey = path.join(dir, 'random.zkey');
  const lines: string[] = [];
  await generateDevZkey(c.r1cs, zkey, { log: (l) => lines.push(l) });
  expect(lines.join('\n')).toMatch(/insecure dev key 2\^4: .* written in \d+ ms/);
  const vkey = await snarkjs.zKey.exportVerificationKey(zkey);
  const { proof, publicSignals } = await snarkjs.groth16.prove(zkey, c.wtns);
  expect(publicSignals).toEqual(c.publicSignals);
  expect(await snarkjs.groth16.verify(vkey, publicSignals, proof)).toBe(true);
  const changed = [...publicSignals];
  changed[2] = String(BigInt(changed[2]) + 1n);
  expect(await snarkjs.groth16.verify(vkey, changed, proof)).toBe(false);
}, 120_000);

test('readCoefficient: small values, small negatives (r − s) and everything else, each congruent mod r', () => {
  const le = (v: bigint) => Buffer.from(v.toString(16).padStart(64, '0'), 'hex').reverse();
  const low = P & ((1n << 64n) - 1n);
  for (const v of [0n, 1n, (1n << 64n) - 1n, 1n << 64n, P - 1n, P - low, P - low - 1n, P - 12345n, (1n << 200n) + 7n, P + 5n]) {
    const got = readCoefficient(le(v), 0);
    expect(((got % P) + P) % P).toBe(v % P);
  }
  expect(readCoefficient(le(P - 3n), 0)).toBe(-3n);
  expect(readCoefficient(le(42n), 0)).toBe(42n);
});

test('two keys for the same circuit differ (fresh secrets each time)', async () => {
  const c = powerCircuit(dir, 'twice', 2n, 3);
  const [k1, k2] = [path.join(dir, 'k1.zkey'), path.join(dir, 'k2.zkey')];
  await generateDevZkey(c.r1cs, k1);
  await generateDevZkey(c.r1cs, k2);
  expect(sections(k1).get(2)!.equals(sections(k2).get(2)!)).toBe(false);
}, 60_000);

test.each([
  ['truncated', (b: Buffer) => b.subarray(0, b.length - 40), /PV112.*(ends inside a constraint|shorter than its section table)/],
  ['not an r1cs', (b: Buffer) => Buffer.concat([Buffer.from('wtns'), b.subarray(4)]), /PV112.*magic/],
  ['empty', () => Buffer.alloc(0), /PV112.*too short/],
])('%s r1cs: coded error and no key written', async (_name, mutate, message) => {
  const c = powerCircuit(dir, `bad-${_name}`, 2n, 3);
  fs.writeFileSync(c.r1cs, mutate(fs.readFileSync(c.r1cs)));
  const zkey = path.join(dir, `bad-${_name}.zkey`);
  await expect(generateDevZkey(c.r1cs, zkey)).rejects.toThrow(message);
  expect(fs.readdirSync(dir).filter((f) => f.startsWith(`bad-${_name}.zkey`))).toEqual([]);
});
