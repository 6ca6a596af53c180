#!/usr/bin/env node
/**
 * Generates packages/onnx-frontend/src/generated/onnx-schema.json: the ONNX protobuf schema as a
 * protobufjs JSON root. No npm package ships onnx.proto as a file, but onnx-buf carries the ONNX
 * schema as a file descriptor; we turn that descriptor into a protobufjs Root and write its JSON.
 *
 *   node tools/dist/gen-onnx-schema.js           regenerate the committed file
 *   node tools/dist/gen-onnx-schema.js --check   exit 1 when the committed file is stale
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as protobuf from 'protobufjs';
import * as descriptor from 'protobufjs/ext/descriptor';

/** Where the frontend imports the schema from (committed). */
export const SCHEMA_PATH = path.resolve(__dirname, '../../packages/onnx-frontend/src/generated/onnx-schema.json');

/** The ESM helper that reads onnx-buf's descriptor (kept in src/, found from src/ and dist/ alike). */
const DESCRIPTOR_SCRIPT = path.resolve(__dirname, '../src/gen-onnx-schema.descriptor.mjs');

/** onnx-buf's serialized google.protobuf.FileDescriptorProto for onnx.proto. */
export function loadOnnxDescriptor(): Uint8Array {
  const base64 = execFileSync(process.execPath, [DESCRIPTOR_SCRIPT], { encoding: 'utf8', maxBuffer: 16 << 20 });
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

/** Converts one serialized FileDescriptorProto into the protobufjs JSON text we commit. */
export function schemaJsonFromDescriptor(fileDescriptor: Uint8Array): string {
  const file = descriptor.FileDescriptorProto.decode(fileDescriptor) as unknown as descriptor.IFileDescriptorProto;
  const root = protobuf.Root.fromDescriptor({ file: [file] });
  root.resolveAll();
  if (!root.lookup('onnx.ModelProto')) throw new Error('descriptor has no onnx.ModelProto');
  return `${JSON.stringify(root.toJSON(), null, 2)}\n`;
}

export function generateOnnxSchema(): string {
  return schemaJsonFromDescriptor(loadOnnxDescriptor());
}

/** True when the committed schema equals a fresh generation. */
export function isSchemaCurrent(schemaPath = SCHEMA_PATH): boolean {
  return fs.existsSync(schemaPath) && fs.readFileSync(schemaPath, 'utf8') === generateOnnxSchema();
}

function main(argv: string[]): number {
  if (argv.includes('--check')) {
    if (isSchemaCurrent()) return 0;
    process.stderr.write(`${SCHEMA_PATH} is stale: run npm run gen:onnx-schema -w tools\n`);
    return 1;
  }
  fs.mkdirSync(path.dirname(SCHEMA_PATH), { recursive: true });
  fs.writeFileSync(SCHEMA_PATH, generateOnnxSchema());
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
