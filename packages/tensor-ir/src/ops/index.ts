import { OpDef } from './types';
import { Add } from './Add';
import { Constant } from './Constant';
import { Flatten } from './Flatten';
import { Gemm } from './Gemm';
import { Identity } from './Identity';
import { MatMul } from './MatMul';
import { Relu } from './Relu';
import { Reshape } from './Reshape';
import { Concat } from './Concat';
import { ConstantOfShape } from './ConstantOfShape';
import { Expand } from './Expand';
import { Gather } from './Gather';
import { GatherElements } from './GatherElements';
import { Pad } from './Pad';
import { Range } from './Range';
import { Shape } from './Shape';
import { Size } from './Size';
import { Slice } from './Slice';
import { Split } from './Split';
import { Squeeze } from './Squeeze';
import { Tile } from './Tile';
import { Transpose } from './Transpose';
import { Trilu } from './Trilu';
import { Unsqueeze } from './Unsqueeze';
import { AveragePool } from './AveragePool';
import { Conv } from './Conv';
import { MaxPool } from './MaxPool';
import { BatchNormalization } from './BatchNormalization';
import { GlobalAveragePool } from './GlobalAveragePool';
import { GlobalMaxPool } from './GlobalMaxPool';
import { InstanceNormalization } from './InstanceNormalization';
import { LayerNormalization } from './LayerNormalization';
import { Abs } from './Abs';
import { And } from './And';
import { ArgMax } from './ArgMax';
import { ArgMin } from './ArgMin';
import { Cast } from './Cast';
import { CastLike } from './CastLike';
import { Ceil } from './Ceil';
import { Clip } from './Clip';
import { Div } from './Div';
import { Dropout } from './Dropout';
import { Elu } from './Elu';
import { Equal } from './Equal';
import { Erf } from './Erf';
import { Exp } from './Exp';
import { Floor } from './Floor';
import { Gelu } from './Gelu';
import { Greater } from './Greater';
import { GreaterOrEqual } from './GreaterOrEqual';
import { HardSigmoid } from './HardSigmoid';
import { HardSwish } from './HardSwish';
import { LeakyRelu } from './LeakyRelu';
import { Less } from './Less';
import { LessOrEqual } from './LessOrEqual';
import { Log } from './Log';
import { LogSoftmax } from './LogSoftmax';
import { Max } from './Max';
import { Mean } from './Mean';
import { Min } from './Min';
import { Mul } from './Mul';
import { Neg } from './Neg';
import { Not } from './Not';
import { Or } from './Or';
import { Pow } from './Pow';
import { Reciprocal } from './Reciprocal';
import { ReduceL1 } from './ReduceL1';
import { ReduceL2 } from './ReduceL2';
import { ReduceLogSumExp } from './ReduceLogSumExp';
import { ReduceMax } from './ReduceMax';
import { ReduceMean } from './ReduceMean';
import { ReduceMin } from './ReduceMin';
import { ReduceProd } from './ReduceProd';
import { ReduceSum } from './ReduceSum';
import { ReduceSumSquare } from './ReduceSumSquare';
import { Round } from './Round';
import { Selu } from './Selu';
import { Sigmoid } from './Sigmoid';
import { Sign } from './Sign';
import { Softmax } from './Softmax';
import { Softplus } from './Softplus';
import { Softsign } from './Softsign';
import { Sqrt } from './Sqrt';
import { Sub } from './Sub';
import { Sum } from './Sum';
import { Tanh } from './Tanh';
import { Where } from './Where';
import { Xor } from './Xor';
import { ConvTranspose } from './ConvTranspose';
import { Einsum } from './Einsum';
import { Resize } from './Resize';
import { DepthToSpace } from './DepthToSpace';
import { EyeLike } from './EyeLike';
import { GatherND } from './GatherND';
import { GroupNormalization } from './GroupNormalization';
import { LpPool } from './LpPool';
import { MeanVarianceNormalization } from './MeanVarianceNormalization';
import { OneHot } from './OneHot';
import { RMSNormalization } from './RMSNormalization';
import { RotaryEmbedding } from './RotaryEmbedding';
import { ScatterElements } from './ScatterElements';
import { ScatterND } from './ScatterND';
import { SpaceToDepth } from './SpaceToDepth';
import { Upsample } from './Upsample';
import { Attention } from './Attention';
import { NonZero } from './NonZero';
import { TopK } from './TopK';
import { GRU } from './GRU';
import { LSTM } from './LSTM';
import { RNN } from './RNN';
import { Sin } from './Sin';
import { Cos } from './Cos';
import { Tan } from './Tan';
import { Asin } from './Asin';
import { Acos } from './Acos';
import { Atan } from './Atan';
import { Sinh } from './Sinh';
import { Cosh } from './Cosh';
import { Asinh } from './Asinh';
import { Acosh } from './Acosh';
import { Atanh } from './Atanh';
import { PRelu } from './PRelu';
import { Mod } from './Mod';
import { MaskedSoftmax } from './MaskedSoftmax';
import { Celu } from './Celu';
import { Swish } from './Swish';
import { Mish } from './Mish';
import { Hardmax } from './Hardmax';
import { IsInf } from './IsInf';
import { IsNaN } from './IsNaN';
import { CumSum } from './CumSum';
import { Det } from './Det';

