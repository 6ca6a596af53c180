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
import { RescaleClip } from './RescaleClip';
import { RescaleRelu } from './RescaleRelu';
import { Reshape } from './Reshape';
import { Rsqrt } from './Rsqrt';
import { Exp } from './Exp';
import { Gelu } from './Gelu';
import { Softmax } from './Softmax';
import { MaskedSoftmax } from './MaskedSoftmax';
import { Sigmoid } from './Sigmoid';
import { Tanh } from './Tanh';
import { AveragePool, GlobalAveragePool } from './AveragePool';
import { BatchNormalization } from './BatchNormalization';
import { Conv } from './Conv';
import { ConvLinear } from './ConvLinear';
import { ConvTranspose } from './ConvTranspose';
import { dataMovementRules } from './data-movement';
import { Elu } from './Elu';
import { IndexMap } from './IndexMap';
import { InstanceNormalization } from './InstanceNormalization';
import { LeakyRelu, PRelu } from './LeakyRelu';
import { GlobalMaxPool, MaxPool } from './MaxPool';
import { Div, Mul } from './Mul';
import { Mean, Neg, Sub, Sum } from './linear-elementwise';
import { ReduceMean, ReduceSum } from './reduce-linear';
import { SparseLinear } from './SparseLinear';
import { TableGather } from './TableGather';
import { Rule } from './types';

/**
 * The fixed-point rules, keyed by op name. A rule with `lower` handles that ONNX op of the float
 * dialect; one with `evalInt` and `bounds` defines that op of the fixed dialect.
 */
/** An ONNX op the float interpreter runs but no rule lowers yet (the lowering names the node). */
const FLOAT_ONLY = { unsupported: 'float semantics only: no fixed-point rule yet' } as const;

export const rules: Record<string, Rule> = {
  ...dataMovementRules,
  AveragePool,
  BatchNormalization,
  Conv,
  ConvLinear,
  ConvTranspose,
  Elu,
  GlobalAveragePool,
  GlobalMaxPool,
  IndexMap,
  InstanceNormalization,
  LeakyRelu,
  MaxPool,
  Mul,
  Div,
  Neg,
  Sub,
  Sum,
  Mean,
  PRelu,
  SparseLinear,
  TableGather,
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
  RescaleClip,
  Reshape,
  Rsqrt,
  LayerNormalization,
  Abs: FLOAT_ONLY,
  Celu: FLOAT_ONLY,
  CumSum: FLOAT_ONLY,
  Det: FLOAT_ONLY,
  Hardmax: FLOAT_ONLY,
  IsInf: FLOAT_ONLY,
  IsNaN: FLOAT_ONLY,
  Mish: FLOAT_ONLY,
  Swish: FLOAT_ONLY,
  And: FLOAT_ONLY,
  ArgMax: FLOAT_ONLY,
  ArgMin: FLOAT_ONLY,
  Cast: FLOAT_ONLY,
  CastLike: FLOAT_ONLY,
  Ceil: FLOAT_ONLY,
  Clip,
  Dropout: FLOAT_ONLY,
  Equal: FLOAT_ONLY,
  Erf: FLOAT_ONLY,
  Exp,
  Floor: FLOAT_ONLY,
  Gelu,
  Greater: FLOAT_ONLY,
  GreaterOrEqual: FLOAT_ONLY,
  HardSigmoid: FLOAT_ONLY,
  HardSwish: FLOAT_ONLY,
  Less: FLOAT_ONLY,
  LessOrEqual: FLOAT_ONLY,
  Log: FLOAT_ONLY,
  LogSoftmax: FLOAT_ONLY,
  Max: FLOAT_ONLY,
  Min: FLOAT_ONLY,
  Not: FLOAT_ONLY,
  Or: FLOAT_ONLY,
  Pow: FLOAT_ONLY,
  Reciprocal,
  ReduceL1: FLOAT_ONLY,
  ReduceL2: FLOAT_ONLY,
  ReduceLogSumExp: FLOAT_ONLY,
  ReduceMax,
  ReduceMean,
  ReduceMin: FLOAT_ONLY,
  ReduceProd: FLOAT_ONLY,
  ReduceSum,
  ReduceSumSquare: FLOAT_ONLY,
  Round: FLOAT_ONLY,
  Selu: FLOAT_ONLY,
  Sigmoid,
  Sign: FLOAT_ONLY,
  Softmax,
  MaskedSoftmax,
  Softplus: FLOAT_ONLY,
  Softsign: FLOAT_ONLY,
  Sqrt: FLOAT_ONLY,
  Tanh,
  Sin: FLOAT_ONLY,
  Cos: FLOAT_ONLY,
  Tan: FLOAT_ONLY,
  Asin: FLOAT_ONLY,
  Acos: FLOAT_ONLY,
  Atan: FLOAT_ONLY,
  Sinh: FLOAT_ONLY,
  Cosh: FLOAT_ONLY,
  Asinh: FLOAT_ONLY,
  Acosh: FLOAT_ONLY,
  Atanh: FLOAT_ONLY,
  Mod: FLOAT_ONLY,
  Xor: FLOAT_ONLY,
  ConstantOfShape: FLOAT_ONLY,
  Einsum: FLOAT_ONLY,
  Range: FLOAT_ONLY,
  Shape: FLOAT_ONLY,
  Size: FLOAT_ONLY,
  Trilu: FLOAT_ONLY,
  EyeLike: FLOAT_ONLY,
  GroupNormalization: FLOAT_ONLY,
  LpPool: FLOAT_ONLY,
  MeanVarianceNormalization: FLOAT_ONLY,
  OneHot: FLOAT_ONLY,
  RMSNormalization: FLOAT_ONLY,
  RotaryEmbedding: FLOAT_ONLY,
  ScatterElements: FLOAT_ONLY,
  ScatterND: FLOAT_ONLY,
  Attention: FLOAT_ONLY,
  NonZero: FLOAT_ONLY,
  TopK: FLOAT_ONLY,
  GRU: FLOAT_ONLY,
  LSTM: FLOAT_ONLY,
  RNN: FLOAT_ONLY,
};

export type { Rule, FixedTypes } from './types';
