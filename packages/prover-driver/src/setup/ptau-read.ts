/**
 * Reads and checks the header of a .ptau file (iden3 binary sections; section 1 = n8, q, power,
 * ceremony power) without loading its points, and checks the section sizes against the power,
 * so a truncated or foreign file is a coded error rather than a snarkjs crash.
 */
import { promises as fsp } from 'fs';
import { raise } from '@onnx-zk/tensor-ir';
import { Q } from './bn254';
import { SetupErrors } from './errors';

export interface PtauInfo {
  /** Circuits of up to 2^power constraints (counting public signals) fit. */
  power: number;
  ceremonyPower: number;
  /** Sections 12–15 (Lagrange bases) are present: the file went through preparePhase2. */
  prepared: boolean;
}

const HEADER_BYTES = 44;

/** Expected byte size of a point section for this power (G1 64 bytes, G2 128). */
function expectedSize(id: number, power: number): number | undefined {
  const n = 2 ** power;
  const sizes: Record<number, number> = {
    2: (2 * n - 1) * 64, 3: n * 128, 4: n * 64, 5: n * 64, 6: 128,
    12: (4 * n - 1) * 64, 13: (2 * n - 1) * 128, 14: (2 * n - 1) * 64, 15: (2 * n - 1) * 64,
  };
  return sizes[id];
}

async function readSections(file: string): Promise<{ fh: fsp.FileHandle; sections: Map<number, { start: number; size: number }> }> {
  const fh = await fsp.open(file, 'r').catch((e: Error) => raise(SetupErrors.PTAU_UNREADABLE, { file }, e.message));
  const fileSize = (await fh.stat()).size;
  const read = async (pos: number, len: number) => {
    const b = Buffer.alloc(len);
    const { bytesRead } = await fh.read(b, 0, len, pos);
    return bytesRead === len ? b : raise(SetupErrors.PTAU_TRUNCATED, { file }, `file ends at byte ${fileSize}`);
  };
  try {
    if (fileSize < 12 || (await read(0, 4)).toString('latin1') !== 'ptau') raise(SetupErrors.PTAU_NOT_PTAU, { file }, 'no "ptau" magic');
    const head = await read(4, 8);
    if (head.readUInt32LE(0) !== 1) raise(SetupErrors.PTAU_VERSION, { file }, `version ${head.readUInt32LE(0)}`);
    const sections = new Map<number, { start: number; size: number }>();
    let pos = 12;
    for (let i = 0; i < head.readUInt32LE(4); i++) {
      const s = await read(pos, 12);
      const id = s.readUInt32LE(0);
      const size = Number(s.readBigUInt64LE(4));
      if (pos + 12 + size > fileSize) raise(SetupErrors.PTAU_TRUNCATED, { file }, `section ${id} needs ${size} bytes, file ends at byte ${fileSize}`);
      if (sections.has(id)) raise(SetupErrors.PTAU_BAD_HEADER, { file }, `section ${id} appears twice`);
      sections.set(id, { start: pos + 12, size });
      pos += 12 + size;
    }
    return { fh, sections };
  } catch (e) {
    await fh.close();
    throw e;
  }
}

/** The header of a ptau file, checked; coded PV1xx errors for anything unusable. */
export async function ptauInfo(file: string): Promise<PtauInfo> {
  const { fh, sections } = await readSections(file);
  try {
    const header = sections.get(1);
    if (!header || header.size !== HEADER_BYTES) raise(SetupErrors.PTAU_BAD_HEADER, { file }, 'section 1 missing or not 44 bytes');
    const b = Buffer.alloc(HEADER_BYTES);
    await fh.read(b, 0, HEADER_BYTES, header.start);
    let q = 0n;
    for (let i = 31; i >= 0; i--) q = (q << 8n) | BigInt(b[4 + i]);
    if (b.readUInt32LE(0) !== 32 || q !== Q) raise(SetupErrors.PTAU_WRONG_CURVE, { file });
    const power = b.readUInt32LE(36);
    const ceremonyPower = b.readUInt32LE(40);
    if (power < 1 || power > 28) raise(SetupErrors.PTAU_BAD_HEADER, { file }, `power ${power}`);
    for (const [id, s] of sections) {
      const want = expectedSize(id, power);
      if (want !== undefined && s.size !== want) raise(SetupErrors.PTAU_TRUNCATED, { file }, `section ${id} has ${s.size} bytes, power ${power} needs ${want}`);
    }
    return { power, ceremonyPower, prepared: [12, 13, 14, 15].every((id) => sections.has(id)) };
  } finally {
    await fh.close();
  }
}

/** The power of a ptau file (from its header, checked). */
export async function ptauPower(file: string): Promise<number> {
  return (await ptauInfo(file)).power;
}

/** Checks that a user's ptau is prepared and large enough for a circuit needing 2^needed. */
export async function assertPtauFits(file: string, needed: number): Promise<PtauInfo> {
  const info = await ptauInfo(file);
  if (!info.prepared) raise(SetupErrors.PTAU_NOT_PREPARED, { file });
  if (info.power < needed) raise(SetupErrors.PTAU_TOO_SMALL, { file }, `power ${info.power} < ${needed} needed by the circuit`);
  return info;
}
