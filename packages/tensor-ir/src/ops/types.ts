import { Attr, DType, Node, Stage, Tensor, ValueInfo } from '../model';
import { ErrorDef } from '../errors';

export interface OperandSpec {
  name: string;
  /** May be '' (absent) in a node's input list, or left off at the end. */
  optional?: boolean;
  /** Takes every remaining input (at least one unless optional). Only the last operand. */
  variadic?: boolean;
}

export interface AttrSpec {
  type: Attr['type'];
  /** ONNX default, used by attrInt & co when the node has no such attribute. */
  default?: unknown;
  required?: boolean;
}

export interface InferredType {
  dtype: DType;
  shape: number[];
}

/** What an op's shape rule sees. Errors raised through it name the node and op. */
export interface InferContext {
  node: Node;
  stage: Stage;
  /** The graph's default-domain opset version; ops whose form changed across opsets branch on it. */
  opset: number;
  /** ValueInfo of each input; undefined for an absent optional input. */
  inputs: (ValueInfo | undefined)[];
  /** The tensor of each input that is a graph constant (e.g. Reshape's shape). */
  constants: (Tensor | undefined)[];
  /** Whether input i is one of the graph's inputs (RangeCheck checks one). */
  isGraphInput(i: number): boolean;
  /** ValueInfo of input i; raises IR009 when the input is absent. */
  input(i: number): ValueInfo;
  /** Raises `def` (IR009 invalid operands by default) at this node. */
  fail(details: string, def?: ErrorDef): never;
}

/** One op of a dialect: operands, attributes with their defaults, shape rule and semantics. */
export interface OpDef {
  op: string;
  inputs: OperandSpec[];
  outputs: { name: string; optional?: boolean }[];
  attrs: Record<string, AttrSpec>;
  /** Shape and dtype of every output. */
  infer(ctx: InferContext): InferredType[];
  /**
   * Float reference semantics (float dialect): float64 arithmetic, float32 storage. `opset` is the
   * graph's opset version (attribute → input moves, changed defaults).
   */
  evalFloat?(node: Node, inputs: (Tensor | undefined)[], opset: number): Tensor[];
  /**
   * Fixed dialects: the frac of every output given the inputs' FixedInfo (docs/architecture.md's
   * frac rule). Raises IR017 through ctx.fail when the inputs' fracs break the rule.
   */
  fracRule?(ctx: InferContext): number[];
}
