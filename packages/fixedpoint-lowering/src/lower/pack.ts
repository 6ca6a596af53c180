import { Node, numel } from '@onnx-zk/tensor-ir';
import { FixedValue, LowerContext } from './context';

/** The values one after another in one flat tensor, by a chain of IndexMaps (free in the circuit). */
export function packValues(ctx: LowerContext, node: Node, values: FixedValue[]): FixedValue {
  let acc = values[0];
  for (const v of values.slice(1)) {
    const n = numel(acc.shape) + numel(v.shape);
    const map = ctx.addConstant(`${node.name}.pack`, [n], Array.from({ length: n }, (_, i) => BigInt(i)), 0);
    const packed = ctx.tempValue(`${node.name}.pack`, acc.frac, [n]);
    ctx.emit({ op: 'IndexMap', name: `${node.name}.pack`, inputs: [acc.name, map.name, '', v.name], loc: ctx.locOf(node), outputs: [packed] });
    acc = packed;
  }
  return acc;
}
