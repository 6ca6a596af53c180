import { OpDef } from './types';
import { Add } from './Add';
import { Constant } from './Constant';
import { Flatten } from './Flatten';
import { Gemm } from './Gemm';
import { Identity } from './Identity';
import { MatMul } from './MatMul';
import { Relu } from './Relu';
import { Reshape } from './Reshape';

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
};
