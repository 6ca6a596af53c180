import * as protobuf from 'protobufjs';
import { ErrorDef, ErrorSite, raise } from '@onnx-zk/tensor-ir';
import schemaJson from './generated/onnx-schema.json';
import { FeErrors } from './errors';
import type { ModelProto, TensorProto } from './onnx-proto';

/**
 * The ONNX 1.20 schema, generated from onnx-buf's file descriptor by tools/src/gen-onnx-schema.ts
 * (a JSON import, so it is part of dist/ too).
 */
export const onnxSchema: protobuf.Root = protobuf.Root.fromJSON(schemaJson as protobuf.INamespace);

const ModelProtoType = onnxSchema.lookupType('onnx.ModelProto');
const TensorProtoType = onnxSchema.lookupType('onnx.TensorProto');

/** int64 as exact decimal strings; absent fields stay absent; bytes stay views into `bytes`. */
const TO_OBJECT: protobuf.IConversionOptions = { longs: String, enums: Number, defaults: false };

function decode<T>(type: protobuf.Type, bytes: Uint8Array, def: ErrorDef, site: ErrorSite): T {
  try {
    return type.toObject(type.decode(bytes), TO_OBJECT) as T;
  } catch (e) {
    // protobufjs reports truncation, bad wire types and too deep nesting as plain Errors: user errors here.
    return raise(def, site, (e as Error).message);
  }
}

/** Decodes an .onnx file's bytes (FE002 when they are not a ModelProto, FE003 when it has no graph). */
export function decodeModel(bytes: Uint8Array, site: ErrorSite = {}): ModelProto {
  if (bytes.length === 0) raise(FeErrors.NOT_ONNX, site, 'the file is empty');
  const model = decode<ModelProto>(ModelProtoType, bytes, FeErrors.NOT_ONNX, site);
  if (!model.graph) raise(FeErrors.NO_GRAPH, site, 'ModelProto.graph is absent');
  return model;
}

/** Decodes a serialized TensorProto (an ONNX test_data_set input_N.pb / output_N.pb). */
export function decodeTensorProto(bytes: Uint8Array, site: ErrorSite = {}): TensorProto {
  return decode<TensorProto>(TensorProtoType, bytes, FeErrors.NOT_TENSOR_PROTO, site);
}
