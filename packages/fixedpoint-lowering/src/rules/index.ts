import { Add } from './Add';
import { Clip } from './Clip';
import { Constant } from './Constant';
import { Flatten } from './Flatten';
import { Gemm } from './Gemm';
import { Identity } from './Identity';
import { LayerNormalization } from './LayerNormalization';
import { Linear } from './Linear';
import { MatMul } from './MatMul';
import { RangeCheck } from './RangeCheck';
import { Reciprocal } from './Reciprocal';
import { ReduceMax } from './ReduceMax';
import { Relu } from './Relu';
import { Rescale } from './Rescale';
import { RescaleRelu } from './RescaleRelu';
import { Reshape } from './Reshape';
import { Rsqrt } from './Rsqrt';
import { Exp } from './Exp';
import { Gelu } from './Gelu';
import { Softmax } from './Softmax';
import { Rule } from './types';

/**
 * The fixed-point rules, keyed by op name. A rule with `lower` handles that ONNX op of the float
 * dialect; one with `evalInt` and `bounds` defines that op of the fixed dialect.
 */
export const rules: Record<string, Rule> = {
  Add,
  Constant,
  Flatten,
  Gemm,
  Identity,
  Linear,
  MatMul,
  RangeCheck,
  Relu,
  Rescale,
  RescaleRelu,
  Reshape,
  Rsqrt,
  LayerNormalization,
  Abs: { unsupported: 'float semantics only: no fixed-point rule yet' },
  And: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ArgMax: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ArgMin: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Cast: { unsupported: 'float semantics only: no fixed-point rule yet' },
  CastLike: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Ceil: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Clip,
  Div: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Dropout: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Elu: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Equal: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Erf: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Exp,
  Floor: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Gelu,
  Greater: { unsupported: 'float semantics only: no fixed-point rule yet' },
  GreaterOrEqual: { unsupported: 'float semantics only: no fixed-point rule yet' },
  HardSigmoid: { unsupported: 'float semantics only: no fixed-point rule yet' },
  HardSwish: { unsupported: 'float semantics only: no fixed-point rule yet' },
  LeakyRelu: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Less: { unsupported: 'float semantics only: no fixed-point rule yet' },
  LessOrEqual: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Log: { unsupported: 'float semantics only: no fixed-point rule yet' },
  LogSoftmax: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Max: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Mean: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Min: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Mul: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Neg: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Not: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Or: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Pow: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Reciprocal,
  ReduceL1: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ReduceL2: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ReduceLogSumExp: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ReduceMax,
  ReduceMean: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ReduceMin: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ReduceProd: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ReduceSum: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ReduceSumSquare: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Round: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Selu: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Sigmoid: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Sign: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Softmax,
  Softplus: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Softsign: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Sqrt: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Sub: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Sum: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Tanh: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Where: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Xor: { unsupported: 'float semantics only: no fixed-point rule yet' },
  AveragePool: { unsupported: 'float semantics only: no fixed-point rule yet' },
  BatchNormalization: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Concat: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ConstantOfShape: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Conv: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ConvTranspose: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Einsum: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Expand: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Gather: { unsupported: 'float semantics only: no fixed-point rule yet' },
  GatherElements: { unsupported: 'float semantics only: no fixed-point rule yet' },
  GlobalAveragePool: { unsupported: 'float semantics only: no fixed-point rule yet' },
  GlobalMaxPool: { unsupported: 'float semantics only: no fixed-point rule yet' },
  InstanceNormalization: { unsupported: 'float semantics only: no fixed-point rule yet' },
  MaxPool: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Pad: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Range: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Resize: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Shape: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Size: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Slice: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Split: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Squeeze: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Tile: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Transpose: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Trilu: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Unsqueeze: { unsupported: 'float semantics only: no fixed-point rule yet' },
  DepthToSpace: { unsupported: 'float semantics only: no fixed-point rule yet' },
  EyeLike: { unsupported: 'float semantics only: no fixed-point rule yet' },
  GatherND: { unsupported: 'float semantics only: no fixed-point rule yet' },
  GroupNormalization: { unsupported: 'float semantics only: no fixed-point rule yet' },
  LpPool: { unsupported: 'float semantics only: no fixed-point rule yet' },
  MeanVarianceNormalization: { unsupported: 'float semantics only: no fixed-point rule yet' },
  OneHot: { unsupported: 'float semantics only: no fixed-point rule yet' },
  RMSNormalization: { unsupported: 'float semantics only: no fixed-point rule yet' },
  RotaryEmbedding: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ScatterElements: { unsupported: 'float semantics only: no fixed-point rule yet' },
  ScatterND: { unsupported: 'float semantics only: no fixed-point rule yet' },
  SpaceToDepth: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Upsample: { unsupported: 'float semantics only: no fixed-point rule yet' },
  Attention: { unsupported: 'float semantics only: no fixed-point rule yet' },
  NonZero: { unsupported: 'float semantics only: no fixed-point rule yet' },
  TopK: { unsupported: 'float semantics only: no fixed-point rule yet' },
  GRU: { unsupported: 'float semantics only: no fixed-point rule yet' },
  LSTM: { unsupported: 'float semantics only: no fixed-point rule yet' },
  RNN: { unsupported: 'float semantics only: no fixed-point rule yet' },
};

export type { Rule, FixedTypes } from './types';
