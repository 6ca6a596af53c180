import { Node, raise } from '@onnx-zk/tensor-ir';
import { Errors } from '../errors';
import { LowerContext } from '../lower/context';
import { featureMaps, poolWindows } from '../lower/pool-windows';
import { Rule } from './types';

/**
 * MaxPool and GlobalMaxPool → IndexMap gathering every window into a row of the widest window's
 * length (a short window repeats its first tap: max is idempotent, so the result is exact), the
 * fixed ReduceMax over those rows (the compare block), and a Reshape to the output shape.
 */
export function lowerMaxPool(node: Node, ctx: LowerContext, global: boolean): void {
  const site = ctx.siteOf(node);
  if (node.outputs.slice(1).some((o) => o !== '')) raise(Errors.UNSUPPORTED_FORM, site, 'the Indices output');
  const x = ctx.value(node.inputs[0], site);
  const { out, windows } = poolWindows(node, ctx, x, global);
  const width = Math.max(...windows.map((w) => w.inputs.length));
  const { maps, size } = featureMaps(x);
  const map: bigint[] = [];
  for (let m = 0; m < maps; m++) {
    for (const w of windows) for (let t = 0; t < width; t++) map.push(BigInt(m * size + w.inputs[t < w.inputs.length ? t : 0]));
  }
  const shape = [x.shape[0], x.shape[1], ...out];
  const rows = [...shape, width];
  const loc = ctx.locOf(node);
  const mapConst = ctx.addConstant(`${node.name}.windows`, rows, map, 0);
  const gathered = ctx.tempValue(`${node.outputs[0]}.windows`, x.frac, rows);
  ctx.emit({ op: 'IndexMap', name: `${node.name}.windows`, inputs: [x.name, mapConst.name], loc, outputs: [gathered] });
  const max = ctx.tempValue(`${node.outputs[0]}.max`, x.frac, [...shape, 1]);
  ctx.emit({ op: 'ReduceMax', name: node.name, inputs: [gathered.name], loc, outputs: [max] });
  const y = ctx.valueFor(node.outputs[0], x.frac, shape);
  ctx.emit({ op: 'Reshape', name: `${node.name}.reshape`, inputs: [max.name], attrs: { shape: { type: 'ints', value: shape } }, loc, outputs: [y] });
  ctx.bind(node.outputs[0], y);
}

const via = ['IndexMap', 'ReduceMax'];
export const MaxPool: Rule = { via, lower: (node, ctx) => lowerMaxPool(node, ctx, false) };
export const GlobalMaxPool: Rule = { via, lower: (node, ctx) => lowerMaxPool(node, ctx, true) };
