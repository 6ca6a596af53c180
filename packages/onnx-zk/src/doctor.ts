/**
 * `onnx-zk doctor`: checks that this machine has what onnx-zk needs (Node 20, LLVM 14, the built
 * llvm-bindings addon, memory) and prints one line per check, with the command that installs each
 * missing piece. Everything it reads comes through a DoctorEnv, so tests can hide LLVM 14.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { probeLibLlvm } from '@onnx-zk/prover-driver';
import type { LibLlvmSearch } from '@onnx-zk/prover-driver';

/** What the checks read; runDoctor fills every field it is not given from this process. */
export interface DoctorEnv {
  /** PATH (tools), ONNX_ZK_LIBLLVM and ONNX_ZK_LLVM_LIB_DIRS (libLLVM-14, see prover-driver's locateLibLlvm). */
  env: NodeJS.ProcessEnv;
  /** Node's version, as process.version ('v20.11.1'). */
  nodeVersion: string;
  /** Whether apt-get needs sudo in the printed commands. */
  isRoot: boolean;
  exists: (file: string) => boolean;
  /** An executable regular file (a tool found on PATH). */
  isExecutable: (file: string) => boolean;
  /** Locates and opens libLLVM-14 the way prover-driver does (koffi). */
  probeLibLlvm: (search: LibLlvmSearch) => { file?: string; dirs: string[]; error?: string };
  /** The llvm-bindings package directory the emitter loads, or why it cannot be resolved. */
  resolveBindings: () => { dir?: string; error?: string };
  /** Loads a native addon; returns the first line of the error, or undefined when it loads. */
  loadAddon: (file: string) => string | undefined;
  /** Memory in bytes: available to a new process (MemAvailable) and installed. */
  memory: () => { available: number; total: number };
}

export type CheckStatus = 'ok' | 'missing' | 'note';

export interface DoctorCheck {
  name: string;
  status: CheckStatus;
  detail: string;
  /** The command (or step) that installs the missing piece; shown for 'missing' and 'note'. */
  fix?: string;
}

export interface DoctorReport {
  checks: DoctorCheck[];
  /** The names of the missing checks; the command exits 1 when there is any. */
  missing: string[];
  text: string;
  exitCode: 0 | 1;
}

export interface DoctorOptions {
  /** The memory the user expects to need (the largest key they asked about), in GiB. */
  memoryGib?: number;
}

const GIB = 1024 ** 3;
export const MIN_NODE_MAJOR = 20;
export const LLVM_PACKAGES = ['llvm-14', 'llvm-14-dev', 'cmake', 'g++'];
const NODE_FIX =
  `install Node ${MIN_NODE_MAJOR} or newer: nvm install ${MIN_NODE_MAJOR} (https://github.com/nvm-sh/nvm), or NodeSource: ` +
  `curl -fsSL https://deb.nodesource.com/setup_${MIN_NODE_MAJOR}.x | sudo -E bash - && sudo apt-get install -y nodejs`;

/** This process's environment. */
export function processDoctorEnv(): DoctorEnv {
  return {
    env: process.env,
    nodeVersion: process.version,
    isRoot: process.getuid?.() === 0,
    exists: (file) => fs.existsSync(file),
    isExecutable,
    probeLibLlvm,
    resolveBindings,
    loadAddon,
    memory,
  };
}

