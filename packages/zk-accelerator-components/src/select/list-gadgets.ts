import { gadgets } from '../gadgets';
import type { AbiParam, ValueRef } from '../gadgets/types';

function ref(r: ValueRef): string {
  return 'input' in r ? `input ${r.input}` : `output ${r.output}`;
}

/** One abi parameter as `onnx-zk-acc gadgets` shows it, e.g. `lo lo (bounds of output 0)`. */
export function describeParam(p: AbiParam): string {
  switch (p.kind) {
    case 'in': return `in ${p.name} (input ${p.input})`;
    case 'out': return `out ${p.name} (output ${p.output})`;
    case 'const': return `const ${p.name} (input ${p.input}${p.optional ? ', optional' : ''})`;
    case 'int': {
      const f = p.from;
      const from = 'attr' in f ? `attr ${f.attr}${f.default !== undefined ? ` = ${f.default}` : ''}`
        : 'numel' in f ? `numel of ${ref(f.numel)}`
          : 'rows' in f ? `rows of ${ref(f.rows)}` : `dim ${f.axis} of ${ref(f.dim)}`;
      return `int ${p.name} (${from})`;
    }
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
