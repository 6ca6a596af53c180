import { lowerAsReshape } from '../lower/as-reshape';
import { Rule } from './types';

/** Identity lowers to a fixed Reshape to the same shape, so the output keeps its own name. */
export const Identity: Rule = { via: ['Reshape'], lower: lowerAsReshape };
