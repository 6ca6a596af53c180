import { OpDef } from '../ops/types';
import { Add } from './Add';
import { Linear } from './Linear';
import { RangeCheck } from './RangeCheck';
import { Relu } from './Relu';
import { Rescale } from './Rescale';
import { RescaleRelu } from './RescaleRelu';
import { Reshape } from './Reshape';

/** The fixed-point dialect (stages fixed and accel), keyed by op name. Semantics: docs/architecture.md. */
export const fixedOps: Record<string, OpDef> = {
  Add,
  Linear,
  RangeCheck,
  Relu,
  Rescale,
  RescaleRelu,
  Reshape,
};
