import { Attr, FixedInfo, Graph, Node, Tensor, TirFile, ValueInfo } from '../model';
import { TIR_HEADER_SIZE, TIR_MAGIC, TIR_VERSION, TirFileType } from './schema';

/** Serializes a TirFile: magic, version, protobuf payload. Does not verify (writeTir does). */
export function encodeTir(file: TirFile): Uint8Array {
  const message = TirFileType.fromObject({ producer: file.producer, graph: graphMessage(file.graph) });
  const payload = TirFileType.encode(message).finish();
  const out = new Uint8Array(TIR_HEADER_SIZE + payload.length);
  out.set(Buffer.from(TIR_MAGIC, 'ascii'), 0);
  new DataView(out.buffer).setUint32(8, TIR_VERSION, true);
  out.set(payload, TIR_HEADER_SIZE);
  return out;
}

function graphMessage(g: Graph): object {
  return {
    name: g.name,
    stage: g.stage,
    opset: g.opset,
    inputs: g.inputs,
    outputs: g.outputs,
    values: [...g.values.values()].map(valueInfoMessage),
    constants: [...g.constants].map(([name, t]) => ({ name, tensor: tensorMessage(t) })),
    nodes: g.nodes.map(nodeMessage),
    metadata: { ...g.metadata },
  };
}

/** The raw little-endian bytes of a typed array (the platforms Node runs on are little-endian). */
export function rawBytes(data: ArrayBufferView): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
}

export function tensorMessage(t: Tensor): object {
  return { dtype: t.dtype, shape: t.shape, data: rawBytes(t.data) };
}

function fixedMessage(f: FixedInfo): object {
  return { frac: f.frac, lo: rawBytes(f.lo), hi: rawBytes(f.hi) };
}

function valueInfoMessage(v: ValueInfo): object {
  return { name: v.name, dtype: v.dtype, shape: v.shape, ...(v.fixed ? { fixed: fixedMessage(v.fixed) } : {}) };
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