/** The float dialect: ONNX ops keyed by op type. One file per op; add new ones here. */
export const onnxOps: Record<string, OpDef> = {
  Add,
  Constant,
  Flatten,
  Gemm,
  Identity,
  MatMul,
  Relu,
  Reshape,
  Concat,
  ConstantOfShape,
  Expand,
  Gather,
  GatherElements,
  Pad,
  Range,
  Shape,
  Size,
  Slice,
  Split,
  Squeeze,
  Tile,
  Transpose,
  Trilu,
  Unsqueeze,
  AveragePool,
  Conv,
  MaxPool,
  BatchNormalization,
  GlobalAveragePool,
  GlobalMaxPool,
  InstanceNormalization,
  LayerNormalization,
  Abs,
  And,
  ArgMax,
  ArgMin,
  Cast,
  CastLike,
  Ceil,
  Clip,
  Div,
  Dropout,
  Elu,
  Equal,
  Erf,
  Exp,
  Floor,
  Gelu,
  Greater,
  GreaterOrEqual,
  HardSigmoid,
  HardSwish,
  LeakyRelu,
  Less,
  LessOrEqual,
  Log,
  LogSoftmax,
  Max,
  Mean,
  Min,
  Mul,
  Neg,
  Not,
  Or,
  Pow,
  Reciprocal,
  ReduceL1,
  ReduceL2,
  ReduceLogSumExp,
  ReduceMax,
  ReduceMean,
  ReduceMin,
  ReduceProd,
  ReduceSum,
  ReduceSumSquare,
  Round,
  Selu,
  Sigmoid,
  Sign,
  Softmax,
  Softplus,
  Softsign,
  Sqrt,
  Sub,
  Sum,
  Tanh,
  Where,
  Xor,
  ConvTranspose,
  Einsum,
  Resize,
  DepthToSpace,
  EyeLike,
  GatherND,
  GroupNormalization,
  LpPool,
  MeanVarianceNormalization,
  OneHot,
  RMSNormalization,
  RotaryEmbedding,
  ScatterElements,
  ScatterND,
  SpaceToDepth,
  Upsample,
  Attention,
  NonZero,
  TopK,
  GRU,
  LSTM,
  RNN,
  Sin,
  Cos,
  Tan,
  Asin,
  Acos,
  Atan,
  Sinh,
  Cosh,
  Asinh,
  Acosh,
  Atanh,
  PRelu,
  Mod,
  Celu,
  Swish,
  Mish,
  Hardmax,
  IsInf,
  IsNaN,
  CumSum,
  Det,
  // onnx-zk extension ops (domain ai.onnx_zk): made by passes, never imported from ONNX.
  MaskedSoftmax,
};
