import * as protobuf from 'protobufjs';

/**
 * The .tir payload schema (format version 1). Kept as a string so that it travels inside the
 * compiled JS; tir.proto next to this file is the same text for readers and other tools
 * (test/format.test.ts checks they agree). Lists that must keep their order (values, constants,
 * attributes) are repeated messages rather than maps: JS objects reorder integer-like keys.
 */
export const TIR_PROTO = `syntax = "proto3";
package onnxzk.tir;

// Row-major tensor; data holds the elements little-endian (int64 as 8 bytes, bool as 1 byte).
message Tensor {
  string dtype = 1;
  repeated int64 shape = 2;
  bytes data = 3;
}

// Fixed-point annotation: value / 2^frac; lo and hi hold one little-endian int64 per element.
// A constant's bounds are its own data: writers set point and leave lo and hi empty (one copy of
// every weight); readers then take lo = hi = the int64 constant of the same name.
message FixedInfo {
  sint32 frac = 1;
  bytes lo = 2;
  bytes hi = 3;
  bool point = 4;
}

message ValueInfo {
  string name = 1;
  string dtype = 2;
  repeated int64 shape = 3;
  FixedInfo fixed = 4;
}

message Ints { repeated sint64 values = 1; }
message Floats { repeated double values = 1; }
message Strings { repeated string values = 1; }

message Attribute {
  string name = 1;
  oneof kind {
    sint64 i = 2;
    double f = 3;
    string s = 4;
    Ints ints = 5;
    Floats floats = 6;
    Strings strings = 7;
    Tensor t = 8;
  }
}

message Node {
  string op = 1;
  string name = 2;
  repeated string inputs = 3;
  repeated string outputs = 4;
  repeated Attribute attrs = 5;
  repeated string loc = 6;
}

message NamedTensor {
  string name = 1;
  Tensor tensor = 2;
}

message Graph {
  string name = 1;
  string stage = 2;
  int64 opset = 3;
  repeated string inputs = 4;
  repeated string outputs = 5;
  repeated ValueInfo values = 6;
  repeated NamedTensor constants = 7;
  repeated Node nodes = 8;
  map<string, string> metadata = 9;
}

message TirFile {
  string producer = 1;
  Graph graph = 2;
}
`;

const root = protobuf.parse(TIR_PROTO, { keepCase: true }).root;

/** The protobuf type of the whole payload. */
export const TirFileType = root.lookupType('onnxzk.tir.TirFile');

/** Types the encoder writes piece by piece (format/encode.ts). */
export const GraphType = root.lookupType('onnxzk.tir.Graph');
export const ValueInfoType = root.lookupType('onnxzk.tir.ValueInfo');
export const FixedInfoType = root.lookupType('onnxzk.tir.FixedInfo');
export const NamedTensorType = root.lookupType('onnxzk.tir.NamedTensor');
export const TensorType = root.lookupType('onnxzk.tir.Tensor');

/** 8 ASCII bytes every binary .tir starts with, then a little-endian uint32 version. */
export const TIR_MAGIC = 'ONNXZKIR';
export const TIR_VERSION = 1;
export const TIR_HEADER_SIZE = 12;
