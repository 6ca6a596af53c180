import { Add } from './Add';
import { Constant } from './Constant';
import { Flatten } from './Flatten';
import { Gemm } from './Gemm';
import { Identity } from './Identity';
import { Linear } from './Linear';
import { MatMul } from './MatMul';
import { RangeCheck } from './RangeCheck';
import { Relu } from './Relu';
import { Rescale } from './Rescale';
import { RescaleRelu } from './RescaleRelu';
import { Reshape } from './Reshape';
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
};

export type { Rule, FixedTypes } from './types';
