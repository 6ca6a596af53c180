import llvm from '../bindings';
import { Graph, numel } from '@onnx-zk/tensor-ir';
import { decay, LlvmKit } from '../kit';
import { SymbolTable } from '../names';

/**
 * `define i32 @main()`: reads every graph input (in graph-input order, row-major) as decimal
 * integers from stdin into `@input.<v>`, calls @circuit, prints every element of every output
 * (`@output.<v>`) on its own line, returns 0. The helpers it calls live in support.ll.ts.
 */
export function emitMain(kit: LlvmKit, graph: Graph, circuit: llvm.Function, syms: SymbolTable): void {
  const { ExternalLinkage, InternalLinkage } = llvm.GlobalValue.LinkageTypes;
  const { builder: b, i64, i64Ptr, voidTy } = kit;
  const i8Ptr = llvm.Type.getInt8PtrTy(kit.ctx);
  const read = kit.module.getOrInsertFunction('onnx_zk.read_input', llvm.FunctionType.get(voidTy, [i64Ptr, i64, i8Ptr], false));
  const print = kit.module.getOrInsertFunction('onnx_zk.print_output', llvm.FunctionType.get(voidTy, [i64Ptr, i64], false));
  const main = llvm.Function.Create(llvm.FunctionType.get(b.getInt32Ty(), [], false), ExternalLinkage, 'main', kit.module);
  b.SetInsertPoint(llvm.BasicBlock.Create(kit.ctx, 'entry', main));

  const buffer = (prefix: string, value: string) => {
    const n = numel(graph.values.get(value)?.shape ?? []);
    const type = llvm.ArrayType.get(i64, n);
    const global = new llvm.GlobalVariable(kit.module, type, false, InternalLinkage, llvm.Constant.getNullValue(type), `${prefix}.${syms.symbol(value)}`);
    return { ptr: decay(kit, global), n: b.getInt64(n) };
  };
  const inputs = graph.inputs.map((v) => ({ value: v, ...buffer('input', v) }));
  const outputs = graph.outputs.map((v) => buffer('output', v));
  for (const input of inputs) {
    b.CreateCall(read, [input.ptr, input.n, b.CreateGlobalStringPtr(input.value, `input.name.${syms.symbol(input.value)}`)]);
  }
  b.CreateCall(circuit, [...inputs, ...outputs].map((buf) => buf.ptr));
  for (const output of outputs) b.CreateCall(print, [output.ptr, output.n]);
  b.CreateRet(b.getInt32(0));
}
