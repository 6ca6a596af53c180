import * as fs from 'fs';
import * as path from 'path';
import * as protobuf from 'protobufjs';
import { OnnxZkError, TIR_PROTO, decodeTir, encodeTir, encodeTirParts } from '@onnx-zk/tensor-ir';
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

describe('binary .tir: constants with point bounds', () => {
  const TirFileType = protobuf.parse(TIR_PROTO, { keepCase: true }).root.lookupType('onnxzk.tir.TirFile');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const payloadOf = (bytes: Uint8Array): any => TirFileType.toObject(TirFileType.decode(bytes.subarray(12)), { defaults: true, arrays: true });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const withPayload = (payload: any): Uint8Array => {
    const body = TirFileType.encode(TirFileType.fromObject(payload)).finish();
    const out = new Uint8Array(12 + body.length);
    out.set(Buffer.from('ONNXZKIR', 'latin1'));
    new DataView(out.buffer).setUint32(8, 1, true);
    out.set(body, 12);
    return out;
  };

  it('writes a constant whose bounds are its data without lo/hi and reads lo = hi = the data', () => {
    const graph = fixedMlp();
    const w = graph.constants.get('W')!.data as BigInt64Array;
    graph.values.get('W')!.fixed = { frac: 4, lo: w, hi: w };
    const bytes = encodeTir({ producer: 'p', graph });
    const fixedOf = (name: string) => payloadOf(bytes).graph.values.find((v: { name: string }) => v.name === name).fixed;
    for (const name of ['W', 'B', 'C']) expect(fixedOf(name)).toMatchObject({ point: true, lo: new Uint8Array(0), hi: new Uint8Array(0) });
    expect(fixedOf('l')).toMatchObject({ point: false });
    expect(fixedOf('l').lo).toHaveLength(3 * 8);
    const back = decodeTir(bytes).graph;
    expect(back).toEqual(graph);
    for (const name of ['W', 'B', 'C']) {
      const data = back.constants.get(name)!.data;
      expect(back.values.get(name)!.fixed!.lo).toBe(data);
      expect(back.values.get(name)!.fixed!.hi).toBe(data);
    }
  });

  it('keeps the lo/hi of a constant whose bounds are not its data', () => {
    const graph = fixedMlp();
    graph.values.get('W')!.fixed!.hi = BigInt64Array.from([17n, -8n, 4n, 2n, 0n, -16n]);
    const bytes = encodeTir({ producer: 'p', graph });
    expect(payloadOf(bytes).graph.values.find((v: { name: string }) => v.name === 'W').fixed.point).toBe(false);
    expect(decodeTir(bytes).graph.values.get('W')!.fixed!.hi).toEqual(BigInt64Array.from([17n, -8n, 4n, 2n, 0n, -16n]));
  });

  it('reads files written before point bounds (every constant with its lo and hi)', () => {
    const graph = fixedMlp();
    const payload = payloadOf(encodeTir({ producer: 'p', graph }));
    for (const v of payload.graph.values) {
      if (!v.fixed?.point) continue;
      const t = graph.constants.get(v.name)!.data;
      Object.assign(v.fixed, { point: false, lo: new Uint8Array(t.buffer.slice(0)), hi: new Uint8Array(t.buffer.slice(0)) });
    }
    expect(decodeTir(withPayload(payload))).toEqual({ producer: 'p', graph });
  });

  it('matches the whole-message encoding field for field', () => {
    const file = { producer: 'p', graph: fixedMlp() };
    const bytes = encodeTir(file);
    expect(decodeTir(withPayload(payloadOf(bytes)))).toEqual(file);
  });

  it('writes tensor data as views of the graph arrays, not copies', () => {
    const graph = fixedMlp();
    const parts = encodeTirParts({ producer: 'p', graph });
    for (const [, t] of graph.constants) expect(parts.some((p) => p.buffer === t.data.buffer && p.byteLength === t.data.byteLength)).toBe(true);
  });

  it('IR003: point bounds without an int64 constant, or with lo/hi bytes', () => {
    const payload = payloadOf(encodeTir({ producer: 'p', graph: fixedMlp() }));
    const l = payload.graph.values.find((v: { name: string }) => v.name === 'l');
    Object.assign(l.fixed, { point: true, lo: new Uint8Array(0), hi: new Uint8Array(0) });
    expect(() => decodeTir(withPayload(payload), 'm.tir')).toThrow(/IR003.*value 'l' has point bounds but no int64 constant/);
    const both = payloadOf(encodeTir({ producer: 'p', graph: fixedMlp() }));
    both.graph.values.find((v: { name: string }) => v.name === 'W').fixed.lo = new Uint8Array(48);
    expect(() => decodeTir(withPayload(both), 'm.tir')).toThrow(/IR003.*value 'W' has point bounds and lo\/hi bytes/);
  });
});
