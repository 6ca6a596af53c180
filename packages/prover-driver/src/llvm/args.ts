import { raise, ErrorSite } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { llvm, Opcode, TypeKind, Ref, MaybeRef } from './libllvm';
import { constInt, operand, printValue, valueName } from './values';
import type { Arg } from './module-types';

/** Decodes one call argument into an Arg; `params` are @circuit's parameters in order. */
export function decodeArg(v: Ref, params: readonly Ref[], site: ErrorSite): Arg {
  const api = llvm();
  const int = constInt(v);
  if (int !== undefined) return { kind: 'int', value: int };
  if (api.LLVMIsAConstantPointerNull(v) !== null) return { kind: 'null' };
  const base = stripPointerCasts(v, site);
  if (api.LLVMIsAArgument(base) !== null) {
    const index = params.indexOf(base);
    if (index < 0) raise(Errors.BAD_ARGUMENT, site, `${printValue(v)} is not a parameter of @circuit`);
    return { kind: 'param', index, name: valueName(base) };
  }
  if (api.LLVMIsAGlobalVariable(base) !== null) return decodeGlobal(base, site);
  return raise(Errors.BAD_ARGUMENT, site, `${printValue(v)}: expected a parameter, a global, an i64 or null`);
}

/** Follows `getelementptr (..., 0, 0)` and bitcasts (constant expressions or instructions) to the buffer. */
function stripPointerCasts(v: Ref, site: ErrorSite): Ref {
  const api = llvm();
  for (;;) {
    const opcode = castOpcode(v);
    if (opcode === undefined) return v;
    if (opcode === Opcode.GetElementPtr) {
      const n = api.LLVMGetNumOperands(v) as number;
      for (let i = 1; i < n; i++) {
        if (constInt(operand(v, i)) !== 0n) raise(Errors.BAD_ARGUMENT, site, `${printValue(v)}: only whole buffers (indices 0) are supported`);
      }
    }
    v = operand(v, 0);
  }
}

function castOpcode(v: Ref): number | undefined {
  const api = llvm();
  let opcode: number | undefined;
  if (api.LLVMIsAConstantExpr(v) !== null) opcode = api.LLVMGetConstOpcode(v) as number;
  else if (api.LLVMIsAInstruction(v) !== null) opcode = api.LLVMGetInstructionOpcode(v) as number;
  return opcode === Opcode.GetElementPtr || opcode === Opcode.BitCast ? opcode : undefined;
}

function decodeGlobal(g: Ref, site: ErrorSite): Arg {
  const api = llvm();
  const name = valueName(g);
  const type = api.LLVMGlobalGetValueType(g) as Ref;
  const kind = api.LLVMGetTypeKind(type) as number;
  if (kind !== TypeKind.Array && kind !== TypeKind.Integer) raise(Errors.BAD_ARGUMENT, site, `@${name}: expected an [N x i64] global`);
  const size = kind === TypeKind.Array ? (api.LLVMGetArrayLength(type) as number) : 1;
  if (!api.LLVMIsGlobalConstant(g)) return { kind: 'global', name, size };
  const init = api.LLVMGetInitializer(g) as MaybeRef;
  if (init === null) raise(Errors.BAD_ARGUMENT, site, `constant @${name} has no initializer`);
  return { kind: 'global', name, size, values: constantValues(init, size, name, site) };
}

/** The i64 elements of a constant initializer: a data array, an array, zeroinitializer or a scalar. */
function constantValues(init: Ref, size: number, name: string, site: ErrorSite): BigInt64Array {
  const api = llvm();
  const values = new BigInt64Array(size);
  if (api.LLVMIsAConstantAggregateZero(init) !== null) return values;
  const scalar = constInt(init);
  if (scalar !== undefined) { values[0] = scalar; return values; }
  const element: ((i: number) => Ref) | undefined =
    api.LLVMIsAConstantDataArray(init) !== null ? (i) => api.LLVMGetElementAsConstant(init, i) as Ref
    : api.LLVMIsAConstantArray(init) !== null ? (i) => operand(init, i)
    : undefined;
  if (!element) return raise(Errors.BAD_ARGUMENT, site, `@${name}: unsupported initializer ${printValue(init).slice(0, 80)}`);
  for (let i = 0; i < size; i++) {
    const x = constInt(element(i));
    if (x === undefined) raise(Errors.BAD_ARGUMENT, site, `@${name}[${i}] is not an integer constant`);
    values[i] = x;
  }
  return values;
}
