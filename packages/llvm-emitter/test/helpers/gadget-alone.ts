import { ConstraintSystem, GadgetDef, gadgets, ParamValue, Signal } from '@onnx-zk/zk-accelerator-components';
import { runtimeModuleText } from '../../src/runtime/runtime-module';
import { integers, runLli } from './native';

/**
 * One gadget run alone, natively and as a witness: the runtime body under lli-14 from a @main
 * with its parameters as globals, and the gadget's synthesize. Tests compare the two bit for bit.
 *
 * `args` in abi order: arrays for in/const/lo/hi (full per-element bounds), numbers for int and
 * for out (its element count), null for an absent optional pointer (an absent out: 0 elements).
 * Both sides give the outputs concatenated in abi order, as the prover splits them.
 */
export type Arg = bigint[] | number | null;

function globalArray(name: string, values: bigint[]): { global: string; ptr: string } {
  const type = `[${values.length} x i64]`;
  return {
    global: `@${name} = global ${type} [${values.map((v) => `i64 ${v}`).join(', ')}]`,
    ptr: `i64* getelementptr inbounds (${type}, ${type}* @${name}, i64 0, i64 0)`,
  };
}

export function nativeOutputs(gadget: GadgetDef, args: Arg[]): bigint[] {
  const globals: string[] = [];
  const outs: { ptr: string; n: number }[] = [];
  const operands = gadget.abi.map((p, i) => {
    const a = args[i];
    if (p.kind === 'int') return `i64 ${a}`;
    if (a === null) return 'i64* null';
    const g = globalArray(`arg${i}`, p.kind === 'out' ? Array(a as number).fill(0n) : (a as bigint[]));
    globals.push(g.global);
    if (p.kind === 'out') outs.push({ ptr: g.ptr, n: a as number });
    return g.ptr;
  });
  const main = `${globals.join('\n')}
define i32 @main() {
entry:
  call void @"zk.${gadget.name}"(${operands.join(', ')})
${outs.map((o) => `  call void @onnx_zk.print_output(${o.ptr}, i64 ${o.n})\n`).join('')}  ret i32 0
}`;
  const r = runLli(`${runtimeModuleText([gadget])}\n${main}`, '');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return integers(r.stdout);
}

export function witnessOutputs(gadget: GadgetDef, args: Arg[]): bigint[] {
  const cs = new ConstraintSystem();
  const params = gadget.abi.map((p, i): ParamValue => {
    const a = args[i];
    if (p.kind === 'in') return a === null ? [] : (a as bigint[]).map((v, j): Signal => cs.newWire(v, `${p.name}[${j}]`));
    if (p.kind === 'out') return a === null ? 0 : (a as number);
    if (a === null || typeof a === 'number') return a;
    return BigInt64Array.from(a);
  });
  return gadget.synthesize(cs, params, ['N']).map((s) => s.value);
}

/** The gadget `name`'s native outputs equal its witness outputs on `args`. */
export function agree(name: string, args: Arg[]): void {
  const expected = witnessOutputs(gadgets[name], args);
  expect(nativeOutputs(gadgets[name], args)).toEqual(expected);
}
