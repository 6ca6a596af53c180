import { add } from './add';
import { addConst } from './add-const';
import { copy } from './copy';
import { linear } from './linear';
import { rangeCheck } from './range-check';
import { relu } from './relu';
import { rescale } from './rescale';
import { rescaleRelu } from './rescale-relu';
import { rescaleClip } from './rescale-clip';
import { clamp } from './clamp';
import { convLinear } from './conv-linear';
import { indexMap } from './index-map';
import { sparseLinear } from './sparse-linear';
import { tableGather } from './table-gather';
import { layerNorm } from './layer-norm';
import { matmulPrivate } from './matmul-private';
import { max } from './max';
import { reciprocal } from './reciprocal';
import { rsqrt } from './rsqrt';
import { exp } from './exp';
import { gelu } from './gelu';
import { sigmoid } from './sigmoid';
import { softmax } from './softmax';
import type { GadgetDef } from './types';

/** Every gadget, by name (the LLVM intrinsic is `zk.<name>`). */
export const gadgets: Record<string, GadgetDef> = {
  linear,
  rescale,
  relu,
  rescale_relu: rescaleRelu,
  rescale_clip: rescaleClip,
  add,
  add_const: addConst,
  copy,
  range_check: rangeCheck,
  max,
  clamp,
  reciprocal,
  rsqrt,
  matmul_private: matmulPrivate,
  layer_norm: layerNorm,
  exp,
  softmax,
  gelu,
  sigmoid,
  index_map: indexMap,
  sparse_linear: sparseLinear,
  conv_linear: convLinear,
  table_gather: tableGather,
};
