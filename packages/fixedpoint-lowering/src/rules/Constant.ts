import { foldConstant } from '../lower/fold-constant';
import { Rule } from './types';

/** Constant: becomes a float constant of the lowering; its users quantize it at the frac they need. */
export const Constant: Rule = { lower: foldConstant };
