/**
 * A wire label for a sub-part of a block: `<node>.<gadget>.<part>[i]` + ('q', 2) →
 * `<node>.<gadget>.<part>_q[i][2]`, so labels keep the `.sym` convention (no dot inside a part).
 */
export function subLabel(label: string, sub: string, ...index: number[]): string {
  const dot = label.lastIndexOf('.');
  const bracket = label.indexOf('[', dot + 1);
  const [stem, indices] = bracket < 0 ? [label, ''] : [label.slice(0, bracket), label.slice(bracket)];
  return `${stem}_${sub}${indices}${index.map((i) => `[${i}]`).join('')}`;
}

/** label + [i]: the bits of a decomposition. */
export function indexLabel(label: string, i: number): string {
  return `${label}[${i}]`;
}
