import * as fs from 'fs';
import { raise, withFile, ErrorSite } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { llvm, takeMessage, Opcode, Ref, MaybeRef } from './libllvm';
import { decodeArg } from './args';
import { readSignature } from './signature';
import { instructionMdStrings, printValue, valueName } from './values';
import type { CircuitCall, CircuitModule } from './module-types';

/** Instructions @circuit may hold besides gadget calls: returns and the pointer casts that feed them. */
const TOLERATED = new Set<number>([Opcode.Ret, Opcode.GetElementPtr, Opcode.BitCast]);

/**
 * Reads an onnx-zk LLVM module (.ll text or .bc bitcode) with LLVM 14's own parser and returns
 * @circuit's signature, parameters and gadget calls as plain JS. All LLVM objects are disposed.
 */
export function readCircuitModule(file: string): CircuitModule {
  return withFile(file, () => {
    if (!fs.existsSync(file)) raise(Errors.MODULE_UNREADABLE, {}, 'no such file');
    const api = llvm();
    const ctx = api.LLVMContextCreate() as Ref;
    try {
      const mod = parseModule(ctx, file);
      try {
        return walkModule(ctx, mod, file);
      } finally {
        api.LLVMDisposeModule(mod);
      }
    } finally {
      api.LLVMContextDispose(ctx);
    }
  });
}

function parseModule(ctx: Ref, file: string): Ref {
  const api = llvm();
  const buf: MaybeRef[] = [null];
  const msg: MaybeRef[] = [null];
  if (api.LLVMCreateMemoryBufferWithContentsOfFile(file, buf, msg)) {
    raise(Errors.MODULE_UNREADABLE, {}, takeMessage(msg[0]));
  }
  const mod: MaybeRef[] = [null];
  // LLVMParseIRInContext takes ownership of the memory buffer, whether it succeeds or not.
  if (api.LLVMParseIRInContext(ctx, buf[0], mod, msg) || mod[0] === null) {
    raise(Errors.MODULE_PARSE, {}, oneLine(takeMessage(msg[0])) || 'unknown parse error');
  }
  return mod[0];
}

/** LLVM's diagnostic is `file:line:col: error: text`, then the source line and a caret: keep line one. */
function oneLine(message: string): string {
  const [first = '', source] = message.split('\n');
  return source?.trim() ? `${first} (in: ${source.trim()})` : first;
}

function walkModule(ctx: Ref, mod: Ref, file: string): CircuitModule {
  const api = llvm();
  const fn = api.LLVMGetNamedFunction(mod, 'circuit') as MaybeRef;
  if (fn === null || api.LLVMGetFirstBasicBlock(fn) === null) return raise(Errors.NO_CIRCUIT);
  const signature = readSignature(mod);
  const paramRefs = Array.from({ length: api.LLVMCountParams(fn) as number }, (_, i) => api.LLVMGetParam(fn, i) as Ref);
  const calls: CircuitCall[] = [];
  for (let bb = api.LLVMGetFirstBasicBlock(fn) as MaybeRef; bb !== null; bb = api.LLVMGetNextBasicBlock(bb) as MaybeRef) {
    for (let inst = api.LLVMGetFirstInstruction(bb) as MaybeRef; inst !== null; inst = api.LLVMGetNextInstruction(inst) as MaybeRef) {
      const opcode = api.LLVMGetInstructionOpcode(inst) as number;
      if (opcode === Opcode.Call) calls.push(readCall(ctx, inst, paramRefs, file));
      else if (!TOLERATED.has(opcode)) raise(Errors.UNSUPPORTED_INSTRUCTION, {}, printValue(inst));
    }
  }
  return { file, signature, params: paramRefs.map(valueName), calls };
}

function readCall(ctx: Ref, inst: Ref, params: readonly Ref[], file: string): CircuitCall {
  const api = llvm();
  const loc = instructionMdStrings(ctx, inst, 'onnx.loc');
  const [node = '', strategy] = instructionMdStrings(ctx, inst, 'zk.node');
  const callee = valueName(api.LLVMGetCalledValue(inst) as Ref);
  const site: ErrorSite = { file, node: loc.join(',') || node || undefined, op: callee || undefined };
  if (!callee) raise(Errors.BAD_ARGUMENT, site, `indirect call ${printValue(inst)}`);
  const n = api.LLVMGetNumArgOperands(inst) as number;
  const args = Array.from({ length: n }, (_, i) => decodeArg(api.LLVMGetOperand(inst, i) as Ref, params, site));
  const call: CircuitCall = { callee, args, loc, node };
  if (strategy !== undefined) call.strategy = strategy;
  return call;
}
