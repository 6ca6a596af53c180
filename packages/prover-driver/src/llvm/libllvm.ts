import * as fs from 'fs';
import { execFileSync } from 'child_process';
import * as koffi from 'koffi';
import { raise } from '@onnx-zk/tensor-ir';
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
  const file = findLibLlvm();
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = koffi.load(file);
  } catch (e) {
    return raise(Errors.LLVM_NOT_FOUND, {}, `${file}: ${(e as Error).message}`);
  }
  const bound: Record<string, unknown> = {};
  for (const [name, proto] of Object.entries(PROTOTYPES)) bound[name] = lib.func(proto);
  api = bound as LlvmApi;
  return api;
}

function findLibLlvm(): string {
  const candidates = [process.env.ONNX_ZK_LIBLLVM, '/usr/lib/llvm-14/lib/libLLVM-14.so'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  try {
    const libdir = execFileSync('llvm-config-14', ['--libdir'], { encoding: 'utf8' }).trim();
    const file = `${libdir}/libLLVM-14.so`;
    if (fs.existsSync(file)) return file;
  } catch {
    // llvm-config-14 missing: fall through to the error below.
  }
  return raise(Errors.LLVM_NOT_FOUND, {}, 'libLLVM-14.so not found in /usr/lib/llvm-14/lib nor via llvm-config-14 --libdir');
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
