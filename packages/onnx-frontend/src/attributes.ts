import { Attr, ErrorSite, raise } from '@onnx-zk/tensor-ir';
import { FeErrors } from './errors';
import { int64ToNumber } from './int64';
import { AttributeProto, OnnxAttrType } from './onnx-proto';
import { TensorContext, tensorFromProto } from './tensor';

const utf8 = new TextDecoder('utf-8');

/** Attribute kind names for messages, by AttributeType code. */
const KIND_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(OnnxAttrType).map(([name, code]) => [code, name]),
);

/** The attribute type of models that leave `type` unset (IR version < 2): from the field present. */
function impliedType(a: AttributeProto): number {
  if (a.type) return a.type;
  if (a.f !== undefined) return OnnxAttrType.FLOAT;
  if (a.i !== undefined) return OnnxAttrType.INT;
  if (a.s !== undefined) return OnnxAttrType.STRING;
  if (a.t !== undefined) return OnnxAttrType.TENSOR;
  if (a.floats?.length) return OnnxAttrType.FLOATS;
  if (a.ints?.length) return OnnxAttrType.INTS;
  if (a.strings?.length) return OnnxAttrType.STRINGS;
  return OnnxAttrType.UNDEFINED;
}

/** Converts one ONNX attribute; graphs, sparse tensors, type protos and tensor lists raise FE010. */
export function attrFromProto(a: AttributeProto, ctx: TensorContext): Attr {
  const name = a.name ?? '';
  const site: ErrorSite = ctx.site;
  const int = (v: string | number) => int64ToNumber(v, FeErrors.UNSUPPORTED_ATTRIBUTE, site, `attribute '${name}'`);
  if (a.refAttrName) raise(FeErrors.UNSUPPORTED_ATTRIBUTE, site, `'${name}' refers to function attribute '${a.refAttrName}'`);
  const type = impliedType(a);
  switch (type) {
    case OnnxAttrType.FLOAT: return { type: 'float', value: a.f ?? 0 };
    case OnnxAttrType.INT: return { type: 'int', value: int(a.i ?? 0) };
    case OnnxAttrType.STRING: return { type: 'string', value: utf8.decode(a.s ?? new Uint8Array()) };
    case OnnxAttrType.TENSOR:
      if (!a.t) return raise(FeErrors.UNSUPPORTED_ATTRIBUTE, site, `tensor attribute '${name}' has no tensor`);
      return { type: 'tensor', value: tensorFromProto(a.t, ctx) };
    case OnnxAttrType.FLOATS: return { type: 'floats', value: [...(a.floats ?? [])] };
    case OnnxAttrType.INTS: return { type: 'ints', value: (a.ints ?? []).map(int) };
    case OnnxAttrType.STRINGS: return { type: 'strings', value: (a.strings ?? []).map((s) => utf8.decode(s)) };
    default:
      return raise(FeErrors.UNSUPPORTED_ATTRIBUTE, site, `'${name}' has kind ${KIND_NAMES[type] ?? type}`);
  }
}

/** All attributes of a node, by name. */
export function attrsFromProto(attrs: AttributeProto[] | undefined, ctx: TensorContext): Record<string, Attr> {
  const out: Record<string, Attr> = {};
  for (const a of attrs ?? []) out[a.name ?? ''] = attrFromProto(a, ctx);
  return out;
}
