import { Attr, ErrorSite, Graph, Node, Tensor, assert, emptyGraph, makeTensor } from '@onnx-zk/tensor-ir';
import { quantizeValues, realValues } from '../scheme/quantize-values';

/** A value of the fixed graph that stands for a float value: its name, frac and shape. */
export interface FixedValue {
  name: string;
  frac: number;
  shape: number[];
}

/** A node to emit; its name is made unique and its outputs get int64 ValueInfo with FixedInfo. */
export interface EmitSpec {
  op: string;
  name: string;
  inputs: string[];
  attrs?: Record<string, Attr>;
  loc: string[];
  outputs: FixedValue[];
}

/**
 * State of one lowering: the fixed graph under construction and the map from float values to
 * fixed ones. Rules read the float graph and emit fixed nodes only through this class. Bounds are
 * left empty here and filled in by the range analysis afterwards.
 */
export class LowerContext {
  readonly graph: Graph;
  private readonly bound = new Map<string, FixedValue>();
  private readonly floatConstants: Map<string, Tensor>;
  private readonly consumers = new Map<string, Node[]>();
  private readonly absorbed = new Set<Node>();
  private readonly nodeNames = new Set<string>();

  constructor(readonly source: Graph, readonly frac: number) {
    this.graph = emptyGraph(source.name, 'fixed', source.opset);
    this.floatConstants = new Map(source.constants);
    for (const node of source.nodes) {
      for (const input of node.inputs) {
        if (input === '') continue;
        const users = this.consumers.get(input) ?? [];
        if (!users.includes(node)) users.push(node);
        this.consumers.set(input, users);
      }
    }
  }

  siteOf(node: Node): ErrorSite {
    return { node: node.name, op: node.op };
  }

  /** The ONNX node names a float node stands for (its own name when it has no loc). */
  locOf(node: Node): string[] {
    return node.loc.length ? [...node.loc] : [node.name];
  }

  shapeOf(floatValue: string): number[] {
    const info = this.source.values.get(floatValue);
    assert(info, `float value '${floatValue}' has no ValueInfo`);
    return [...info.shape];
  }

  /** The float constant behind a value (an initializer or a Constant node's output), if it is one. */
  constant(floatValue: string): Tensor | undefined {
    return this.floatConstants.get(floatValue);
  }

  defineConstant(floatValue: string, t: Tensor): void {
    this.floatConstants.set(floatValue, t);
  }

  /** Whether a float value is available: lowered already, or a constant. */
  isKnown(floatValue: string): boolean {
    return this.bound.has(floatValue) || this.floatConstants.has(floatValue);
  }

  /** The fixed value for a float value; a float constant is quantized at the default frac on first use. */
  value(floatValue: string, site: ErrorSite): FixedValue {
    const v = this.bound.get(floatValue);
    if (v) return v;
    const t = this.floatConstants.get(floatValue);
    assert(t, `float value '${floatValue}' used before it is lowered`);
    const values = quantizeValues(realValues(t), this.frac, site, floatValue);
    const fixed = this.addConstant(floatValue, t.shape, values, this.frac, floatValue);
    this.bound.set(floatValue, fixed);
    return fixed;
  }

  bind(floatValue: string, v: FixedValue): void {
    assert(!this.bound.has(floatValue), `float value '${floatValue}' lowered twice`);
    this.bound.set(floatValue, v);
  }

  /** A new fixed value standing for float value `floatValue` (named after it when the name is free). */
  valueFor(floatValue: string, frac: number, shape: number[] = this.shapeOf(floatValue)): FixedValue {
    return { name: this.freshValueName(floatValue, floatValue), frac, shape: [...shape] };
  }

  /** A new intermediate fixed value. */
  tempValue(base: string, frac: number, shape: number[]): FixedValue {
    return { name: this.freshValueName(base), frac, shape: [...shape] };
  }

  /**
   * Adds an int64 constant whose FixedInfo is the point interval of its values. A BigInt64Array
   * is taken as it is (not copied), and the bounds are that same array: lo = hi = the data, one
   * copy of every weight (FixedInfo arrays and constants are never written in place).
   */
  addConstant(base: string, shape: number[], values: ArrayLike<bigint>, frac: number, own?: string): FixedValue {
    const name = this.freshValueName(base, own);
    const t = makeTensor('int64', shape, values instanceof BigInt64Array ? values : Array.from(values));
    this.graph.constants.set(name, t);
    const data = t.data as BigInt64Array;
    this.graph.values.set(name, { name, dtype: 'int64', shape: [...shape], fixed: { frac, lo: data, hi: data } });
    return { name, frac, shape: [...shape] };
  }

  emit(spec: EmitSpec): Node {
    const node: Node = {
      op: spec.op,
      name: this.freshNodeName(spec.name),
      inputs: spec.inputs,
      outputs: spec.outputs.map((o) => o.name),
      attrs: spec.attrs ?? {},
      loc: [...new Set(spec.loc)],
    };
    for (const o of spec.outputs) {
      assert(!this.graph.values.has(o.name), `fixed value '${o.name}' defined twice`);
      const empty = new BigInt64Array(0);
      this.graph.values.set(o.name, { name: o.name, dtype: 'int64', shape: [...o.shape], fixed: { frac: o.frac, lo: empty, hi: empty } });
    }
    this.graph.nodes.push(node);
    return node;
  }

  /**
   * A name for a fixed value. `own` is the float value it stands for, whose name it takes when
   * free; intermediates (no `own`) get a name used by neither graph.
   */
  freshValueName(base: string, own?: string): string {
    const taken = (n: string) => this.graph.values.has(n) || (n !== own && this.source.values.has(n));
    let name = base;
    for (let i = 1; taken(name); i++) name = `${base}.${i}`;
    return name;
  }

  private freshNodeName(base: string): string {
    let name = base;
    for (let i = 1; this.nodeNames.has(name); i++) name = `${base}.${i}`;
    this.nodeNames.add(name);
    return name;
  }

  consumersOf(floatValue: string): Node[] {
    return this.consumers.get(floatValue) ?? [];
  }

  isGraphOutput(floatValue: string): boolean {
    return this.source.outputs.includes(floatValue);
  }

  /** Marks a later float node as lowered together with an earlier one (e.g. a bias Add). */
  absorb(node: Node): void {
    this.absorbed.add(node);
  }

  isAbsorbed(node: Node): boolean {
    return this.absorbed.has(node);
  }
}
