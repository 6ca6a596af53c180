import { Attr, DType, FixedInfo, Graph, Node, Stage, Tensor, TirFile, ValueInfo, numel } from '../model';
import { ErrorSite, IrErrors, raise, withFile } from '../errors';
import { dtypeSize, isDType, typedArrayFor } from '../tensor';
import { TIR_HEADER_SIZE, TIR_MAGIC, TIR_VERSION, TirFileType } from './schema';

/** A decoded protobuf object (plain JS via toObject); checked field by field below. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Msg = any;

const TO_OBJECT = { longs: String, defaults: true, arrays: true, objects: true, oneofs: true };
const STAGES: Stage[] = ['float', 'fixed', 'accel'];

/** Parses a binary .tir: IR001 bad magic, IR002 unsupported version, IR003 corrupt payload. */
export function decodeTir(bytes: Uint8Array, fileName?: string): TirFile {
  const site: ErrorSite = fileName ? { file: fileName } : {};
  checkHeader(bytes, site);
  let msg: Msg;
  try {
    msg = TirFileType.toObject(TirFileType.decode(bytes.subarray(TIR_HEADER_SIZE)), TO_OBJECT);
  } catch (e) {
    return raise(IrErrors.CORRUPT, site, (e as Error).message);
  }
  return fileName ? withFile(fileName, () => fileFromMessage(msg)) : fileFromMessage(msg);
}

/** Whether bytes start like a binary .tir. */
export function hasTirMagic(bytes: Uint8Array): boolean {
  return bytes.length >= TIR_MAGIC.length && Buffer.from(bytes.subarray(0, TIR_MAGIC.length)).toString('latin1') === TIR_MAGIC;
}

function checkHeader(bytes: Uint8Array, site: ErrorSite): void {
  if (!hasTirMagic(bytes)) {
    raise(IrErrors.BAD_MAGIC, site, `the file starts with ${preview(bytes)}; expected an onnx-zk .tir file starting with ${TIR_MAGIC}`);
  }
  if (bytes.length < TIR_HEADER_SIZE) raise(IrErrors.CORRUPT, site, `the file ends inside its ${TIR_HEADER_SIZE}-byte header`);
  const version = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (version !== TIR_VERSION) raise(IrErrors.BAD_VERSION, site, `format version ${version}; this onnx-zk reads version ${TIR_VERSION}`);
}

/** The first bytes, as text when printable, else as hex. */
function preview(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'nothing (empty file)';
  const head = Buffer.from(bytes.subarray(0, 8));
  const text = head.toString('latin1');
  return /^[\x20-\x7e]*$/.test(text) ? JSON.stringify(text) : `bytes ${head.toString('hex')}`;
}

function corrupt(details: string): never {
  return raise(IrErrors.CORRUPT, {}, details);
}

function fileFromMessage(msg: Msg): TirFile {
  if (!msg.graph) corrupt('no graph');
  return { producer: msg.producer, graph: graphFromMessage(msg.graph) };
}

function graphFromMessage(m: Msg): Graph {
  if (!STAGES.includes(m.stage)) corrupt(`unknown stage '${m.stage}'`);
  const values = new Map<string, ValueInfo>(m.values.map((v: Msg) => [v.name, valueInfoFromMessage(v)]));
  const constants = new Map<string, Tensor>(m.constants.map((c: Msg) => [c.name, tensorFromMessage(c.tensor, `constant '${c.name}'`)]));
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.metadata)) metadata[k] = String(v);
  return {
    name: m.name,
    stage: m.stage,
    opset: Number(m.opset),
    inputs: m.inputs,
    outputs: m.outputs,
    values,
    constants,
    nodes: m.nodes.map(nodeFromMessage),
    metadata,
  };
}

function shapeFrom(dims: string[], what: string): number[] {
  const shape = dims.map(Number);
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) corrupt(`${what} has shape [${dims.join(',')}]`);
  return shape;
}

function dtypeFrom(s: string, what: string): DType {
  return isDType(s) ? s : corrupt(`${what} has unknown dtype '${s}'`);
}

/** Copies bytes into a fresh, aligned buffer and views them as the dtype's typed array. */
function typedFromBytes(dtype: DType, bytes: Uint8Array, n: number, what: string) {
  if (!bytes || bytes.length !== n * dtypeSize(dtype)) corrupt(`${what} needs ${n * dtypeSize(dtype)} bytes, has ${bytes?.length ?? 0}`);
  const data = typedArrayFor(dtype, n);
  new Uint8Array(data.buffer).set(bytes);
  return data;
}

export function tensorFromMessage(m: Msg, what: string): Tensor {
  if (!m) corrupt(`${what} has no tensor`);
  const dtype = dtypeFrom(m.dtype, what);
  const shape = shapeFrom(m.shape, what);
  return { dtype, shape, data: typedFromBytes(dtype, m.data, numel(shape), what) };
}

function valueInfoFromMessage(m: Msg): ValueInfo {
  const what = `value '${m.name}'`;
  const info: ValueInfo = { name: m.name, dtype: dtypeFrom(m.dtype, what), shape: shapeFrom(m.shape, what) };
  if (m.fixed) info.fixed = fixedFromMessage(m.fixed, what);
  return info;
}

function fixedFromMessage(m: Msg, what: string): FixedInfo {
  const n = (m.lo?.length ?? 0) / 8;
  if (!Number.isInteger(n)) corrupt(`${what} lo has ${m.lo.length} bytes, not a whole number of int64`);
  const lo = typedFromBytes('int64', m.lo, n, `${what} lo`) as BigInt64Array;
  const hi = typedFromBytes('int64', m.hi, n, `${what} hi`) as BigInt64Array;
  return { frac: m.frac, lo, hi };
}

function nodeFromMessage(m: Msg): Node {
  const attrs: Record<string, Attr> = {};
  for (const a of m.attrs) attrs[a.name] = attrFromMessage(a, `attribute '${a.name}' of node '${m.name}'`);
  return { op: m.op, name: m.name, inputs: m.inputs, outputs: m.outputs, attrs, loc: m.loc };
}

function attrFromMessage(a: Msg, what: string): Attr {
  switch (a.kind) {
    case 'i': return { type: 'int', value: Number(a.i) };
    case 'f': return { type: 'float', value: a.f };
    case 's': return { type: 'string', value: a.s };
    case 'ints': return { type: 'ints', value: a.ints.values.map(Number) };
    case 'floats': return { type: 'floats', value: a.floats.values };
    case 'strings': return { type: 'strings', value: a.strings.values };
    case 't': return { type: 'tensor', value: tensorFromMessage(a.t, what) };
    default: return corrupt(`${what} has no value`);
  }
}
