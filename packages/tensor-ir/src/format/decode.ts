import { Attr, DType, FixedInfo, Graph, Node, Stage, Tensor, TirFile, ValueInfo, numel } from '../model';
import { ErrorSite, IrErrors, OnnxZkError, raise, withFile } from '../errors';
import { dtypeSize, isDType, typedArrayFor } from '../tensor';
import { GraphType, NamedTensorType, TIR_HEADER_SIZE, TIR_MAGIC, TIR_VERSION, ValueInfoType } from './schema';

/** A decoded protobuf object (plain JS via toObject); checked field by field below. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Msg = any;

const TO_OBJECT = { longs: String, defaults: true, arrays: true, objects: true, oneofs: true };
const STAGES: Stage[] = ['float', 'fixed', 'accel'];

/** Where a binary .tir's bytes come from: all in memory, or a file read piece by piece. */
export interface ByteSource {
  readonly length: number;
  /** The bytes [at, at + n) (n ≤ length − at); a view when they are in memory. */
  read(at: number, n: number): Uint8Array;
}

/** Parses a binary .tir: IR001 bad magic, IR002 unsupported version, IR003 corrupt payload. */
export function decodeTir(bytes: Uint8Array, fileName?: string): TirFile {
  return decodeTirFrom({ length: bytes.length, read: (at, n) => bytes.subarray(at, at + n) }, fileName);
}

/**
 * decodeTir from any source, one graph value or constant at a time: the TirFile message is walked
 * field by field and each ValueInfo and NamedTensor is decoded on its own, so reading a file never
 * holds more than the decoded graph plus its largest single value or constant (not the file's
 * bytes and the graph both). The other Graph fields are small and decoded together at the end.
 */
export function decodeTirFrom(src: ByteSource, fileName?: string): TirFile {
  const site: ErrorSite = fileName ? { file: fileName } : {};
  checkHeader(src.read(0, Math.min(src.length, TIR_HEADER_SIZE)), site);
  const decode = () => {
    try {
      return walkTirFile(src);
    } catch (e) {
      if (e instanceof OnnxZkError) throw e;
      return raise(IrErrors.CORRUPT, site, (e as Error).message);
    }
  };
  return fileName ? withFile(fileName, decode) : decode();
}

/** One field of a message: number, wire type, the value's span [start, end) and where its tag starts. */
interface Field {
  no: number;
  wire: number;
  start: number;
  end: number;
  tagAt: number;
}

/** Reads a base-128 varint at `at` (below `end`); lengths may pass 2^32, so no 32-bit arithmetic. */
function varintAt(src: ByteSource, at: number, end: number): { value: number; next: number } {
  const bytes = src.read(at, Math.min(10, end - at));
  let value = 0;
  for (let i = 0, scale = 1; i < bytes.length; i++, scale *= 128) {
    value += (bytes[i] & 0x7f) * scale;
    if (bytes[i] < 0x80) return { value, next: at + i + 1 };
  }
  throw new Error(`truncated or invalid varint at byte ${at}`);
}

/** Calls fn for each field of the message in [start, end). */
function forEachField(src: ByteSource, start: number, end: number, fn: (f: Field) => void): void {
  for (let at = start; at < end;) {
    const tag = varintAt(src, at, end);
    const [no, wire] = [Math.floor(tag.value / 8), tag.value % 8];
    let [valueStart, valueEnd] = [tag.next, tag.next];
    if (wire === 0) valueEnd = varintAt(src, tag.next, end).next;
    else if (wire === 1) valueEnd = tag.next + 8;
    else if (wire === 5) valueEnd = tag.next + 4;
    else if (wire === 2) {
      const len = varintAt(src, tag.next, end);
      [valueStart, valueEnd] = [len.next, len.next + len.value];
    } else throw new Error(`invalid wire type ${wire} at byte ${at}`);
    if (no === 0 || valueEnd > end) throw new Error(`index out of range: field ${no} at byte ${at} ends at ${valueEnd} of ${end}`);
    fn({ no, wire, start: valueStart, end: valueEnd, tagAt: at });
    at = valueEnd;
  }
}

function walkTirFile(src: ByteSource): TirFile {
  let producer = '';
  const graph = new GraphReader(src);
  let hasGraph = false;
  forEachField(src, TIR_HEADER_SIZE, src.length, (f) => {
    if (f.no === 1 && f.wire === 2) producer = Buffer.from(src.read(f.start, f.end - f.start)).toString('utf8');
    else if (f.no === 2 && f.wire === 2) {
      hasGraph = true;
      forEachField(src, f.start, f.end, (g) => graph.field(g));
    }
  });
  if (!hasGraph) corrupt('no graph');
  return { producer, graph: graph.finish() };
}

/** Graph fields 6 (values) and 7 (constants) one at a time; the rest kept raw for the end. */
class GraphReader {
  private readonly values = new Map<string, ValueInfo>();
  private readonly constants = new Map<string, Tensor>();
  /** Values whose bounds are their constant's data, resolved once every constant is read. */
  private readonly points: ValueInfo[] = [];
  private readonly rest: Uint8Array[] = [];

  constructor(private readonly src: ByteSource) {}

  field(f: Field): void {
    const bytes = () => this.src.read(f.start, f.end - f.start);
    if (f.no === 6 && f.wire === 2) {
      const m: Msg = ValueInfoType.toObject(ValueInfoType.decode(bytes()), TO_OBJECT);
      const info = valueInfoFromMessage(m);
      if (m.fixed?.point) this.points.push(info);
      this.values.set(info.name, info);
    } else if (f.no === 7 && f.wire === 2) {
      const m: Msg = NamedTensorType.toObject(NamedTensorType.decode(bytes()), TO_OBJECT);
      this.constants.set(m.name, tensorFromMessage(m.tensor, `constant '${m.name}'`));
    } else {
      this.rest.push(this.src.read(f.tagAt, f.end - f.tagAt));
    }
  }

  finish(): Graph {
    const m: Msg = GraphType.toObject(GraphType.decode(Buffer.concat(this.rest)), TO_OBJECT);
    if (!STAGES.includes(m.stage)) corrupt(`unknown stage '${m.stage}'`);
    for (const info of this.points) {
      // A constant's bounds are its data: one array for data, lo and hi (never written in place).
      const data = this.constants.get(info.name)?.data;
      if (!(data instanceof BigInt64Array)) corrupt(`value '${info.name}' has point bounds but no int64 constant of that name`);
      info.fixed = { frac: info.fixed!.frac, lo: data, hi: data };
    }
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.metadata)) metadata[k] = String(v);
    return {
      name: m.name,
      stage: m.stage,
      opset: Number(m.opset),
      inputs: m.inputs,
      outputs: m.outputs,
      values: this.values,
      constants: this.constants,
      nodes: m.nodes.map(nodeFromMessage),
      metadata,
    };
  }
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

/** FixedInfo; point bounds (a constant's own data) get empty arrays here, GraphReader.finish fills them. */
function fixedFromMessage(m: Msg, what: string): FixedInfo {
  if (m.point) {
    if (m.lo?.length || m.hi?.length) corrupt(`${what} has point bounds and lo/hi bytes`);
    return { frac: m.frac, lo: new BigInt64Array(0), hi: new BigInt64Array(0) };
  }
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
