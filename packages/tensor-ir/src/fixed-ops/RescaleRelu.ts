import { OpDef } from '../ops/types';
import { Rescale } from './Rescale';

/** Relu(Rescale(x)), made only by accelerator selection's fusion; same shape and frac rule as Rescale. */
export const RescaleRelu: OpDef = {
  ...Rescale,
  op: 'RescaleRelu',
};
