import { Stage } from './model';
import { OpDef } from './ops/types';
import { onnxOps } from './ops';
import { fixedOps } from './fixed-ops';

/** The op table of a stage's dialect: float → ONNX ops, fixed and accel → fixed-point ops. */
export function opsFor(stage: Stage): Record<string, OpDef> {
  return stage === 'float' ? onnxOps : fixedOps;
}

/** An op of a table, ignoring inherited object keys such as 'toString'. */
export function lookupOp<T = OpDef>(table: Record<string, T>, op: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, op) ? table[op] : undefined;
}

/** The domain of onnx-zk's own float ops. */
export const ONNX_ZK_DOMAIN = 'ai.onnx_zk';

/**
 * The float-dialect ops of domain ai.onnx_zk (made by passes, never imported from ONNX: a frontend
 * must not accept them as default-domain ops). Every other op of `onnxOps` is an ONNX op.
 */
export const onnxZkOps: ReadonlySet<string> = new Set(['MaskedSoftmax']);
