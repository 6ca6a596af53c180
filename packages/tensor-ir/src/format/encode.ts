import { Attr, FixedInfo, Node, Tensor, TirFile, ValueInfo } from '../model';
import { FixedInfoType, GraphType, NamedTensorType, TIR_HEADER_SIZE, TIR_MAGIC, TIR_VERSION, TensorType, TirFileType, ValueInfoType } from './schema';
import { sameInt64 } from '../int64-words';

/** Serializes a TirFile: magic, version, protobuf payload. Does not verify (writeTir does). */
export function encodeTir(file: TirFile): Uint8Array {
  const parts = encodeTirParts(file);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * encodeTir's bytes as a list of parts to write one after the other, never the whole file in one
 * buffer: tensor data and bounds are views of the graph's own arrays. A protobuf message may be
 * written field by field (the elements of a repeated field, written apart, decode as one list), so
 * each value and constant of the Graph message is encoded on its own and only the Graph's total
 * length is needed up front. (protobufjs's one growing buffer also grows linearly past 1 GiB, a
 * copy of everything so far per write: hours for a 124M-parameter model.)
 */
export function encodeTirParts(file: TirFile): Uint8Array[] {
  const g = file.graph;
  const graph: Uint8Array[] = [
    GraphType.encode(GraphType.fromObject({ name: g.name, stage: g.stage, opset: g.opset, inputs: g.inputs, outputs: g.outputs })).finish(),
  ];
  for (const v of g.values.values()) graph.push(...field(6, valueInfoParts(v, g.constants.get(v.name))));
  for (const [name, t] of g.constants) {
    const named = NamedTensorType.encode(NamedTensorType.fromObject({ name })).finish();
    graph.push(...field(7, [named, ...field(2, tensorParts(t))]));
  }
  graph.push(GraphType.encode(GraphType.fromObject({ nodes: g.nodes.map(nodeMessage), metadata: { ...g.metadata } })).finish());
  const header = new Uint8Array(TIR_HEADER_SIZE);
  header.set(Buffer.from(TIR_MAGIC, 'ascii'), 0);
  new DataView(header.buffer).setUint32(8, TIR_VERSION, true);
  const producer = TirFileType.encode(TirFileType.fromObject({ producer: file.producer })).finish();
  return [header, producer, ...field(2, graph)];
}

/** A length-delimited field (wire type 2) holding the concatenation of `parts`. */
function field(fieldNumber: number, parts: Uint8Array[]): Uint8Array[] {
  const length = parts.reduce((n, p) => n + p.length, 0);
  return [Uint8Array.from([...varint(fieldNumber * 8 + 2), ...varint(length)]), ...parts];
}

/** Base-128 varint of a non-negative safe integer (a length may pass 2^32). */
function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 128) {
    out.push((n % 128) + 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

/** The raw little-endian bytes of a typed array (the platforms Node runs on are little-endian). */
export function rawBytes(data: ArrayBufferView): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
}

/** The same bytes as a view (no copy: the encoder's output parts point into the graph's arrays). */
function bytesView(data: ArrayBufferView): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Tensor as a message object (attribute tensors, encoded by protobufjs with their node). */
export function tensorMessage(t: Tensor): object {
  return { dtype: t.dtype, shape: t.shape, data: bytesView(t.data) };
}

/** Tensor: dtype and shape by protobufjs, then the data field as a view of the tensor's bytes. */
function tensorParts(t: Tensor): Uint8Array[] {
  const head = TensorType.encode(TensorType.fromObject({ dtype: t.dtype, shape: t.shape })).finish();
  return [head, ...field(3, [bytesView(t.data)])];
}

/** ValueInfo: a constant whose bounds are its own data is written with `point` instead of lo and hi. */
function valueInfoParts(v: ValueInfo, constant: Tensor | undefined): Uint8Array[] {
  const head = ValueInfoType.encode(ValueInfoType.fromObject({ name: v.name, dtype: v.dtype, shape: v.shape })).finish();
  if (!v.fixed) return [head];
  const f = v.fixed;
  const point = constant !== undefined && isOwnData(f, constant.data);
  const frac = FixedInfoType.encode(FixedInfoType.fromObject(point ? { frac: f.frac, point: true } : { frac: f.frac })).finish();
  const bounds = point ? [] : [...field(2, [bytesView(f.lo)]), ...field(3, [bytesView(f.hi)])];
  return [head, ...field(4, [frac, ...bounds])];
}

/** Whether both bounds are exactly the int64 constant's data (the point interval of each element). */
function isOwnData(f: FixedInfo, data: ArrayBufferView): boolean {
  if (!(data instanceof BigInt64Array)) return false;
  return (f.lo === data || sameInt64(f.lo, data)) && (f.hi === data || sameInt64(f.hi, data));
}

function nodeMessage(n: Node): object {
  const attrs = Object.entries(n.attrs).map(([name, a]) => ({ name, ...attrValue(a) }));
  return { op: n.op, name: n.name, inputs: n.inputs, outputs: n.outputs, attrs, loc: n.loc };
}

function attrValue(a: Attr): object {
  switch (a.type) {
    case 'int': return { i: a.value };
    case 'float': return { f: a.value };
    case 'string': return { s: a.value };
    case 'ints': return { ints: { values: a.value } };
    case 'floats': return { floats: { values: a.value } };
    case 'strings': return { strings: { values: a.value } };
    case 'tensor': return { t: tensorMessage(a.value) };
  }
}
