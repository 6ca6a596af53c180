import * as fs from 'fs';
import * as protobuf from 'protobufjs';
import * as descriptor from 'protobufjs/ext/descriptor';
import { SCHEMA_PATH, isSchemaCurrent, loadOnnxDescriptor, schemaJsonFromDescriptor } from '../src/gen-onnx-schema';

describe('gen-onnx-schema', () => {
  const fresh = schemaJsonFromDescriptor(loadOnnxDescriptor());

  test('the committed onnx-schema.json equals a fresh generation (run npm run gen:onnx-schema -w tools)', () => {
    expect(fs.readFileSync(SCHEMA_PATH, 'utf8')).toBe(fresh);
    expect(isSchemaCurrent()).toBe(true);
  });

  test('the schema describes ONNX 1.20 messages with their field numbers', () => {
    const root = protobuf.Root.fromJSON(JSON.parse(fresh));
    const tensor = root.lookupType('onnx.TensorProto');
    expect(tensor.fields.rawData.id).toBe(9);
    expect(tensor.fields.dims.repeated).toBe(true);
    expect(tensor.fields.dims.type).toBe('int64');
    expect(root.lookupType('onnx.ModelProto').fields.graph.id).toBe(7);
    expect(root.lookupType('onnx.GraphProto').fields.initializer.id).toBe(5);
    expect(root.lookupEnum('onnx.TensorProto.DataType').values.FLOAT8E8M0).toBe(24);
    expect(root.lookupEnum('onnx.TensorProto.DataLocation').values.EXTERNAL).toBe(1);
  });

  test('a message round-trips through the generated schema', () => {
    const root = protobuf.Root.fromJSON(JSON.parse(fresh));
    const Model = root.lookupType('onnx.ModelProto');
    const bytes = Model.encode({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }], graph: { name: 'g' } }).finish();
    const back = Model.toObject(Model.decode(bytes), { longs: Number });
    expect(back).toEqual({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }], graph: { name: 'g' } });
  });

  test('a changed descriptor gives a different schema, so staleness is detected', () => {
    const file = descriptor.FileDescriptorProto.decode(loadOnnxDescriptor()) as unknown as descriptor.IFileDescriptorProto;
    const tensor = file.messageType!.find((m) => m.name === 'TensorProto')!;
    tensor.field = tensor.field!.filter((f) => f.name !== 'raw_data');
    const changed = descriptor.FileDescriptorProto.encode(file).finish();
    expect(schemaJsonFromDescriptor(changed)).not.toBe(fresh);
  });
});
