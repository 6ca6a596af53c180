import * as fs from 'fs';
import * as path from 'path';
import { OnnxZkError, TIR_PROTO, decodeTir, encodeTir } from '@onnx-zk/tensor-ir';
import { attrZoo, fixedMlp, floatMlp } from './helpers/graphs';

describe('binary .tir', () => {
  it('starts with ONNXZKIR and version 1', () => {
    const bytes = encodeTir({ producer: 'p', graph: floatMlp() });
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('ONNXZKIR');
    expect(Buffer.from(bytes).readUInt32LE(8)).toBe(1);
  });

  it.each([
    ['float', () => ({ producer: 'onnx-frontend', graph: floatMlp() })],
    ['fixed', () => ({ producer: 'onnx-zk-fxp', graph: fixedMlp() })],
    ['accel', () => ({ producer: 'onnx-zk-acc', graph: fixedMlp('accel') })],
    ['attribute zoo', attrZoo],
  ])('round-trips the %s graph exactly', (_name, make) => {
    const file = make();
    const back = decodeTir(encodeTir(file));
    expect(back).toEqual(file);
    expect([...back.graph.values.keys()]).toEqual([...file.graph.values.keys()]);
    expect([...back.graph.constants.keys()]).toEqual([...file.graph.constants.keys()]);
    for (const [name, t] of file.graph.constants) {
      expect(Buffer.from(back.graph.constants.get(name)!.data.buffer)).toEqual(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    }
  });

  it('decodes tensors from unaligned buffers', () => {
    const bytes = encodeTir({ producer: 'p', graph: fixedMlp() });
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeTir(shifted.subarray(1))).toEqual({ producer: 'p', graph: fixedMlp() });
  });

  it('IR001: wrong magic says what it saw', () => {
    expect(() => decodeTir(Buffer.from('\x08\x07\x12\x04onnx-model'), 'model.onnx')).toThrow(
      /^model.onnx: error IR001: not an onnx-zk .tir file: the file starts with bytes 0807120[0-9a-f]+; expected an onnx-zk .tir file starting with ONNXZKIR/);
    expect(() => decodeTir(Buffer.from('hello world'))).toThrow(/starts with "hello wo"/);
    expect(() => decodeTir(new Uint8Array(0))).toThrow(/nothing \(empty file\)/);
  });

  it('IR002: unsupported version', () => {
    const bytes = encodeTir({ producer: 'p', graph: floatMlp() });
    Buffer.from(bytes.buffer).writeUInt32LE(7, 8);
    expect(() => decodeTir(bytes, 'm.tir')).toThrow(/^m.tir: error IR002: .*format version 7; this onnx-zk reads version 1/);
  });

  it('IR003: truncated or corrupt payload', () => {
    const bytes = encodeTir({ producer: 'p', graph: floatMlp() });
    for (const cut of [10, 13, bytes.length - 1, Math.floor(bytes.length / 2)]) {
      let err: unknown;
      try { decodeTir(bytes.subarray(0, cut), 'm.tir'); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(OnnxZkError);
      expect((err as OnnxZkError).code).toBe('IR003');
      expect((err as OnnxZkError).message).toMatch(/^m.tir: error IR003/);
    }
    expect(() => decodeTir(bytes.subarray(0, 12))).toThrow(/IR003.*no graph/);
  });

  it('IR003: a tensor whose bytes do not match its shape', () => {
    const file = { producer: 'p', graph: floatMlp() };
    file.graph.constants.set('W1', { dtype: 'float32', shape: [4, 3], data: new Float32Array(5) });
    expect(() => decodeTir(encodeTir(file), 'm.tir')).toThrow(/IR003.*constant 'W1' needs 48 bytes, has 20/);
  });

  it('src/format/tir.proto is the schema the code embeds', () => {
    expect(fs.readFileSync(path.join(__dirname, '../src/format/tir.proto'), 'utf8')).toBe(TIR_PROTO);
  });
});
