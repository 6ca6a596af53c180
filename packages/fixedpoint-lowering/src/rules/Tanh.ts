import { lowerSigmoidForm } from './Sigmoid';
import { Rule } from './types';

/** ONNX Tanh → the fixed Sigmoid with form tanh (tanh and σ share one table and one gadget). */
export const Tanh: Rule = {
  via: ['Sigmoid'],
  lower: (node, ctx) => lowerSigmoidForm(node, ctx, 'tanh'),
};
