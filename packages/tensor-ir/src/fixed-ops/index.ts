import { OpDef } from '../ops/types';
import { Add } from './Add';
import { Clip } from './Clip';
import { Exp } from './Exp';
import { Gelu } from './Gelu';
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
import { Softmax } from './Softmax';

/** The fixed-point dialect (stages fixed and accel), keyed by op name. Semantics: docs/architecture.md. */
export const fixedOps: Record<string, OpDef> = {
  Add,
  Linear,
  RangeCheck,
  Relu,
  Rescale,
  RescaleRelu,
  Reshape,
  Exp,
  Gelu,
  Softmax,
  ReduceMax,
  Clip,
  Reciprocal,
  Rsqrt,
  MatMul,
  LayerNormalization,
};
