import { raise, ErrorSite } from '@onnx-zk/tensor-ir';
import type { Signal } from '@onnx-zk/zk-accelerator-components';
import { Errors } from '../errors';
import type { Arg } from '../llvm';

export type BufferArg = Extract<Arg, { kind: 'param' | 'global' }>;

/** The i64 buffers of @circuit (parameters and `@v.*` globals) as circuit signals. */
export class BufferMap {
  private readonly signals = new Map<string, Signal[]>();

  /** @param paramSizes element count of each @circuit parameter, in order. */
  constructor(private readonly paramSizes: readonly number[]) {}

  static key(arg: BufferArg): string {
    return arg.kind === 'param' ? `%${arg.name}` : `@${arg.name}`;
  }

  size(arg: BufferArg): number {
    return arg.kind === 'param' ? this.paramSizes[arg.index] : arg.size;
  }

  has(arg: BufferArg): boolean {
    return this.signals.has(BufferMap.key(arg));
  }

  /** The signals of a buffer an earlier call (or the inputs) wrote. */
  read(arg: BufferArg, site: ErrorSite): Signal[] {
    const s = this.signals.get(BufferMap.key(arg));
    if (!s) return raise(Errors.UNDEFINED_BUFFER, site, BufferMap.key(arg));
    return s;
  }

  /** Binds a buffer's signals; every buffer is written once (inputs by the driver, the rest by one call). */
  write(arg: BufferArg, signals: Signal[], site: ErrorSite): void {
    if (this.has(arg)) raise(Errors.ABI_MISMATCH, site, `${BufferMap.key(arg)} is written a second time`);
    const size = this.size(arg);
    if (signals.length !== size) {
      raise(Errors.ABI_MISMATCH, site, `${BufferMap.key(arg)} holds ${size} elements, the gadget produced ${signals.length}`);
    }
    this.signals.set(BufferMap.key(arg), signals);
  }
}
