import { OpDef } from './types';
import { FLOAT_TYPES, inputOfType } from './helpers';
import { makeTensor } from '../tensor';
import { Tensor } from '../model';
import { IrErrors, raise } from '../errors';

/**
 * ONNX Dropout at inference: output = data, mask all true (bool; the data's dtype before opset
 * 10). Training mode (a true `training_mode` input, opset 12+) draws random masks and is
 * rejected (when the input is a constant, at shape inference; otherwise when run), except with
 * ratio 0 where it is the identity too.
 */
export const Dropout: OpDef = {
  op: 'Dropout',
  inputs: [{ name: 'data' }, { name: 'ratio', optional: true }, { name: 'training_mode', optional: true }],
  outputs: [{ name: 'output' }, { name: 'mask', optional: true }],
  attrs: { ratio: { type: 'float', default: 0.5 }, seed: { type: 'int', default: 0 } },
  infer(ctx) {
    const x = inputOfType(ctx, 0, FLOAT_TYPES);
    if (ctx.opset < 12 && ctx.node.inputs.length > 1) ctx.fail(`ratio and training_mode are inputs from opset 12 (opset ${ctx.opset})`);
    const training = ctx.constants[2];
    if (training?.data[0] && !isZeroRatio(ctx.constants[1])) ctx.fail('training mode with a nonzero ratio draws random masks; only inference is supported');
    return [{ dtype: x.dtype, shape: [...x.shape] }, { dtype: ctx.opset < 10 ? x.dtype : 'bool', shape: [...x.shape] }];
  },
  evalFloat(node, [x, ratio, training], opset) {
    if (training?.data[0] && !isZeroRatio(ratio)) {
      raise(IrErrors.BAD_OPERANDS, { node: node.name, op: node.op }, 'training mode with a nonzero ratio is not supported');
    }
    const mask = makeTensor(opset < 10 ? x!.dtype : 'bool', x!.shape);
    mask.data.fill(1 as never);
    return [makeTensor(x!.dtype, x!.shape, x!.data.slice()), mask];
  },
};

function isZeroRatio(ratio: Tensor | undefined): boolean {
  return ratio !== undefined && Number(ratio.data[0]) === 0;
}
