import { importCast } from './Cast';
import { importConstant } from './Constant';
import type { ImportRule } from './types';

export type { ImportContext, ImportRule } from './types';

/** The ONNX ops the frontend rewrites while importing, by ONNX op type. */
export const importRules: Record<string, ImportRule> = {
  Cast: importCast,
  Constant: importConstant,
};
