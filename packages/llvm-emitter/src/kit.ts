import llvm from './bindings';

/** The LLVM objects every emitter step shares: one context, one module, the i64 types. */
export interface LlvmKit {
  ctx: llvm.LLVMContext;
  module: llvm.Module;
  builder: llvm.IRBuilder;
  i64: llvm.IntegerType;
  i64Ptr: llvm.PointerType;
  voidTy: llvm.Type;
}

export function createKit(moduleName: string, ctx = new llvm.LLVMContext()): LlvmKit {
  const module = new llvm.Module(moduleName, ctx);
  module.setSourceFileName(moduleName);
  return {
    ctx,
    module,
    builder: new llvm.IRBuilder(ctx),
    i64: llvm.Type.getInt64Ty(ctx),
    i64Ptr: llvm.Type.getInt64PtrTy(ctx),
    voidTy: llvm.Type.getVoidTy(ctx),
  };
}

/** `i64*` to element 0 of an `[N x i64]` global (a constant GEP expression, as prover-driver expects). */
export function decay(kit: LlvmKit, global: llvm.GlobalVariable): llvm.Value {
  const zero = kit.builder.getInt64(0);
  return kit.builder.CreateInBoundsGEP(global.getValueType(), global, [zero, zero]);
}

/** An i64 constant; values beyond 2^53 (not exact as JS numbers) are folded from two 32-bit halves. */
export function i64Const(kit: LlvmKit, v: bigint): llvm.Constant {
  if (v >= -(2n ** 53n) && v <= 2n ** 53n) return llvm.ConstantInt.get(kit.i64, Number(v), true);
  const hi = Number(BigInt.asIntN(32, v >> 32n));
  const lo = Number(BigInt.asUintN(32, v));
  const b = kit.builder;
  return b.CreateOr(b.CreateShl(b.getInt64(hi), b.getInt64(32)), llvm.ConstantInt.get(kit.i64, lo, false)) as llvm.Constant;
}

/** An `[N x i64]` constant initializer holding exactly these integers. */
export function i64Array(kit: LlvmKit, data: BigInt64Array): llvm.Constant {
  const exact = data.every((v) => v >= -(2n ** 53n) && v <= 2n ** 53n);
  if (exact) return llvm.ConstantDataArray.get(kit.ctx, Array.from(data, Number));
  const type = llvm.ArrayType.get(kit.i64, data.length);
  return llvm.ConstantArray.get(type, Array.from(data, (v) => i64Const(kit, v)));
}
