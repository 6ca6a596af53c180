import { assert } from '@onnx-zk/tensor-ir';
import type { Signal } from '../r1cs/linear-combination';
import type { AbiKind, AbiParam, ParamValue } from './types';

/** Named, kind-checked access to a gadget's positional parameters. */
export class Params {
  constructor(private readonly gadget: string, private readonly abi: AbiParam[], private readonly values: ParamValue[]) {
    assert(values.length === abi.length, `${gadget}: ${values.length} params for an abi of ${abi.length}`);
  }

  private get(name: string, kinds: AbiKind[]): ParamValue {
    const i = this.abi.findIndex((p) => p.name === name);
    assert(i >= 0 && kinds.includes(this.abi[i].kind), `${this.gadget}: no ${kinds.join('/')} param ${name}`);
    return this.values[i];
  }

  int(name: string): number {
    const v = this.get(name, ['int']);
    assert(typeof v === 'number' && Number.isInteger(v), `${this.gadget}: int param ${name} is ${typeof v}`);
    return v;
  }

  signals(name: string): Signal[] {
    const v = this.get(name, ['in']);
    assert(Array.isArray(v), `${this.gadget}: param ${name} is not a Signal[]`);
    return v;
  }

  /** Element count of an `in` (Signal[] or, for cost, a number) or `out` param. */
  numel(name: string): number {
    const v = this.get(name, ['in', 'out']);
    if (Array.isArray(v)) return v.length;
    assert(typeof v === 'number', `${this.gadget}: param ${name} has no element count`);
    return v;
  }

  tensor(name: string): BigInt64Array | null {
    const v = this.get(name, ['const']);
    assert(v === null || v instanceof BigInt64Array, `${this.gadget}: const param ${name} is not a BigInt64Array`);
    return v;
  }

  bounds(name: string): BigInt64Array {
    const v = this.get(name, ['lo', 'hi']);
    assert(v instanceof BigInt64Array, `${this.gadget}: bounds param ${name} is not a BigInt64Array`);
    return v;
  }
}

/** Element i of a per-element bounds array (a single entry applies to every element). */
export function boundAt(bounds: BigInt64Array, i: number): bigint {
  return bounds[bounds.length === 1 ? 0 : i];
}

/** A wire or constraint label: `<onnx node>.<gadget>.<part>[i][j]`. */
export function labelOf(loc: string[], gadget: string, part: string, ...index: number[]): string {
  return `${loc[0] ?? 'main'}.${gadget}.${part}${index.map((i) => `[${i}]`).join('')}`;
}
