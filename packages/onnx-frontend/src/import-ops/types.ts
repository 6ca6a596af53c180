import type { DType, ErrorSite, Node, Tensor } from '@onnx-zk/tensor-ir';

/** What an import rule may look at and change while the ONNX nodes are converted in order. */
export interface ImportContext {
  /** The file, node name and op type of the node being converted (for errors). */
  site: ErrorSite;
  /** A value's dtype when known at import time: graph inputs, constants, declared value_info, rule outputs. */
  dtypeOf(value: string): DType | undefined;
  /** Records the dtype of a value a rule produced. */
  setDtype(value: string, dtype: DType): void;
  /** Makes `value` a graph constant. */
  addConstant(value: string, tensor: Tensor): void;
}

/**
 * An ONNX op the frontend itself rewrites, by ONNX op type: it receives the converted node and
 * returns the tensor-ir nodes to emit in its place (none when the node became a constant).
 * Ops without a rule are emitted as they are, and must be in tensor-ir's onnxOps.
 */
export type ImportRule = (node: Node, ctx: ImportContext) => Node[];
