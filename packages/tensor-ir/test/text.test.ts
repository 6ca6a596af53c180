import { OnnxZkError, TirFile, makeTensor, parseTir, printTir } from '@onnx-zk/tensor-ir';
import { attrZoo, fixedMlp, floatMlp } from './helpers/graphs';

function roundTrip(file: TirFile): TirFile {
  const text = printTir(file);
  const back = parseTir(text);
  expect(printTir(back)).toBe(text);
  return back;
}

function bytesOf(t: { data: ArrayBufferView }): Buffer {
  return Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);
}

describe('text .tir', () => {
  it.each([
    ['float', () => ({ producer: 'onnx-zk-frontend', graph: floatMlp() })],
    ['fixed', () => ({ producer: 'onnx-zk-fxp', graph: fixedMlp() })],
    ['accel', () => ({ producer: 'onnx-zk-acc', graph: fixedMlp('accel') })],
    ['attribute zoo', attrZoo],
  ])('print → parse → print is identical and the %s graph comes back equal', (_n, make) => {
    const file = make();
    const back = roundTrip(file);
    expect(back).toEqual(file);
    for (const [name, t] of file.graph.constants) expect(bytesOf(back.graph.constants.get(name)!)).toEqual(bytesOf(t));
  });

  it('keeps float bits: shortest float32 decimals, -0, NaN and big tensors via base64', () => {
    const file = { producer: 'p', graph: floatMlp() };
    const ugly = new Float32Array(40).map((_, i) => Math.fround(Math.sin(i) * 10 ** (i % 7)));
    file.graph.constants.set('W1', makeTensor('float32', [4, 3], [0.1, -0, 1e-45, 3.4028234663852886e38, 1 / 3, -2.5, 7, 8, 9, 10, 11, 12]));
    file.graph.constants.set('big', makeTensor('float32', [40], ugly));
    file.graph.values.set('big', { name: 'big', dtype: 'float32', shape: [40] });
    const text = printTir(file);
    expect(text).toContain('const %W1 : float32[4,3] = [0.1, -0, 1e-45, 3.4028235e+38, 0.33333334, -2.5, 7, 8, 9, 10, 11, 12]');
    expect(text).toMatch(/const %big : float32\[40\] = base64"[A-Za-z0-9+/=]+"/);
    const back = parseTir(text);
    expect(bytesOf(back.graph.constants.get('W1')!)).toEqual(bytesOf(file.graph.constants.get('W1')!));
    expect(bytesOf(back.graph.constants.get('big')!)).toEqual(bytesOf(file.graph.constants.get('big')!));
  });

  it('prints int64 values and bounds exactly', () => {
    const file = { producer: 'p', graph: fixedMlp() };
    file.graph.values.get('l')!.fixed!.hi[2] = (1n << 61n) + 1n;
    const text = printTir(file);
    expect(text).toContain('%l = Linear(%x, %W, %B) : int64[1,3] {frac = 8, lo = [-256, -384, -576], hi = [768, 256, 2305843009213693953]} loc("Gemm_0")');
    expect(text).toContain('input %x : int64[1,2] {frac = 4, lo = -16, hi = 16}');
    expect(text).toContain('const %W : int64[2,3] {frac = 4, lo = value, hi = value} = [16, -8, 4, 2, 0, -16]');
    expect(text).toContain('%s = Rescale(%l) {shift = 4} : int64[1,3] {frac = 4, lo = [-16, -24, -36], hi = [48, 16, 20]} name("Gemm_0.rescale") loc("Gemm_0")');
    expect(parseTir(text)).toEqual(file);
  });

  it('quotes odd names, keeps absent inputs, keywords as ops, missing types and stray values', () => {
    const file = { producer: 'my tool', graph: floatMlp() };
    const g = file.graph;
    g.name = 'a "model"';
    g.nodes[0].inputs[2] = '';
    g.nodes.push({ op: 'input', name: 'odd op', inputs: ['weird name'], outputs: [], attrs: { 'odd key': { type: 'int', value: 1 } }, loc: [] });
    g.constants.set('c0', makeTensor('int64', [2], [1n, 2n]));
    g.values.set('c0', { name: 'c0', dtype: 'float32', shape: [1] });
    g.constants.set('c1', makeTensor('float64', [], [0.1]));
    g.values.set('stray', { name: 'stray', dtype: 'int8', shape: [] });
    g.inputs.push('untyped');
    const text = printTir(file);
    expect(text).toContain('onnx-zk tir v1 producer="my tool" stage=float');
    expect(text).toContain('%h = Gemm(%x, %W1, none) {transB = 1}');
    expect(text).toContain('"input"(%"weird name") {"odd key" = 1} name("odd op") loc()');
    expect(text).toContain('const %c0 : float32[1] = int64[2] [1, 2]');
    expect(text).toContain('const %c1 : ? = float64[] [0.1]');
    expect(text).toContain('input %untyped : ?');
    expect(text).toContain('value %stray : int8[]');
    expect(roundTrip(file)).toEqual(file);
  });

  it('accepts comments and blank lines', () => {
    const text = printTir({ producer: 'p', graph: floatMlp() }).replace('\ninput', '\n\n// the inputs\ninput');
    expect(parseTir(text)).toEqual({ producer: 'p', graph: floatMlp() });
  });

  const parseError = (text: string) => {
    try { parseTir(text, 'm.tir.txt'); } catch (e) { return e as OnnxZkError; }
    throw new Error('parsed');
  };

  it('IR004 names the line of a syntax error', () => {
    const good = printTir({ producer: 'p', graph: floatMlp() }).split('\n');
    const at = good.findIndex((l) => l.startsWith('%r ='));
    const bad = [...good];
    bad[at] = '%r = Relu(%h : float32[1,4] loc("Relu_1")';
    expect(parseError(bad.join('\n')).message).toBe(`m.tir.txt: error IR004: cannot parse .tir text: line ${at + 1}, column 14, at ':': expected ')'`);
    bad[at] = good[at].replace('float32', 'float33');
    expect(parseError(bad.join('\n')).message).toMatch(new RegExp(`line ${at + 1}, .*unknown dtype 'float33'`));
    bad[at] = 'const %k : int64[2] = [1, 2.5]';
    expect(parseError(bad.join('\n')).message).toMatch(/element 1 is not an integer: 2.5/);
    bad[at] = 'const %k : int64[3] = [1, 2]';
    expect(parseError(bad.join('\n')).message).toMatch(/needs 3 elements, got 2/);
    bad[at] = '%r = Relu(%h) : float32[1,4]';
    expect(parseError(bad.join('\n')).message).toMatch(/expected 'loc'/);
    bad[at] = '%r = Relu(%h) $';
    expect(parseError(bad.join('\n')).message).toMatch(/unexpected character '\$'/);
  });

  it('IR001/IR002/IR004 for bad headers', () => {
    expect(parseError('hello\n').code).toBe('IR001');
    expect(parseError('onnx-zk tir v2 producer=p stage=float\n').code).toBe('IR002');
    expect(parseError('onnx-zk tir v1 producer=p stage=quantum\n').message).toMatch(/IR004.*line 1: unknown stage 'quantum'/);
    expect(parseError('onnx-zk tir v1 stage=float\n').message).toMatch(/IR004.*line 1/);
  });
});
