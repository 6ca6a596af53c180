import { gadgets } from '../gadgets';
import type { AbiParam, IntSource, ValueRef } from '../gadgets/types';

function ref(r: ValueRef): string {
  return 'input' in r ? `input ${r.input}` : `output ${r.output}`;
}

function describeSource(f: IntSource): string {
  if ('attr' in f) return `attr ${f.attr}${f.default !== undefined ? ` = ${f.default}` : ''}`;
  if ('strategy' in f) return 'index of attr strategy';
  if ('choice' in f) return `index of attr ${f.choice} in ${f.of.join('|')}`;
  if ('frac' in f) return `frac of ${ref(f.frac)}`;
  if ('numel' in f) return `numel of ${ref(f.numel)}`;
  if ('rows' in f) return `rows of ${ref(f.rows)}`;
  return `dim ${f.axis} of ${ref(f.dim)}`;
}

/** One abi parameter as `onnx-zk-acc gadgets` shows it, e.g. `lo lo (bounds of output 0)`. */
export function describeParam(p: AbiParam): string {
  switch (p.kind) {
    case 'in': return `in ${p.name} (input ${p.input}${p.optional ? ', optional' : ''})`;
    case 'out': return `out ${p.name} (output ${p.output}${p.optional ? ', optional' : ''})`;
    case 'const': return `const ${p.name} (input ${p.input}${p.optional ? ', optional' : ''})`;
    case 'int': return `int ${p.name} (${describeSource(p.from)})`;
    case 'lo':
    case 'hi': return `${p.kind} ${p.name} (bounds of ${ref(p.of)}${p.rescaledBy ? ` rescaled by attr ${p.rescaledBy}` : ''})`;
  }
}

/** The gadget list: name, op, strategies, summary and abi of each. */
export function formatGadgetList(): string {
  return Object.values(gadgets).map((g) => [
    `${g.name}  (op ${g.op}; strategies: ${g.strategies.join(', ')})`,
    `  ${g.summary}`,
    `  zk.${g.name}(${g.abi.map(describeParam).join(', ')})`,
  ].join('\n')).join('\n\n') + '\n';
}
