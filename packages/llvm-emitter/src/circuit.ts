import llvm from './bindings';
import { Graph } from '@onnx-zk/tensor-ir';
import type { GadgetDef } from '@onnx-zk/zk-accelerator-components';
import { isPointerKind, ResolvedArg } from './abi';
import { Buffers } from './buffers';
import { LlvmKit } from './kit';
import { SymbolTable } from './names';
import { CallPlan } from './plan';

/** `void (<i64 or i64* per abi parameter>)`: the type of `zk.<gadget>`, straight from the abi. */
export function intrinsicType(kit: LlvmKit, gadget: GadgetDef): llvm.FunctionType {
  const params = gadget.abi.map((p) => (isPointerKind(p.kind) ? kit.i64Ptr : kit.i64));
  return llvm.FunctionType.get(kit.voidTy, params, false);
}

/**
 * Emits `define void @circuit(i64* %<input>..., i64* %<output>...)` with one call per planned node,
 * in node order (metadata is attached afterwards, see metadata.ts).
 */
export function emitCircuit(kit: LlvmKit, graph: Graph, plans: CallPlan[], syms: SymbolTable): llvm.Function {
  const params = [...graph.inputs, ...graph.outputs];
  const fnType = llvm.FunctionType.get(kit.voidTy, params.map(() => kit.i64Ptr), false);
  const fn = llvm.Function.Create(fnType, llvm.GlobalValue.LinkageTypes.ExternalLinkage, 'circuit', kit.module);
  const buffers = new Buffers(kit, graph, syms);
  params.forEach((value, i) => {
    const arg = fn.getArg(i);
    arg.setName(syms.symbol(value));
    buffers.bindArgument(value, arg);
  });
  kit.builder.SetInsertPoint(llvm.BasicBlock.Create(kit.ctx, 'entry', fn));
  for (const plan of plans) {
    const callee = kit.module.getOrInsertFunction(`zk.${plan.gadget.name}`, intrinsicType(kit, plan.gadget));
    kit.builder.CreateCall(callee, plan.args.map((a) => argValue(kit, buffers, a)));
  }
  kit.builder.CreateRetVoid();
  return fn;
}

function argValue(kit: LlvmKit, buffers: Buffers, arg: ResolvedArg): llvm.Value {
  switch (arg.kind) {
    case 'out': case 'in': case 'const': return arg.value === null ? buffers.nullPointer() : buffers.data(arg.value);
    case 'lo': case 'hi': return buffers.bounds(arg.kind, arg.value, arg.data, arg.shift);
    case 'int': return llvm.ConstantInt.get(kit.i64, arg.value, true);
  }
}
