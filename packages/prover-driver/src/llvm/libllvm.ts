import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import * as koffi from 'koffi';
import { OnnxZkError, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';

/** An LLVM C API handle (LLVMValueRef, LLVMModuleRef, ...): a BigInt address; null is NULL. */
export type Ref = bigint;
export type MaybeRef = Ref | null;

/**
 * The subset of LLVM 14's C API the reader uses. Each entry is a C prototype in koffi's syntax;
 * handles are `void *`, out-parameters are single-element arrays or typed arrays.
 */
const PROTOTYPES = {
  LLVMContextCreate: 'void *LLVMContextCreate()',
  LLVMContextDispose: 'void LLVMContextDispose(void *c)',
  LLVMCreateMemoryBufferWithContentsOfFile: 'int LLVMCreateMemoryBufferWithContentsOfFile(const char *path, _Out_ void **buf, _Out_ void **msg)',
  LLVMParseIRInContext: 'int LLVMParseIRInContext(void *c, void *buf, _Out_ void **m, _Out_ void **msg)',
  LLVMDisposeMessage: 'void LLVMDisposeMessage(void *msg)',
  LLVMDisposeModule: 'void LLVMDisposeModule(void *m)',
  LLVMGetNamedFunction: 'void *LLVMGetNamedFunction(void *m, const char *name)',
  LLVMCountParams: 'uint32_t LLVMCountParams(void *f)',
  LLVMGetParam: 'void *LLVMGetParam(void *f, uint32_t i)',
  LLVMGetFirstBasicBlock: 'void *LLVMGetFirstBasicBlock(void *f)',
  LLVMGetNextBasicBlock: 'void *LLVMGetNextBasicBlock(void *bb)',
  LLVMGetFirstInstruction: 'void *LLVMGetFirstInstruction(void *bb)',
  LLVMGetNextInstruction: 'void *LLVMGetNextInstruction(void *i)',
  LLVMGetInstructionOpcode: 'int LLVMGetInstructionOpcode(void *i)',
  LLVMGetCalledValue: 'void *LLVMGetCalledValue(void *i)',
  LLVMGetValueName2: 'void *LLVMGetValueName2(void *v, _Out_ size_t *len)',
  LLVMPrintValueToString: 'void *LLVMPrintValueToString(void *v)',
  LLVMGetNumArgOperands: 'uint32_t LLVMGetNumArgOperands(void *i)',
  LLVMGetNumOperands: 'int LLVMGetNumOperands(void *v)',
  LLVMGetOperand: 'void *LLVMGetOperand(void *v, uint32_t i)',
  LLVMIsAConstantInt: 'void *LLVMIsAConstantInt(void *v)',
  LLVMConstIntGetSExtValue: 'int64_t LLVMConstIntGetSExtValue(void *v)',
  LLVMIsAGlobalVariable: 'void *LLVMIsAGlobalVariable(void *v)',
  LLVMIsGlobalConstant: 'int LLVMIsGlobalConstant(void *g)',
  LLVMGetInitializer: 'void *LLVMGetInitializer(void *g)',
  LLVMGlobalGetValueType: 'void *LLVMGlobalGetValueType(void *g)',
  LLVMGetTypeKind: 'int LLVMGetTypeKind(void *t)',
  LLVMGetArrayLength: 'uint32_t LLVMGetArrayLength(void *t)',
  LLVMIsAConstantDataArray: 'void *LLVMIsAConstantDataArray(void *v)',
  LLVMIsAConstantArray: 'void *LLVMIsAConstantArray(void *v)',
  LLVMIsAConstantAggregateZero: 'void *LLVMIsAConstantAggregateZero(void *v)',
  LLVMGetElementAsConstant: 'void *LLVMGetElementAsConstant(void *v, uint32_t i)',
  LLVMIsAConstantPointerNull: 'void *LLVMIsAConstantPointerNull(void *v)',
  LLVMIsNull: 'int LLVMIsNull(void *v)',
  LLVMIsAConstantExpr: 'void *LLVMIsAConstantExpr(void *v)',
  LLVMGetConstOpcode: 'int LLVMGetConstOpcode(void *v)',
  LLVMIsAArgument: 'void *LLVMIsAArgument(void *v)',
  LLVMIsAInstruction: 'void *LLVMIsAInstruction(void *v)',
  LLVMGetMDKindIDInContext: 'uint32_t LLVMGetMDKindIDInContext(void *c, const char *name, uint32_t len)',
  LLVMGetMetadata: 'void *LLVMGetMetadata(void *i, uint32_t kind)',
  LLVMGetMDNodeNumOperands: 'uint32_t LLVMGetMDNodeNumOperands(void *v)',
  LLVMGetMDNodeOperands: 'void LLVMGetMDNodeOperands(void *v, void *dest)',
  LLVMGetMDString: 'void *LLVMGetMDString(void *v, _Out_ uint32_t *len)',
  LLVMGetNamedMetadataNumOperands: 'uint32_t LLVMGetNamedMetadataNumOperands(void *m, const char *name)',
  LLVMGetNamedMetadataOperands: 'void LLVMGetNamedMetadataOperands(void *m, const char *name, void *dest)',
} as const;

/* eslint-disable @typescript-eslint/no-explicit-any */
export type LlvmApi = { [K in keyof typeof PROTOTYPES]: (...args: any[]) => any };

/** LLVM opcodes and type kinds from llvm-c/Core.h (LLVM 14). */
export const Opcode = { Ret: 1, GetElementPtr: 29, BitCast: 41, Call: 45 } as const;
export const TypeKind = { Integer: 8, Array: 11 } as const;

let api: LlvmApi | undefined;

/** Loads libLLVM-14 once per process and binds the C functions the reader needs. */
export function llvm(): LlvmApi {
  if (api) return api;
  const lib = loadLibLlvm(locateLibLlvm());
  const bound: Record<string, unknown> = {};
  for (const [name, proto] of Object.entries(PROTOTYPES)) bound[name] = lib.func(proto);
  api = bound as LlvmApi;
  return api;
}

/** The file names of LLVM 14's shared library: the -dev symlink, then libllvm14's own soname. */
export const LIBLLVM_NAMES = ['libLLVM-14.so', 'libLLVM-14.so.1'] as const;

/** Debian's multiarch library directory for this machine (libllvm14 installs libLLVM-14.so.1 there). */
const MULTIARCH: Partial<Record<string, string>> = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' };

/** What the search reads; every field defaults to this process (tests and `onnx-zk doctor` inject their own). */
export interface LibLlvmSearch {
  /**
   * The environment: ONNX_ZK_LIBLLVM (a file tried first), ONNX_ZK_LLVM_LIB_DIRS (colon-separated
   * directories that replace the default ones and llvm-config-14) and PATH (for llvm-config-14).
   */
  env?: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
}

export interface LibLlvmLocation {
  /** The first candidate that exists; undefined when none does. */
  file?: string;
  /** Every candidate looked at, in order, up to and including `file`. */
  tried: string[];
  /** The directories searched (for messages). */
  dirs: string[];
  /** $ONNX_ZK_LIBLLVM when it is set but names no file. */
  missingExplicit?: string;
}

/**
 * Finds libLLVM-14: $ONNX_ZK_LIBLLVM, then libLLVM-14.so and libLLVM-14.so.1 in each directory of
 * $ONNX_ZK_LLVM_LIB_DIRS when it is set, else in /usr/lib/llvm-14/lib, `llvm-config-14 --libdir`
 * (looked up on the search's PATH) and the multiarch /usr/lib/<triple>. The first that exists wins.
 */
export function locateLibLlvm(search: LibLlvmSearch = {}): LibLlvmLocation {
  const env = search.env ?? process.env;
  const exists = search.exists ?? fs.existsSync;
  const tried: string[] = [];
  const dirs: string[] = [];
  const attempt = (file: string) => {
    tried.push(file);
    return exists(file);
  };
  const explicit = env.ONNX_ZK_LIBLLVM;
  if (explicit && attempt(explicit)) return { file: explicit, tried, dirs };
  const missingExplicit = explicit || undefined;
  for (const dir of libLlvmDirs(env)) {
    if (dirs.includes(dir)) continue;
    dirs.push(dir);
    for (const name of LIBLLVM_NAMES) {
      const file = path.join(dir, name);
      if (attempt(file)) return { file, tried, dirs, missingExplicit };
    }
  }
  return { tried, dirs, missingExplicit };
}

/** The directories to search, lazily: llvm-config-14 only runs when the first directory had nothing. */
function* libLlvmDirs(env: NodeJS.ProcessEnv): Generator<string> {
  const override = env.ONNX_ZK_LLVM_LIB_DIRS;
  if (override !== undefined) {
    yield* override.split(path.delimiter).filter((d) => d !== '');
    return;
  }
  yield '/usr/lib/llvm-14/lib';
  const libdir = llvmConfigLibdir(env);
  if (libdir) yield libdir;
  const triple = MULTIARCH[process.arch];
  if (triple) yield `/usr/lib/${triple}`;
}

/** `llvm-config-14 --libdir`, found on the PATH of `env`; undefined when it is missing or fails. */
function llvmConfigLibdir(env: NodeJS.ProcessEnv): string | undefined {
  try {
    const out = execFileSync('llvm-config-14', ['--libdir'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens a located libLLVM-14 with koffi and checks that it exports LLVM's C API; a library that is
 * missing or will not load is error PV018, whose hint sends the user to `onnx-zk doctor`.
 */
export function loadLibLlvm(where: LibLlvmLocation): ReturnType<typeof koffi.load> {
  if (!where.file) {
    const dirs = where.dirs.length ? where.dirs.join(', ') : '(no directory: ONNX_ZK_LLVM_LIB_DIRS is empty)';
    const explicit = where.missingExplicit ? `ONNX_ZK_LIBLLVM=${where.missingExplicit} does not exist, and ` : '';
    return raise(Errors.LLVM_UNAVAILABLE, { file: 'libLLVM-14' }, `${explicit}no ${LIBLLVM_NAMES.join(' or ')} in ${dirs}`);
  }
  try {
    const lib = koffi.load(where.file);
    lib.func(PROTOTYPES.LLVMContextCreate);
    return lib;
  } catch (e) {
    return raise(Errors.LLVM_UNAVAILABLE, { file: where.file }, (e as Error).message.split('\n')[0]);
  }
}

/**
 * Locates and loads libLLVM-14 as llvm() would, without keeping it: the library `onnx-zk doctor`
 * reports on. Returns where it looked and, when it cannot be used, why (PV018's details).
 */
export function probeLibLlvm(search: LibLlvmSearch = {}): LibLlvmLocation & { error?: string } {
  const where = locateLibLlvm(search);
  try {
    loadLibLlvm(where);
    return where;
  } catch (e) {
    return { ...where, error: e instanceof OnnxZkError ? e.details : String((e as Error)?.message ?? e) };
  }
}

/** Copies `len` bytes at `ptr` into a JS string (UTF-8); LLVM strings need not be NUL-terminated. */
export function readString(ptr: MaybeRef, len: number): string {
  if (ptr === null || len === 0) return '';
  return Buffer.from(new Uint8Array(koffi.view(ptr, len)).slice()).toString('utf8');
}

/** Takes an LLVM-allocated message (char *), returns it as a string and frees it. */
export function takeMessage(ptr: MaybeRef): string {
  if (ptr === null) return '';
  const text = koffi.decode(ptr, 'char', -1) as string;
  llvm().LLVMDisposeMessage(ptr);
  return text;
}
