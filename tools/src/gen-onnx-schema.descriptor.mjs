// Prints the ONNX schema that onnx-buf ships (a google.protobuf.FileDescriptorProto) as base64 on
// stdout. It is ESM because onnx-buf is ESM only; gen-onnx-schema.ts (CommonJS) runs it as a child
// process, which also works under jest (whose VM cannot import ESM without a flag).
// @bufbuild/protobuf is onnx-buf's own runtime dependency; its serializer keeps field presence exactly.
import { file_onnx } from 'onnx-buf';
import { toBinary } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';

const bytes = toBinary(FileDescriptorProtoSchema, file_onnx.proto);
process.stdout.write(Buffer.from(bytes).toString('base64'));