/** Runs every check and formats the report; nothing is printed. */
export function runDoctor(opts: DoctorOptions = {}, given: Partial<DoctorEnv> = {}): DoctorReport {
  const env: DoctorEnv = { ...processDoctorEnv(), ...given };
  const apt = (packages: string[]) => `${env.isRoot ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`;
  const llvmFix = apt(LLVM_PACKAGES);
  const which = (tool: string) => findOnPath(tool, env);
  const checks: DoctorCheck[] = [];

  const major = Number(/^v?(\d+)/.exec(env.nodeVersion)?.[1] ?? NaN);
  checks.push(major >= MIN_NODE_MAJOR
    ? { name: 'node', status: 'ok', detail: `node ${env.nodeVersion} (onnx-zk needs Node >= ${MIN_NODE_MAJOR})` }
    : { name: 'node', status: 'missing', detail: `node ${env.nodeVersion} is too old (onnx-zk needs Node >= ${MIN_NODE_MAJOR})`, fix: NODE_FIX });

  const lli = which('lli-14');
  checks.push(lli
    ? { name: 'lli-14', status: 'ok', detail: `lli-14: ${lli} (LLVM 14's interpreter, runs model.runtime.ll)` }
    : { name: 'lli-14', status: 'missing', detail: "lli-14: not on PATH (LLVM 14's interpreter, from llvm-14)", fix: llvmFix });

  const lib = env.probeLibLlvm({ env: env.env, exists: env.exists });
  if (lib.file && !lib.error) {
    checks.push({ name: 'libLLVM-14', status: 'ok', detail: `libLLVM-14: ${lib.file} loads (the prover reads model.bc with it)` });
  } else {
    const why = lib.file ? `${lib.file} does not load: ${lib.error}` : `not found (${lib.error ?? `looked in ${lib.dirs.join(', ')}`})`;
    checks.push({ name: 'libLLVM-14', status: 'missing', detail: `libLLVM-14: ${why}; the loader needs libllvm14, the build llvm-14-dev`, fix: llvmFix });
  }

  const addon = checkAddon(env);
  checks.push(addon);

  checks.push(checkBuildTools(env, addon.status === 'ok', apt));

  const config = which('llvm-config-14');
  checks.push(config
    ? { name: 'llvm-config-14', status: 'ok', detail: `llvm-config-14: ${config}` }
    : { name: 'llvm-config-14', status: 'note', detail: 'llvm-config-14: not on PATH (optional: the loader and the addon build find LLVM 14 without it)', fix: llvmFix });

  const fileCheck = which('FileCheck-14');
  checks.push(fileCheck
    ? { name: 'FileCheck-14', status: 'ok', detail: `FileCheck-14: ${fileCheck} (only onnx-zk's own tests use it)` }
    : { name: 'FileCheck-14', status: 'note', detail: "FileCheck-14: not on PATH (only onnx-zk's own tests use it)", fix: apt(['llvm-14-tools']) });

  checks.push(checkMemory(env, opts.memoryGib));

  const missing = checks.filter((c) => c.status === 'missing').map((c) => c.name);
  const lines = checks.flatMap((c) => {
    const label = c.status === 'ok' ? 'ok' : c.status === 'missing' ? 'MISSING' : 'note';
    const line = `${label.padEnd(8)} ${c.detail}`;
    return c.fix && c.status !== 'ok' ? [line, `${' '.repeat(9)}fix: ${c.fix}`] : [line];
  });
  lines.push(missing.length
    ? `onnx-zk doctor: ${missing.length} missing (${missing.join(', ')}): run the fix commands above, then onnx-zk doctor again`
    : 'onnx-zk doctor: everything onnx-zk needs is here');
  return { checks, missing, text: `${lines.join('\n')}\n`, exitCode: missing.length ? 1 : 0 };
}

function checkAddon(env: DoctorEnv): DoctorCheck {
  const name = 'llvm-bindings';
  const resolved = env.resolveBindings();
  if (!resolved.dir) {
    return { name, status: 'missing', detail: `llvm-bindings: not installed (${resolved.error ?? 'cannot resolve it from onnx-zk'})`, fix: 'npm install (in the project that installed onnx-zk)' };
  }
  const file = path.join(resolved.dir, 'build', 'Release', 'llvm-bindings.node');
  // npm rebuild runs in the project whose node_modules tree holds the package.
  const top = resolved.dir.indexOf(`${path.sep}node_modules${path.sep}`);
  const project = top > 0 ? resolved.dir.slice(0, top) : path.dirname(resolved.dir);
  const fix = `cd ${project} && npm rebuild llvm-bindings`;
  const rebuild = '(npm rebuild compiles it against llvm-14-dev with cmake and g++, a few minutes)';
  if (!env.exists(file)) return { name, status: 'missing', detail: `llvm-bindings addon: ${file} is not built ${rebuild}`, fix };
  const error = env.loadAddon(file);
  if (error) return { name, status: 'missing', detail: `llvm-bindings addon: ${file} does not load: ${error} ${rebuild}`, fix };
  return { name, status: 'ok', detail: `llvm-bindings addon: ${file} loads` };
}

