import { lowerAsReshape } from '../lower/as-reshape';
import { Rule } from './types';

/** Flatten only changes the shape: it lowers to a fixed Reshape to the inferred 2-D shape. */
export const Flatten: Rule = { via: ['Reshape'], lower: lowerAsReshape };
