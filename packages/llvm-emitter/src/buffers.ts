import llvm from './bindings';
import { Graph, assert, numel } from '@onnx-zk/tensor-ir';
import { decay, i64Array, LlvmKit } from './kit';
import { SymbolTable } from './names';

/**
 * Where each value lives in the module: graph inputs/outputs are @circuit's arguments, constants
 * are `@c.<v>` private constant globals, every other value an internal `@v.<v>` zeroinitializer
 * global, and bounds `@lo.<v>` / `@hi.<v>` private constant globals. Globals are made on first use.
 */
export class Buffers {
  private readonly args = new Map<string, llvm.Value>();
  private readonly globals = new Map<string, llvm.Value>();

  constructor(private readonly kit: LlvmKit, private readonly graph: Graph, readonly syms: SymbolTable) {}

  bindArgument(value: string, arg: llvm.Value): void {
    this.args.set(value, arg);
  }

  /** `i64*` to the value's data: its argument, its constant, or its internal buffer. */
  data(value: string): llvm.Value {
    const arg = this.args.get(value);
    if (arg) return arg;
    const constant = this.graph.constants.get(value);
    if (constant) return this.constantGlobal('c', value, constant.data as BigInt64Array);
    return this.global(`v.${this.syms.symbol(value)}`, () => {
      const type = llvm.ArrayType.get(this.kit.i64, this.length(value));
      return new llvm.GlobalVariable(this.kit.module, type, false, llvm.GlobalValue.LinkageTypes.InternalLinkage, llvm.Constant.getNullValue(type), `v.${this.syms.symbol(value)}`);
    });
  }

  /**
   * `i64*` to bounds of a value: `@lo.<v>` / `@hi.<v>`, or `@lo.<v>.shr<s>` for the bounds of v
   * rescaled by s bits (fused gadgets). A single bound is widened to one per element.
   */
  bounds(which: 'lo' | 'hi', value: string, data: BigInt64Array, shift?: number): llvm.Value {
    const n = this.length(value);
    const full = data.length === n ? data : new BigInt64Array(n).fill(data[0]);
    const suffix = shift === undefined ? '' : `.shr${shift}`;
    return this.constantGlobal(which, value, full, suffix);
  }

  nullPointer(): llvm.Value {
    return llvm.ConstantPointerNull.get(this.kit.i64Ptr);
  }

  private constantGlobal(prefix: string, value: string, data: BigInt64Array, suffix = ''): llvm.Value {
    const name = `${prefix}.${this.syms.symbol(value)}${suffix}`;
    return this.global(name, () => {
      const init = i64Array(this.kit, data);
      return new llvm.GlobalVariable(this.kit.module, init.getType(), true, llvm.GlobalValue.LinkageTypes.PrivateLinkage, init, name);
    });
  }

  private global(name: string, make: () => llvm.GlobalVariable): llvm.Value {
    let ptr = this.globals.get(name);
    if (!ptr) {
      ptr = decay(this.kit, make());
      this.globals.set(name, ptr);
    }
    return ptr;
  }

  private length(value: string): number {
    const info = this.graph.values.get(value);
    assert(info, `value ${value} has a ValueInfo (checked before emission)`);
    return numel(info.shape);
  }
}
