/** ptauInfo / ptauPower / assertPtauFits: coded PV1xx errors naming the file, never a crash. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OnnxZkError } from '@onnx-zk/tensor-ir';
import { assertPtauFits, generateDevPtau, ptauInfo, ptauPower } from '../src/setup';

let dir: string;
let good: Buffer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-ptau-read-'));
  await generateDevPtau(4, path.join(dir, 'good.ptau'));
  good = fs.readFileSync(path.join(dir, 'good.ptau'));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer | string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
}

/** A copy of the good file with `edit` applied. */
function edited(name: string, edit: (b: Buffer) => Buffer | void): string {
  const b = Buffer.from(good);
  return write(name, edit(b) ?? b);
}

async function codeOf(p: Promise<unknown>): Promise<{ code: string; mentionsFile: boolean }> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(OnnxZkError);
  const err = e as OnnxZkError;
  return { code: err.code, mentionsFile: err.message.includes(String(err.site.file)) && err.site.file !== undefined };
}

// Header section 1 starts at byte 12 + 12 = 24: n8 (4), q (32), power (4), ceremony power (4).
const HEADER = 24;

test('reads power and preparation of a good file', async () => {
  const f = path.join(dir, 'good.ptau');
  expect(await ptauPower(f)).toBe(4);
  expect(await ptauInfo(f)).toEqual({ power: 4, ceremonyPower: 4, prepared: true });
  expect(await assertPtauFits(f, 4)).toMatchObject({ power: 4 });
});

test.each<[string, () => string, string]>([
  ['missing file', () => path.join(dir, 'nope.ptau'), 'PV101'],
  ['garbage', () => write('garbage.ptau', 'this is not a ptau file at all'), 'PV102'],
  ['empty file', () => write('empty.ptau', ''), 'PV102'],
  ['a zkey-like magic', () => edited('zkey.ptau', (b) => { b.write('zkey', 0, 'latin1'); }), 'PV102'],
  ['version 2', () => edited('v2.ptau', (b) => { b.writeUInt32LE(2, 4); }), 'PV103'],
  ['cut in half', () => edited('half.ptau', (b) => b.subarray(0, b.length >> 1)), 'PV104'],
  ['cut inside the section table', () => edited('cut.ptau', (b) => b.subarray(0, 30)), 'PV104'],
  ['sections sized for another power', () => edited('power5.ptau', (b) => { b.writeUInt32LE(5, HEADER + 36); }), 'PV104'],
  ['power 0', () => edited('power0.ptau', (b) => { b.writeUInt32LE(0, HEADER + 36); }), 'PV105'],
  ['header of the wrong size', () => edited('hdr.ptau', (b) => { b.writeBigUInt64LE(40n, 16); }), 'PV104'],
  ['another curve', () => edited('bls.ptau', (b) => { b[HEADER + 4] ^= 1; }), 'PV106'],
  ['48-byte base field', () => edited('n8.ptau', (b) => { b.writeUInt32LE(48, HEADER); }), 'PV106'],
])('%s → %s', async (_what, make, code) => {
  expect(await codeOf(ptauPower(make()))).toEqual({ code, mentionsFile: true });
});

test('a file without Lagrange sections is not prepared', async () => {
  // Keep the header, sections 2–7 and declare 7 sections: what the ceremony has before preparePhase2.
  const b = Buffer.from(good);
  let pos = 12;
  for (let i = 0; i < 7; i++) pos += 12 + Number(b.readBigUInt64LE(pos + 4));
  b.writeUInt32LE(7, 8);
  const f = write('raw.ptau', b.subarray(0, pos));
  expect(await ptauInfo(f)).toMatchObject({ power: 4, prepared: false });
  expect(await codeOf(assertPtauFits(f, 3))).toEqual({ code: 'PV107', mentionsFile: true });
});

test('a ptau smaller than the circuit needs', async () => {
  expect(await codeOf(assertPtauFits(path.join(dir, 'good.ptau'), 5))).toEqual({ code: 'PV108', mentionsFile: true });
});
