/** `onnx-zk doctor`: one line per check, the install command for each missing piece, exit 1 when something is missing. */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { DoctorEnv, runDoctor } from '../src/doctor';
import { tempDir } from './helpers';

const CLI = path.join(__dirname, '..', 'dist', 'cli.js');
const LLVM_FIX = /^ {9}fix: (sudo )?apt-get install -y llvm-14 llvm-14-dev cmake g\+\+$/;
const GIB = 1024 ** 3;

/** This PATH without the directories that hold LLVM 14's tools (on Debian, /usr/bin and /bin). */
function pathWithoutLlvm14(): string {
  const hides = (dir: string) => ['lli-14', 'llvm-config-14', 'FileCheck-14'].some((t) => fs.existsSync(path.join(dir, t)));
  return (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '' && !hides(d)).join(path.delimiter);
}

/** The lines of the report from the line that starts with `start` up to the next check. */
function entry(text: string, start: string): string[] {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no line starting with ${JSON.stringify(start)} in:\n${text}`);
  const out = [lines[i]];
  for (let j = i + 1; j < lines.length && lines[j].startsWith(' '); j++) out.push(lines[j]);
  return out;
}

describe('onnx-zk doctor', () => {
  const work = tempDir('doctor');
  const noLlvm = path.join(work, 'no-llvm-14');
  const hidden: NodeJS.ProcessEnv = { ...process.env, PATH: pathWithoutLlvm14(), ONNX_ZK_LLVM_LIB_DIRS: noLlvm };
  delete hidden.ONNX_ZK_LIBLLVM;
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('on this machine everything is there: exit 0, every required check ok', () => {
    const report = runDoctor();
    expect(report.missing).toEqual([]);
    expect(report.exitCode).toBe(0);
    for (const start of ['ok       node v', 'ok       lli-14: ', 'ok       libLLVM-14: ', 'ok       llvm-bindings addon: ', 'note     memory: ']) {
      expect(entry(report.text, start)).toHaveLength(1);
    }
    expect(report.text).toMatch(/llvm-bindings addon: .*node_modules\/llvm-bindings\/build\/Release\/llvm-bindings\.node loads/);
    expect(report.text).toMatch(/\nonnx-zk doctor: everything onnx-zk needs is here\n$/);
  });

  it('with a PATH and a library path that hide LLVM 14: lli-14 and libLLVM-14 missing, with the install command, exit 1', () => {
    const report = runDoctor({}, { env: hidden });
    expect(report.exitCode).toBe(1);
    expect(report.missing).toEqual(['lli-14', 'libLLVM-14']);
    const [lli, lliFix] = entry(report.text, 'MISSING  lli-14: ');
    expect(lli).toBe("MISSING  lli-14: not on PATH (LLVM 14's interpreter, from llvm-14)");
    expect(lliFix).toMatch(LLVM_FIX);
    const [lib, libFix] = entry(report.text, 'MISSING  libLLVM-14: ');
    expect(lib).toContain(`no libLLVM-14.so or libLLVM-14.so.1 in ${noLlvm}`);
    expect(libFix).toMatch(LLVM_FIX);
    // optional pieces are notes, never failures; the addon is built, so its build tools are optional too
    expect(entry(report.text, 'note     llvm-config-14: ')[1]).toMatch(LLVM_FIX);
    expect(entry(report.text, 'note     FileCheck-14: ')[1]).toMatch(/fix: (sudo )?apt-get install -y llvm-14-tools$/);
    expect(report.text).toMatch(/^ok       llvm-bindings addon: /m);
    expect(report.text).toMatch(/\nonnx-zk doctor: 2 missing \(lli-14, libLLVM-14\): run the fix commands above, then onnx-zk doctor again\n$/);
  });

  describe('with an injected machine', () => {
    const bin = '/fake/bin';
    const tools = ['lli-14', 'llvm-config-14', 'FileCheck-14', 'cmake', 'g++', 'make'];
    const addonDir = '/proj/node_modules/llvm-bindings';
    const addon = `${addonDir}/build/Release/llvm-bindings.node`;
    const complete = (): DoctorEnv => ({
      env: { PATH: bin },
      nodeVersion: 'v20.11.1',
      isRoot: false,
      exists: (f) => [addon, '/usr/lib/llvm-14/lib/cmake/llvm/LLVMConfig.cmake'].includes(f),
      isExecutable: (f) => tools.some((t) => f === `${bin}/${t}`),
      probeLibLlvm: () => ({ file: '/usr/lib/llvm-14/lib/libLLVM-14.so', dirs: ['/usr/lib/llvm-14/lib'] }),
      resolveBindings: () => ({ dir: addonDir }),
      loadAddon: () => undefined,
      memory: () => ({ available: 6 * GIB, total: 16 * GIB }),
    });

    it('complete: exit 0; --memory-gib within what is available is ok', () => {
      const report = runDoctor({ memoryGib: 4 }, complete());
      expect(report.exitCode).toBe(0);
      expect(report.text.split('\n').slice(0, -2)).toEqual([
        'ok       node v20.11.1 (onnx-zk needs Node >= 20)',
        "ok       lli-14: /fake/bin/lli-14 (LLVM 14's interpreter, runs model.runtime.ll)",
        'ok       libLLVM-14: /usr/lib/llvm-14/lib/libLLVM-14.so loads (the prover reads model.bc with it)',
        `ok       llvm-bindings addon: ${addon} loads`,
        "ok       build tools to build the llvm-bindings addon (cmake, g++, make, LLVM 14's CMake package from llvm-14-dev): all present",
        'ok       llvm-config-14: /fake/bin/llvm-config-14',
        "ok       FileCheck-14: /fake/bin/FileCheck-14 (only onnx-zk's own tests use it)",
        'ok       memory: 6.0 GiB available of 16.0 GiB total, at least the 4 GiB asked for',
      ]);
    });

    it('an old Node: the nvm / NodeSource hint', () => {
      const report = runDoctor({}, { ...complete(), nodeVersion: 'v18.19.0' });
      expect(report.missing).toEqual(['node']);
      expect(entry(report.text, 'MISSING  node v18.19.0 is too old')[1]).toMatch(/fix: install Node 20 or newer: nvm install 20 .*setup_20\.x/);
      expect(report.exitCode).toBe(1);
    });

    it('an unbuilt addon: npm rebuild llvm-bindings in the project, and its build tools become required', () => {
      const env = complete();
      const report = runDoctor({}, { ...env, exists: (f) => f !== addon && env.exists(f), isExecutable: (f) => f !== `${bin}/cmake` && env.isExecutable(f) });
      expect(report.missing).toEqual(['llvm-bindings', 'build tools']);
      expect(entry(report.text, 'MISSING  llvm-bindings addon: ')).toEqual([
        `MISSING  llvm-bindings addon: ${addon} is not built (npm rebuild compiles it against llvm-14-dev with cmake and g++, a few minutes)`,
        '         fix: cd /proj && npm rebuild llvm-bindings',
      ]);
      expect(entry(report.text, 'MISSING  build tools ')[1]).toBe('         fix: sudo apt-get install -y cmake');
    });

    it('an addon that does not load (built for another Node): its error and the rebuild', () => {
      const report = runDoctor({}, { ...complete(), loadAddon: () => 'Error: The module was compiled against a different Node.js version' });
      expect(report.missing).toEqual(['llvm-bindings']);
      expect(entry(report.text, 'MISSING  llvm-bindings addon: ')[0]).toContain('does not load: Error: The module was compiled against a different Node.js version');
    });

    it('llvm-bindings not installed at all', () => {
      const report = runDoctor({}, { ...complete(), resolveBindings: () => ({ error: "Cannot find module 'llvm-bindings/package.json'" }) });
      expect(report.missing).toEqual(['llvm-bindings']);
      expect(entry(report.text, 'MISSING  llvm-bindings: not installed')[1]).toBe('         fix: npm install (in the project that installed onnx-zk)');
    });

    it('less memory available than --memory-gib: missing, exit 1', () => {
      const free = runDoctor({ memoryGib: 8 }, complete());
      expect(free.missing).toEqual(['memory']);
      expect(entry(free.text, 'MISSING  memory: ')).toEqual([
        'MISSING  memory: 6.0 GiB available of 16.0 GiB total, less than the 8 GiB asked for',
        '         fix: close other programs to free memory',
      ]);
      expect(entry(runDoctor({ memoryGib: 32 }, complete()).text, 'MISSING  memory: ')[1]).toBe('         fix: use a machine with at least 32 GiB of memory');
    });

    it('as root the apt-get commands have no sudo', () => {
      const report = runDoctor({}, { ...complete(), isRoot: true, probeLibLlvm: () => ({ dirs: ['/usr/lib/llvm-14/lib'] }) });
      expect(entry(report.text, 'MISSING  libLLVM-14: ')[1]).toBe('         fix: apt-get install -y llvm-14 llvm-14-dev cmake g++');
    });
  });

  describe('the CLI', () => {
    function onnxZk(args: string[], env: NodeJS.ProcessEnv = process.env) {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    }

    it('is listed by --help', () => {
      expect(onnxZk(['--help']).stdout).toMatch(/onnx-zk doctor +check this machine/);
    });

    it('exits 0 on this machine', () => {
      const r = onnxZk(['doctor']);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^ok       lli-14: /m);
    });

    it('exits 1 naming LLVM 14 and its install command when PATH and ONNX_ZK_LLVM_LIB_DIRS hide it', () => {
      const r = onnxZk(['doctor', '--memory-gib', '0.001'], hidden);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^MISSING  lli-14: not on PATH/m);
      expect(r.stdout).toMatch(/^MISSING  libLLVM-14: not found/m);
      expect(r.stdout).toMatch(/^ {9}fix: (sudo )?apt-get install -y llvm-14 llvm-14-dev cmake g\+\+$/m);
      expect(r.stdout).toMatch(/^ok       memory: .*at least the 0\.001 GiB asked for$/m);
    });

    it('a bad --memory-gib is a usage error (exit 2)', () => {
      expect(onnxZk(['doctor', '--memory-gib', '0'])).toEqual({
        code: 2,
        stdout: '',
        stderr: 'onnx-zk: --memory-gib wants a positive number of GiB, got "0"\nRun \'onnx-zk --help\' for usage.\n',
      });
    });
  });
});