/** cmake, g++, make and LLVM 14's CMake package: needed only to build the addon, so required only when it is not built. */
function checkBuildTools(env: DoctorEnv, addonBuilt: boolean, apt: (packages: string[]) => string): DoctorCheck {
  const name = 'build tools';
  const packages: string[] = [];
  const absent: string[] = [];
  for (const tool of ['cmake', 'g++', 'make']) {
    if (!findOnPath(tool, env)) {
      absent.push(tool);
      packages.push(tool);
    }
  }
  const override = env.env.ONNX_ZK_LLVM_LIB_DIRS;
  const libDirs = override !== undefined ? override.split(path.delimiter).filter((d) => d !== '') : ['/usr/lib/llvm-14/lib'];
  const cmakePackage = libDirs.map((d) => path.join(d, 'cmake', 'llvm', 'LLVMConfig.cmake')).find((f) => env.exists(f));
  if (!cmakePackage) {
    absent.push("LLVM 14's CMake package");
    packages.unshift('llvm-14', 'llvm-14-dev');
  }
  const what = "to build the llvm-bindings addon (cmake, g++, make, LLVM 14's CMake package from llvm-14-dev)";
  if (!absent.length) return { name, status: 'ok', detail: `build tools ${what}: all present` };
  const detail = `build tools ${what}: no ${absent.join(', ')}${addonBuilt ? ' (the addon is built: only a rebuild needs them)' : ''}`;
  return { name, status: addonBuilt ? 'note' : 'missing', detail, fix: apt(packages) };
}

function checkMemory(env: DoctorEnv, memoryGib: number | undefined): DoctorCheck {
  const { available, total } = env.memory();
  const gib = (n: number) => `${(n / GIB).toFixed(1)} GiB`;
  const have = `${gib(available)} available of ${gib(total)} total`;
  if (memoryGib === undefined) {
    return { name: 'memory', status: 'note', detail: `memory: ${have} (pass --memory-gib N to check for the N GiB your largest key needs)` };
  }
  if (available >= memoryGib * GIB) return { name: 'memory', status: 'ok', detail: `memory: ${have}, at least the ${memoryGib} GiB asked for` };
  return {
    name: 'memory',
    status: 'missing',
    detail: `memory: ${have}, less than the ${memoryGib} GiB asked for`,
    fix: total >= memoryGib * GIB ? 'close other programs to free memory' : `use a machine with at least ${memoryGib} GiB of memory`,
  };
}

/** The first executable `tool` in the directories of env.PATH. */
export function findOnPath(tool: string, env: Pick<DoctorEnv, 'env' | 'isExecutable'>): string | undefined {
  for (const dir of (env.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, tool);
    if (env.isExecutable(file)) return file;
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * llvm-bindings as the emitter resolves it: from @onnx-zk/llvm-emitter's directory (which depends
 * on it), itself resolved from this package, so an installed copy is checked where it lives.
 */
function resolveBindings(): { dir?: string; error?: string } {
  const from = [__dirname];
  try {
    from.unshift(path.dirname(require.resolve('@onnx-zk/llvm-emitter/package.json', { paths: [__dirname] })));
  } catch {
    // resolve llvm-bindings from onnx-zk itself
  }
  try {
    return { dir: path.dirname(require.resolve('llvm-bindings/package.json', { paths: from })) };
  } catch (e) {
    return { error: String((e as Error).message).split('\n')[0] };
  }
}

/** Loads the addon in a child node, so that a broken build cannot take the doctor down with it. */
function loadAddon(file: string): string | undefined {
  const r = spawnSync(process.execPath, ['-e', 'require(process.argv[1])', file], { encoding: 'utf8', timeout: 120_000 });
  if (r.status === 0) return undefined;
  if (r.error) return r.error.message;
  const lines = `${r.stderr}`.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const message = lines.find((l) => /^Error\b|error:/i.test(l)) ?? lines[0];
  return message ?? `node exited with ${r.status ?? r.signal}`;
}

/** MemAvailable from /proc/meminfo (what a new process can use without swapping), else os.freemem(). */
function memory(): { available: number; total: number } {
  let available = os.freemem();
  try {
    const kb = /^MemAvailable:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1];
    if (kb) available = Number(kb) * 1024;
  } catch {
    // not Linux: os.freemem() it is
  }
  return { available, total: os.totalmem() };
}
