import { llvm, readString, takeMessage, Ref, MaybeRef } from './libllvm';

/** The name of an LLVM value ('' for unnamed values). */
export function valueName(v: Ref): string {
  const len: number[] = [0];
  const ptr = llvm().LLVMGetValueName2(v, len) as MaybeRef;
  return readString(ptr, Number(len[0]));
}

/** LLVM's own textual form of a value, for error messages. */
export function printValue(v: Ref): string {
  return takeMessage(llvm().LLVMPrintValueToString(v) as MaybeRef).trim();
}

/** Operand i of a user (instruction or constant expression). */
export function operand(v: Ref, i: number): Ref {
  return llvm().LLVMGetOperand(v, i) as Ref;
}

/** The signed value of an integer constant, or undefined when v is not a ConstantInt. */
export function constInt(v: Ref): bigint | undefined {
  const api = llvm();
  if (api.LLVMIsAConstantInt(v) === null) return undefined;
  return BigInt(api.LLVMConstIntGetSExtValue(v) as number | bigint);
}

/** The operands of an MDNode (given as a MetadataAsValue). */
export function mdNodeOperands(node: Ref): Ref[] {
  const api = llvm();
  const n = api.LLVMGetMDNodeNumOperands(node) as number;
  const dest = new BigUint64Array(n);
  if (n > 0) api.LLVMGetMDNodeOperands(node, dest);
  return Array.from(dest);
}

/** The text of an MDString, or undefined when md is not a string. */
export function mdString(md: Ref): string | undefined {
  if (md === 0n) return undefined;
  const len: number[] = [0];
  const ptr = llvm().LLVMGetMDString(md, len) as MaybeRef;
  return ptr === null ? undefined : readString(ptr, Number(len[0]));
}

/** The string operands of an instruction's `!<kind>` metadata node ([] when absent). */
export function instructionMdStrings(ctx: Ref, inst: Ref, kind: string): string[] {
  const api = llvm();
  const id = api.LLVMGetMDKindIDInContext(ctx, kind, Buffer.byteLength(kind)) as number;
  const node = api.LLVMGetMetadata(inst, id) as MaybeRef;
  if (node === null) return [];
  return mdNodeOperands(node).map(mdString).filter((s): s is string => s !== undefined);
}

/** The operands of module-level named metadata `!<name> = !{...}` ([] when absent). */
export function namedMetadata(mod: Ref, name: string): Ref[] {
  const api = llvm();
  const n = api.LLVMGetNamedMetadataNumOperands(mod, name) as number;
  const dest = new BigUint64Array(n);
  if (n > 0) api.LLVMGetNamedMetadataOperands(mod, name, dest);
  return Array.from(dest);
}
