import { OpDef } from './types';
import { ANY_TYPE, inputOfType, broadcastShapes, forEachRun, planRuns, runStride, sameDType, zipMany } from './helpers';
import { Tensor } from '../model';
import { makeTensor } from '../tensor';

/** ONNX Where: condition ? X : Y elementwise, all three broadcast together. */
export const Where: OpDef = {
  op: 'Where',
  inputs: [{ name: 'condition' }, { name: 'X' }, { name: 'Y' }],
  outputs: [{ name: 'output' }],
  attrs: {},
  infer(ctx) {
    const c = inputOfType(ctx, 0, ['bool']);
    const x = inputOfType(ctx, 1, ANY_TYPE);
    const y = inputOfType(ctx, 2, ANY_TYPE);
    sameDType(ctx, x, y);
    const shape = broadcastShapes(c.shape, x.shape, y.shape) ?? ctx.fail(`shapes [${c.shape.join(',')}], [${x.shape.join(',')}], [${y.shape.join(',')}] do not broadcast`);
    return [{ dtype: x.dtype, shape }];
  },
  evalFloat: (node, [c, x, y]) => [x!.data.constructor === y!.data.constructor ? select(c!, x!, y!) : zipMany(node.op, [c!, x!, y!], ([k, a, b]) => (k ? a : b), x!.dtype)],
};

/** condition ? X : Y with X and Y stored alike: elements are copied as they are, run by run. */
function select(c: Tensor, x: Tensor, y: Tensor): Tensor {
  const shape = broadcastShapes(c.shape, x.shape, y.shape);
  if (!shape) return zipMany('Where', [c, x, y], ([k, a, b]) => (k ? a : b), x.dtype);
  const out = makeTensor(x.dtype, shape);
  const runs = planRuns(shape, [c.shape, x.shape, y.shape]);
  const [sc, sx, sy] = [0, 1, 2].map((j) => runStride(runs, j));
  const dc = c.data as Uint8Array;
  const dx = x.data as Float32Array;
  const dy = y.data as Float32Array;
  const od = out.data as Float32Array;
  forEachRun(runs, (o, [pc, px, py], len) => {
    for (let i = 0; i < len; i++) od[o + i] = dc[pc + i * sc] ? dx[px + i * sx] : dy[py + i * sy];
  });
  return out;
}
