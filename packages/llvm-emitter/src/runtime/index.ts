import { add } from './add.ll';
import { add_const } from './add_const.ll';
import { clamp } from './clamp.ll';
import { conv_linear } from './conv_linear.ll';
import { copy } from './copy.ll';
import { exp } from './exp.ll';
import { gelu } from './gelu.ll';
import { index_map } from './index_map.ll';
import { layer_norm } from './layer_norm.ll';
import { linear } from './linear.ll';
import { matmul_private } from './matmul_private.ll';
import { max } from './max.ll';
import { range_check } from './range_check.ll';
import { reciprocal } from './reciprocal.ll';
import { relu } from './relu.ll';
import { rescale } from './rescale.ll';
import { rescale_clip } from './rescale_clip.ll';
import { rescale_relu } from './rescale_relu.ll';
import { rsqrt } from './rsqrt.ll';
import { sigmoid } from './sigmoid.ll';
import { softmax } from './softmax.ll';
import { sparse_linear } from './sparse_linear.ll';
import { table_gather } from './table_gather.ll';

/**
 * Native definitions of the zk.* intrinsics, by gadget name: the body of
 * `define void @zk.<gadget>(<parameters from the gadget's abi>)`. A body names the parameters by
 * their abi names, starts in block `entry`, and may use `%gadget` (an i8* to the gadget's name)
 * for @onnx_zk.check_bounds. The header is generated from the abi (see runtime-module.ts), so
 * parameter order is never written twice.
 */
export const runtimeBodies: Record<string, string> = {
  linear,
  rescale,
  relu,
  rescale_relu,
  rescale_clip,
  add,
  add_const,
  copy,
  range_check,
  max,
  clamp,
  reciprocal,
  rsqrt,
  matmul_private,
  layer_norm,
  exp,
  softmax,
  gelu,
  sigmoid,
  index_map,
  sparse_linear,
  conv_linear,
  table_gather,
};
