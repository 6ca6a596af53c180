import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { encodeTir, printTir, readTir, writeTir } from '@onnx-zk/tensor-ir';
import { fixedMlp, floatMlp } from './helpers/graphs';

describe('readTir / writeTir', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tir-io-'));
  const file = () => ({ producer: 'onnx-zk-frontend', graph: floatMlp() });

  it('writes binary by default and text for .txt or opts.text, and reads both back', () => {
    const bin = path.join(dir, 'm.tir');
    const txt = path.join(dir, 'm.tir.txt');
    const forced = path.join(dir, 'forced.tir');
    writeTir(bin, file());
    writeTir(txt, file());
    writeTir(forced, file(), { text: true });
    expect(fs.readFileSync(bin).subarray(0, 8).toString()).toBe('ONNXZKIR');
    expect(fs.readFileSync(txt, 'utf8')).toBe(printTir(file()));
    expect(fs.readFileSync(forced, 'utf8').startsWith('onnx-zk tir v1')).toBe(true);
    for (const p of [bin, txt, forced]) expect(readTir(p, 'float')).toEqual(file());
  });

  it('IR005 on the wrong stage, IR006 on a missing file', () => {
    const p = path.join(dir, 'stage.tir');
    writeTir(p, file());
    expect(() => readTir(p, 'fixed')).toThrow(`${p}: error IR005: wrong IR stage: expected a fixed .tir (from onnx-zk-fxp), got float (from onnx-zk-frontend)`);
    expect(() => readTir(path.join(dir, 'nope.tir'))).toThrow(/nope.tir: error IR006: cannot read file: no such file/);
  });

  it('reads binary files piece by piece: IR003 on a cut file, IR006 on a folder', () => {
    const p = path.join(dir, 'cut.tir');
    const bytes = encodeTir({ producer: 'onnx-zk-fxp', graph: fixedMlp() });
    fs.writeFileSync(p, bytes);
    expect(readTir(p, 'fixed')).toEqual({ producer: 'onnx-zk-fxp', graph: fixedMlp() });
    for (const cut of [13, bytes.length - 1, Math.floor(bytes.length / 2)]) {
      fs.writeFileSync(p, bytes.subarray(0, cut));
      expect(() => readTir(p)).toThrow(new RegExp(`^${p}: error IR003`));
    }
    expect(() => readTir(dir)).toThrow(/error IR006: cannot read file: EISDIR/);
  });

  it('verifies what it reads, naming the file', () => {
    const bad = file();
    bad.graph.nodes[1].op = 'Zorp';
    const p = path.join(dir, 'bad.tir');
    fs.writeFileSync(p, encodeTir(bad));
    expect(() => readTir(p)).toThrow(new RegExp(`^${p}: Relu_1 \\(Zorp\\): error IR007`));
  });

  it('verifies before writing and leaves no partial file', () => {
    const bad = { producer: 'x', graph: fixedMlp() };
    delete bad.graph.values.get('s')!.fixed;
    const p = path.join(dir, 'out.fxp.tir');
    expect(() => writeTir(p, bad)).toThrow(/out.fxp.tir: error IR016: .*'s': no FixedInfo/);
    expect(fs.existsSync(p)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('out.fxp'))).toEqual([]);
  });
});
