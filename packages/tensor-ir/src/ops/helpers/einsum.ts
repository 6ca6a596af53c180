/**
 * Einsum equation planning: each operand's subscripts become label lists (an ellipsis expands to
 * labels '0', '1', ... aligned to the right, numpy style), the output defaults to the labels seen
 * once, in alphabetical order after the ellipsis.
 */
export interface EinsumPlan {
  /** Labels of each operand, one per axis. */
  operands: string[][];
  output: string[];
  /** Summed labels (in no output). */
  summed: string[];
  /** Size of every label. */
  sizes: Map<string, number>;
}

export function planEinsum(equation: string, shapes: number[][]): EinsumPlan | string {
  const eq = equation.replace(/\s+/g, '');
  const [lhs, rhs] = eq.split('->');
  const terms = lhs.split(',');
  if (terms.length !== shapes.length) return `equation '${equation}' has ${terms.length} operands, the node has ${shapes.length}`;
  const ellRank = Math.max(0, ...terms.map((t, i) => (t.includes('...') ? shapes[i].length - (t.length - 3) : 0)));
  const ell = Array.from({ length: ellRank }, (_, i) => String(i));
  const operands: string[][] = [];
  const sizes = new Map<string, number>();
  for (let i = 0; i < terms.length; i++) {
    const labels = expand(terms[i], shapes[i].length);
    if (typeof labels === 'string') return labels;
    operands.push(labels);
    for (let a = 0; a < labels.length; a++) {
      const d = shapes[i][a];
      const prev = sizes.get(labels[a]);
      if (prev !== undefined && prev !== d && prev !== 1 && d !== 1) return `label '${labels[a]}' has sizes ${prev} and ${d}`;
      if (prev === undefined || prev === 1) sizes.set(labels[a], d);
    }
  }
  const all = operands.flat();
  const output = rhs !== undefined ? expand(rhs, -1, ellRank) : [...ell, ...[...new Set(all)].filter((l) => !ell.includes(l) && all.indexOf(l) === all.lastIndexOf(l)).sort()];
  if (typeof output === 'string') return output;
  if (output.some((l) => !sizes.has(l))) return `output '${rhs}' names a label no operand has`;
  return { operands, output, summed: [...sizes.keys()].filter((l) => !output.includes(l)), sizes };
}

/** Labels of one term; `rank` is the operand's rank (-1 for the output, whose ellipsis has `ellRank` dims). */
function expand(term: string, rank: number, ellRank = 0): string[] | string {
  const at = term.indexOf('...');
  const letters = term.replace('...', '');
  if (!/^[A-Za-z]*$/.test(letters)) return `invalid subscripts '${term}'`;
  if (at < 0) return rank >= 0 && letters.length !== rank ? `subscripts '${term}' do not fit rank ${rank}` : [...letters];
  const n = rank >= 0 ? rank - letters.length : ellRank;
  if (n < 0) return `subscripts '${term}' do not fit rank ${rank}`;
  const total = rank >= 0 ? Math.max(n, 0) : ellRank;
  const e = Array.from({ length: n }, (_, i) => String(i + (total - n)));
  return [...term.slice(0, at), ...e, ...term.slice(at + 3)];
}
