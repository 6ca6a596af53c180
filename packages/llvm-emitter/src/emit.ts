import llvm from './bindings';
import { ErrorCollector, TirFile, raise, verifyGraph } from '@onnx-zk/tensor-ir';
import { GadgetDef, gadgets as libraryGadgets } from '@onnx-zk/zk-accelerator-components';
import { emitCircuit } from './circuit';
import { Errors, internalError } from './errors';
import { createKit } from './kit';
import { attachMetadata } from './metadata';
import { SymbolTable } from './names';
import { bitcodeOf, parseModuleText, verifyOrThrow } from './parse';
import { CallPlan, planCalls } from './plan';
import { emitMain } from './runtime/main';
import { missingRuntime, runtimeModuleText } from './runtime/runtime-module';
import { CircuitSignature, circuitSignature } from './signature';

export interface EmitOptions {
  /** Also define every zk.* intrinsic used and `i32 @main()`, so `lli-14` runs the model. */
  runtime?: boolean;
  /** Also return the module as bitcode. */
  bitcode?: boolean;
  /** Mark the inputs public in the signature (default private). */
  publicInputs?: boolean;
  /** The gadget table (default: zk-accelerator-components' gadgets). */
  gadgets?: Record<string, GadgetDef>;
}

export interface EmittedModule {
  /** The verified module as LLVM 14 assembly. */
  ll: string;
  bc?: Uint8Array;
  signature: CircuitSignature;
  /** Number of zk.* calls in @circuit (one per node). */
  calls: number;
}

/**
 * Emits the LLVM module of an accel graph (docs/architecture.md "LLVM module"): built with
 * llvm-bindings' IRBuilder, metadata attached, parsed back by LLVM, runtime linked in when asked,
 * and verified by LLVM's verifier before anything is returned.
 */
export function emitModule(file: TirFile, opts: EmitOptions = {}): EmittedModule {
  const graph = file.graph;
  if (graph.stage !== 'accel') raise(Errors.NOT_ACCEL, {}, `got a ${graph.stage} graph (producer ${file.producer})`);
  verifyGraph(graph);
  const plans = planCalls(graph, opts.gadgets ?? libraryGadgets);
  const used = usedGadgets(plans);
  if (opts.runtime) checkRuntimeDefined(plans, used);

  const syms = new SymbolTable();
  const kit = createKit(graph.name);
  const circuit = emitCircuit(kit, graph, plans, syms);
  if (opts.runtime) emitMain(kit, graph, circuit, syms);
  const signature = circuitSignature(graph, opts.publicInputs ?? false);
  const text = attachMetadata(kit.module.print(), plans, JSON.stringify(signature));

  const module = parseModuleText(kit.ctx, text, graph.name);
  if (opts.runtime) linkRuntime(kit.ctx, module, used);
  verifyOrThrow(module);
  return { ll: module.print(), bc: opts.bitcode ? bitcodeOf(module) : undefined, signature, calls: plans.length };
}

function usedGadgets(plans: CallPlan[]): GadgetDef[] {
  return [...new Map(plans.map((p) => [p.gadget.name, p.gadget])).values()];
}

/** LL007 for every node whose gadget has no runtime body. */
function checkRuntimeDefined(plans: CallPlan[], used: GadgetDef[]): void {
  const missing = new Set(missingRuntime(used).map((g) => g.name));
  const errors = new ErrorCollector();
  for (const { node, gadget } of plans) {
    if (missing.has(gadget.name)) errors.add(Errors.NO_RUNTIME, { node: node.name, op: node.op }, `gadget ${gadget.name}`);
  }
  errors.throwIfAny();
}

function linkRuntime(ctx: llvm.LLVMContext, module: llvm.Module, used: GadgetDef[]): void {
  const runtime = parseModuleText(ctx, runtimeModuleText(used), 'onnx-zk-runtime');
  // linkModules returns true on error (LLVM's convention); `runtime` is consumed either way.
  if (llvm.Linker.linkModules(module, runtime)) throw internalError(Errors.INVALID_MODULE, 'linking the runtime failed');
}
