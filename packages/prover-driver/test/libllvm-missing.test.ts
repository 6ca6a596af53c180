/**
 * Where libLLVM-14 is looked for, and a machine without it: the first use of LLVM is error PV018
 * pointing at `onnx-zk doctor`, not a loader stack trace.
 */
import * as fs from 'fs';
import * as path from 'path';
import { OnnxZkError } from '@onnx-zk/tensor-ir';
import { llvm, loadLibLlvm, locateLibLlvm, probeLibLlvm } from '../src/llvm/libllvm';
import { cli } from './helpers/cli';
import { tempDir, writeText } from './helpers/tmp';
import { tinyModule, TINY_INPUT } from './helpers/tiny-circuit';

const dir = tempDir();
const nowhere = path.join(dir, 'no-llvm-here');
const saved = { dirs: process.env.ONNX_ZK_LLVM_LIB_DIRS, lib: process.env.ONNX_ZK_LIBLLVM };

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function restore(name: 'ONNX_ZK_LLVM_LIB_DIRS' | 'ONNX_ZK_LIBLLVM', value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

describe('locateLibLlvm', () => {
  const only = (...files: string[]) => (f: string) => files.includes(f);

  it('takes ONNX_ZK_LIBLLVM first, then libLLVM-14.so and libLLVM-14.so.1 in each directory', () => {
    const env = { ONNX_ZK_LIBLLVM: '/opt/llvm/libLLVM.so', ONNX_ZK_LLVM_LIB_DIRS: '/a:/b', PATH: '' };
    expect(locateLibLlvm({ env, exists: only('/opt/llvm/libLLVM.so', '/a/libLLVM-14.so') })).toEqual({ file: '/opt/llvm/libLLVM.so', tried: ['/opt/llvm/libLLVM.so'], dirs: [] });
    expect(locateLibLlvm({ env, exists: only('/b/libLLVM-14.so.1') })).toEqual({
      file: '/b/libLLVM-14.so.1',
      tried: ['/opt/llvm/libLLVM.so', '/a/libLLVM-14.so', '/a/libLLVM-14.so.1', '/b/libLLVM-14.so', '/b/libLLVM-14.so.1'],
      dirs: ['/a', '/b'],
      missingExplicit: '/opt/llvm/libLLVM.so',
    });
    expect(() => loadLibLlvm(locateLibLlvm({ env, exists: only() }))).toThrow(
      'libLLVM-14: error PV018: cannot find or load libLLVM-14 (LLVM 14\'s shared library, opened through koffi): ONNX_ZK_LIBLLVM=/opt/llvm/libLLVM.so does not exist, and no libLLVM-14.so or libLLVM-14.so.1 in /a, /b',
    );
  });

  it('without the override, finds libllvm14\'s soname in the multiarch directory when llvm-14-dev\'s symlink is absent', () => {
    const triple = process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';
    const so1 = `/usr/lib/${triple}/libLLVM-14.so.1`;
    const found = locateLibLlvm({ env: { PATH: '' }, exists: only(so1) });
    expect(found.file).toBe(so1);
    expect(found.dirs).toEqual(['/usr/lib/llvm-14/lib', `/usr/lib/${triple}`]); // no llvm-config-14 on an empty PATH
  });

  it('on this machine, finds and loads it, also by the soname alone (libllvm14 without llvm-14-dev)', () => {
    const probe = probeLibLlvm();
    expect(probe.error).toBeUndefined();
    expect(probe.file).toMatch(/libLLVM-14\.so/);
    const sonameOnly = path.join(dir, 'soname-only');
    fs.mkdirSync(sonameOnly);
    fs.symlinkSync(fs.realpathSync(probe.file as string), path.join(sonameOnly, 'libLLVM-14.so.1'));
    expect(probeLibLlvm({ env: { ONNX_ZK_LLVM_LIB_DIRS: sonameOnly } })).toEqual({ file: path.join(sonameOnly, 'libLLVM-14.so.1'), tried: [path.join(sonameOnly, 'libLLVM-14.so'), path.join(sonameOnly, 'libLLVM-14.so.1')], dirs: [sonameOnly] });
  });
});

describe('without libLLVM-14', () => {
  beforeAll(() => {
    process.env.ONNX_ZK_LLVM_LIB_DIRS = nowhere;
    delete process.env.ONNX_ZK_LIBLLVM;
  });
  afterAll(() => {
    restore('ONNX_ZK_LLVM_LIB_DIRS', saved.dirs);
    restore('ONNX_ZK_LIBLLVM', saved.lib);
  });

  it('llvm() raises PV018 naming the directories searched, with the doctor hint', () => {
    let err: unknown;
    try {
      llvm();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OnnxZkError);
    expect((err as OnnxZkError).code).toBe('PV018');
    expect((err as OnnxZkError).message).toBe(
      `libLLVM-14: error PV018: cannot find or load libLLVM-14 (LLVM 14's shared library, opened through koffi): no libLLVM-14.so or libLLVM-14.so.1 in ${nowhere}` +
        ' (fix: run `onnx-zk doctor`: it checks LLVM 14 and prints the command that installs it (sudo apt-get install -y llvm-14 llvm-14-dev); or set ONNX_ZK_LIBLLVM to libLLVM-14.so)',
    );
  });

  it('a file that is not a shared library is PV018 too, naming the file', () => {
    const fake = writeText(dir, 'libLLVM-14.so', 'not an ELF file');
    const probe = probeLibLlvm({ env: { ONNX_ZK_LLVM_LIB_DIRS: dir } });
    expect(probe.file).toBe(fake);
    expect(probe.error).toBeTruthy();
    const message = (() => {
      try {
        loadLibLlvm(probe);
      } catch (e) {
        return (e as Error).message;
      }
      return 'loaded';
    })();
    expect(message.startsWith(`${fake}: error PV018: `)).toBe(true);
    expect(message).toContain('(fix: run `onnx-zk doctor`');
  });

  it('onnx-zk-prover assign exits 1 with the one-line PV018, no stack trace', async () => {
    const module = writeText(dir, 'tiny.ll', tinyModule());
    const input = writeText(dir, 'input.json', JSON.stringify(TINY_INPUT));
    const r = await cli('assign', module, '--input', input, '--out', path.join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^libLLVM-14: error PV018: .*run `onnx-zk doctor`/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
