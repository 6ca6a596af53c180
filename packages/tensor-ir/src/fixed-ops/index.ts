import { OpDef } from '../ops/types';
import { Add } from './Add';
import { Clip } from './Clip';
import { ConvLinear } from './ConvLinear';
import { Exp } from './Exp';
import { Gelu } from './Gelu';
import { IndexMap } from './IndexMap';
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
import { Sigmoid } from './Sigmoid';
import { Softmax } from './Softmax';
import { SparseLinear } from './SparseLinear';
import { TableGather } from './TableGather';

/** The fixed-point dialect (stages fixed and accel), keyed by op name. Semantics: docs/architecture.md. */
export const fixedOps: Record<string, OpDef> = {
  Add,
  Linear,
  RangeCheck,
  Relu,
  Rescale,
  RescaleRelu,
  RescaleClip,
  Reshape,
  Exp,
  Gelu,
  Sigmoid,
  Softmax,
  ReduceMax,
  Clip,
  Reciprocal,
  Rsqrt,
  MatMul,
  LayerNormalization,
  IndexMap,
  SparseLinear,
  ConvLinear,
  TableGather,
};
